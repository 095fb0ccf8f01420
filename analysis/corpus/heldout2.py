#!/usr/bin/env python3
"""Writes heldout2.jsonl: a second hand-written held-out set, written after the lexicon was widened from the misses
of heldout.jsonl, in phrasings used nowhere before. Synthetic and non-graphic (DEVELOPERS.md rule 4)."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout2", lines, **labels))


conv("k01", [("P", "u in grade 5?"), ("S", "yes im 10"), ("P", "lemme see u without ur shirt"),
             ("P", "will send 30 usd"), ("P", "open ur webcam now")],
     stages=dict(age_awareness=1, sexual_solicitation=2, payment_offer=3, webcam_request=4), solicitation=2, wcst=4)
conv("k02", [("P", "age?"), ("S", "10"), ("P", "undies only ok?")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("k03", [("P", "is ur mom there"), ("S", "no"), ("P", "this stays our secret right")],
     stages=dict(secrecy=2))
conv("k04", [("P", "i love the show you made in art class"), ("P", "my camera is old"),
             ("P", "i can teach you guitar for free"), ("S", "im 10")], stages=dict(age_awareness=3))
conv("k05", [("P", "how old"), ("S", "11 yrs"), ("P", "skype call with video? i pay 20$")],
     stages=dict(age_awareness=1, webcam_request=2, payment_offer=2))
conv("k06", [("P", "u r a baby lol"), ("P", "remove ur clothes")],
     stages=dict(age_awareness=0, sexual_solicitation=1), solicitation=1)
conv("k07", [("P", "hey"), ("S", "hi im 10 yrs old"), ("P", "do u have facebook"), ("S", "no"),
             ("P", "ok bye")], stages=dict(age_awareness=1))
conv("k08", [("P", "wie oud ben jij"), ("S", "ik ben 10"), ("P", "trek je kleren uit voor de camera"),
             ("P", "ik betaal goed")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2, payment_offer=3), solicitation=2, wcst=3)
conv("k09", [("P", "never meet people from the internet alone, ok?"), ("S", "ok im 9")],
     stages=dict(age_awareness=1))
conv("k10", [("P", "ich gebe dir geld"), ("S", "ich bin 10"), ("P", "mach die kamera an und zieh dich aus")],
     stages=dict(payment_offer=0, age_awareness=1, webcam_request=2, sexual_solicitation=2), solicitation=2, wcst=2)
conv("k11", [("P", "add my kik pls: rob.example88"), ("P", "i am from Denver")],
     ids=[("kik", "rob.example88", 0), ("location", "Denver", 1)], country="US")
conv("k12", [("P", "cash app me at $RobSample"), ("P", "my mail rob@example.net")],
     ids=[("cashapp", "$robsample", 0), ("email", "rob@example.net", 1)])
conv("k13", [("P", "hi"), ("S", "wanna video call?"), ("P", "ok")], tainted=True)
conv("k14", [("P", "que edad tienes"), ("S", "tengo 10"), ("P", "mandame fotos sin ropa")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("k15", [("P", "tu as quel age"), ("S", "10 ans"), ("P", "montre moi ton corps en video")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2), solicitation=2)

write("heldout2.jsonl", C)
