#!/usr/bin/env python3
"""Writes heldout.jsonl: conversations written by hand, in phrasings NOT taken from the lexicon, to measure how the
engine generalises (./sweetie eval --corpus analysis/corpus/heldout.jsonl). Synthetic and non-graphic (rule 4).
Each conversation: lines ("P" partner, "S" persona) and labels, with message indexes counted from 0."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout", lines, **labels))


conv("h01", [("P", "heyy cutie"), ("S", "hello"), ("P", "u look young, whats ur age"), ("S", "i am 11"),
             ("P", "strip for me"), ("P", "i send u 50 bucks"), ("P", "switch on ur camera")],
     stages=dict(age_awareness=3, sexual_solicitation=4, payment_offer=5, webcam_request=6), solicitation=4, wcst=6)
conv("h02", [("P", "hi"), ("S", "hi po"), ("P", "how many years are you"), ("S", "12"), ("P", "get undressed ok"),
             ("P", "i can pay via pay pal")],
     stages=dict(age_awareness=3, sexual_solicitation=4, payment_offer=5), solicitation=4)
conv("h03", [("P", "anyone else home?"), ("S", "no"), ("P", "keep this between us"), ("P", "bye")],
     stages=dict(secrecy=0))
conv("h04", [("P", "erase our chat after ok"), ("S", "ok")], stages=dict(secrecy=0))
conv("h05", [("P", "video chat with me?"), ("S", "i am 10"), ("P", "show urself with no clothes on")],
     stages=dict(webcam_request=0, age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("h06", [("P", "i watched a great show last night"), ("P", "my webcam broke yesterday"),
             ("P", "i give free english lessons to kids online"), ("S", "im 9")], stages=dict(age_awareness=3))
conv("h07", [("P", "stay safe online sweetie, dont trust people who ask for photos"), ("S", "im 10")],
     stages=dict(age_awareness=1))
conv("h08", [("P", "what r u wearing"), ("S", "10 yrs old"), ("P", "take it all off")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("h09", [("P", "i will give you load 100 if u show"), ("S", "im 10 po"), ("P", "show ur body on cam")],
     stages=dict(payment_offer=0, age_awareness=1, sexual_solicitation=2, webcam_request=2), solicitation=2, wcst=2)
conv("h10", [("P", "hola nena"), ("S", "hi"), ("P", "cuantos años tienes"), ("S", "10"), ("P", "quitate todo"),
             ("P", "te mando dinero por western union")],
     stages=dict(age_awareness=3, sexual_solicitation=4, payment_offer=5), solicitation=4)
conv("h11", [("P", "hallo schatz"), ("S", "ich bin 10"), ("P", "zeig mir alles ohne klamotten"),
             ("P", "ich schick dir 20 euro")],
     stages=dict(age_awareness=1, sexual_solicitation=2, payment_offer=3), solicitation=2)
conv("h12", [("P", "coucou"), ("S", "j'ai 11 ans"), ("P", "enleve tes vetements pour moi")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("h13", [("P", "oi linda"), ("S", "tenho 10"), ("P", "fica pelada pra mim na camera")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2), solicitation=2)
conv("h14", [("P", "hoi"), ("S", "ik ben 11"), ("P", "doe je kleren uit"), ("P", "ik geef je 10 euro")],
     stages=dict(age_awareness=1, sexual_solicitation=2, payment_offer=3), solicitation=2)
conv("h15", [("P", "you should tell your parents if a man asks you to undress"), ("S", "ok im 10")],
     stages=dict(age_awareness=1))
conv("h16", [("P", "hi"), ("S", "hi"), ("P", "find me on snapchat: dave.sample77"), ("P", "or mail dave77@example.org"),
             ("P", "im from Bristol btw")],
     ids=[("snapchat", "dave.sample77", 2), ("email", "dave77@example.org", 3), ("location", "Bristol", 4)],
     country="GB")
conv("h17", [("P", "my telegram is @sam_example_tg"), ("P", "whats app me +61 491 570 120")],
     ids=[("telegram", "sam_example_tg", 0), ("phone", "+61491570120", 1), ("whatsapp", "+61491570120", 1)],
     country="AU")
conv("h18", [("P", "venmo: sam-example-77"), ("P", "i am 52 and work as an engineer")],
     ids=[("venmo", "sam-example-77", 0), ("age", "52", 1), ("occupation", "engineer", 1)])
conv("h19", [("P", "hi"), ("S", "do u want to see me dance?"), ("P", "sure"), ("S", "send me money")],
     stages={}, tainted=True)
conv("h20", [("P", "whats up"), ("S", "nothing"), ("P", "im bored lol"), ("S", "me too"), ("P", "bye")])
conv("h21", [("P", "how old r u"), ("S", "7"), ("P", "show me ur pussy cat lol"), ("P", "jk")],
     stages=dict(age_awareness=1))
conv("h22", [("P", "r u home alone rn"), ("S", "yes"), ("P", "good. turn on webcam")],
     stages=dict(secrecy=0, webcam_request=2))
conv("h23", [("P", "u r just a little kid"), ("P", "wanna make money? take off ur top")],
     stages=dict(age_awareness=0, sexual_solicitation=1, payment_offer=1), solicitation=1)
conv("h24", [("P", "sexyyy shoowww pls"), ("S", "what? im 10"), ("P", "sexy show or no?")],
     stages=dict(sexual_solicitation=0, age_awareness=1), solicitation=2)
conv("h25", [("P", "nice pic"), ("P", "i live in Houston"), ("P", "it's 4 am here lol")],
     ids=[("location", "Houston", 1)], country="US")

write("heldout.jsonl", C)
