#!/usr/bin/env python3
"""Writes heldout6.jsonl: a sixth hand-written held-out set, written after the round built from heldout5's misses
(ages asked as yes/no questions and written as words, "on video", prices the partner paid, a
camera of his own), in phrasings used nowhere before, with innocent look-alikes of the new rules. Measured once and
reported. Synthetic and non-graphic (rule 4)."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout6", lines, **labels))


conv("r01", [("P", "r u really only 9?"), ("P", "then show me ur body naked on video chat"),
             ("P", "i pay u with gcash")],
     stages=dict(age_awareness=0, sexual_solicitation=1, webcam_request=1, payment_offer=2), solicitation=1, wcst=2)
conv("r02", [("P", "jij bent toch tien?"), ("P", "kleed je uit op skype")],
     stages=dict(age_awareness=0, sexual_solicitation=1, webcam_request=1), solicitation=1)
conv("r03", [("P", "du bist erst elf oder"), ("P", "ich will dich nackt sehen")],
     stages=dict(age_awareness=0, sexual_solicitation=1), solicitation=1)
conv("r04", [("P", "eres una nina de 10 verdad"), ("P", "desnudate en la camara y te pago")],
     stages=dict(age_awareness=0, sexual_solicitation=1, webcam_request=1, payment_offer=1), solicitation=1, wcst=1)
conv("r05", [("P", "i paid 30 dollars for this headset"), ("P", "my webcam came with it"), ("S", "im 10")],
     stages=dict(age_awareness=2))
conv("r06", [("P", "my niece is ten, she loves drawing too"), ("S", "me too im 10")],
     stages=dict(age_awareness=1))
conv("r07", [("P", "you are 10, so never undress for anyone online ok"), ("P", "tell a teacher if someone asks")],
     stages=dict(age_awareness=0))
conv("r08", [("P", "my snapchat is night_owl.ex"), ("P", "i live in Antwerp, i drive a taxi")],
     ids=[("snapchat", "night_owl.ex", 0), ("location", "Antwerp", 1)], country="BE")
conv("r09", [("P", "how old r u"), ("S", "10"), ("P", "go somewhere nobody sees u and turn on video")],
     stages=dict(age_awareness=1, webcam_request=2, secrecy=2))
conv("r10", [("P", "asl"), ("S", "10 f ph"), ("P", "want 1000 pesos? just take off ur shirt on cam")],
     stages=dict(age_awareness=1, payment_offer=2, sexual_solicitation=2, webcam_request=2), solicitation=2, wcst=2)

write("heldout6.jsonl", C)
