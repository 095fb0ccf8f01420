#!/usr/bin/env python3
"""Writes heldout3.jsonl: a third hand-written held-out set, written after the word-set rules were added from the
misses of heldout2.jsonl, in phrasings used nowhere before, with innocent lines that look like the new rules.
Synthetic and non-graphic (DEVELOPERS.md rule 4)."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout3", lines, **labels))


conv("m01", [("P", "what grade r u in"), ("S", "4th grade, im 10"), ("P", "can i see u in just underwear"),
             ("P", "i transfer 25 dollars after"), ("P", "use the camera on ur phone")],
     stages=dict(age_awareness=1, sexual_solicitation=2, payment_offer=3, webcam_request=4), solicitation=2, wcst=4)
conv("m02", [("P", "did you open the video i sent about the puppy"), ("P", "we got new school clothes today"),
             ("P", "i remove the old shirt stains with soap lol"), ("S", "im 10")], stages=dict(age_awareness=3))
conv("m03", [("P", "your age pls"), ("S", "9"), ("P", "lift ur shirt for me")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("m04", [("P", "nobody can know about us ok"), ("P", "are your parents at work?")],
     stages=dict(secrecy=0))
conv("m05", [("P", "i give 500 pesos if u dance naked on cam"), ("S", "im 10 po")],
     stages=dict(payment_offer=0, sexual_solicitation=0, webcam_request=0, age_awareness=1))
conv("m06", [("P", "hoe oud"), ("S", "10"), ("P", "laat je lichaam zien zonder kleding")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("m07", [("P", "hi"), ("S", "im 10"), ("P", "cute. send pics in ur swimsuit")],
     stages=dict(age_awareness=1, sexual_solicitation=2), solicitation=2)
conv("m08", [("P", "ping me on discord: quietfox#0042"), ("P", "im a nurse from Brisbane")],
     ids=[("discord", "quietfox#0042", 0), ("occupation", "nurse", 1), ("location", "Brisbane", 1)], country="AU")
conv("m09", [("P", "hey"), ("S", "im 10. do you want to buy me something?")], stages=dict(age_awareness=1),
     tainted=True)
conv("m10", [("P", "how old are u"), ("S", "11"), ("P", "pay attention in school ok"), ("P", "bye")],
     stages=dict(age_awareness=1))

write("heldout3.jsonl", C)
