#!/usr/bin/env python3
"""Writes heldout4.jsonl: a fourth hand-written held-out set, written after the live-capture work (which added
partner age statements in Dutch, German, Spanish, French and Portuguese and handle cues), in phrasings used nowhere
before, across the engine's languages, with innocent look-alikes. Measured once and reported; the lexicon is not
tuned to it before that measurement; two labels corrected afterwards (n01 and n02 have no webcam request, so no
WCST by BRIEF section 4). Synthetic and non-graphic (rule 4)."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout4", lines, **labels))


conv("n01", [("P", "u r still 10 yeah"), ("P", "wanna show me ur body with no clothes on"),
             ("P", "i send u 30 usd via paypal")],
     stages=dict(age_awareness=0, sexual_solicitation=1, payment_offer=2), solicitation=1)
conv("n02", [("P", "hoeveel jaar ben je"), ("S", "10"), ("P", "doe je kleren uit voor mij"),
             ("P", "ik geef je 20 euro")],
     stages=dict(age_awareness=1, sexual_solicitation=2, payment_offer=3), solicitation=2)
conv("n03", [("P", "wie alt bist du denn"), ("S", "zehn"), ("P", "zieh dich aus vor der kamera")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2), solicitation=2)
conv("n04", [("P", "que edad tienes"), ("S", "tengo 10"), ("P", "quitate la ropa para mi")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("n05", [("P", "tu as quel age"), ("S", "10 ans"), ("P", "enleve tes vetements devant la cam")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2), solicitation=2)
conv("n06", [("P", "quantos anos vc tem"), ("S", "10"), ("P", "tira a roupa pra mim")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("n07", [("P", "ilang taon ka na"), ("S", "10 po"), ("P", "hubad ka sa cam bibigyan kita 500")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2, payment_offer=2), solicitation=2, wcst=2)
conv("n08", [("P", "my cam broke yesterday lol"), ("P", "i watched a cooking show"), ("S", "im 10")],
     stages=dict(age_awareness=2))
conv("n09", [("P", "ur 10? be careful, some men here ask kids for pictures"), ("P", "tell ur mom if they do")],
     stages=dict(age_awareness=0))
conv("n10", [("P", "i teach piano, first lesson is free for kids"), ("S", "im 10")],
     stages=dict(age_awareness=1))
conv("n11", [("P", "my whatsapp is +44 7700 900555"), ("P", "i work as a plumber in Bristol")],
     ids=[("whatsapp", "+447700900555", 0), ("occupation", "plumber", 1), ("location", "Bristol", 1)], country="GB")
conv("n12", [("P", "cashapp me at $dan_example"), ("P", "or zelle"), ("P", "im from Denver")],
     ids=[("cashapp", "$dan_example", 0), ("location", "Denver", 2)], country="US")
conv("n13", [("P", "how old"), ("S", "10"), ("P", "keep this between u and me"), ("P", "delete our chat after")],
     stages=dict(age_awareness=1, secrecy=2))
conv("n14", [("P", "u look mature for 10"), ("P", "can u do a private video call just us")],
     stages=dict(age_awareness=0, webcam_request=1))
conv("n15", [("P", "hi"), ("S", "hi, im 10"), ("P", "nice, what games do u play")], stages=dict(age_awareness=1))

write("heldout4.jsonl", C)
