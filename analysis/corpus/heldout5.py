#!/usr/bin/env python3
"""Writes heldout5.jsonl: a fifth hand-written held-out set, written after the rules added from heldout4's misses
(camera phrasing in five languages, "between you and me", Tagalog "bibigyan kita", more ways to state or ask an
age), in phrasings used nowhere before. Measured once and reported. Synthetic and non-graphic (rule 4)."""
from heldout_common import conversation, write

C = []


def conv(cid, lines, **labels):
    C.append(conversation(cid, "heldout5", lines, **labels))


conv("q01", [("P", "whats ur age sweetie"), ("S", "10"), ("P", "take ur top off for me on video"),
             ("P", "ill send gcash after")],
     stages=dict(age_awareness=1, sexual_solicitation=2, webcam_request=2, payment_offer=3), solicitation=2, wcst=3)
conv("q02", [("P", "bist du wirklich erst 10?"), ("P", "zeig mir dich ohne kleidung"), ("P", "ich zahle mit paypal")],
     stages=dict(age_awareness=0, sexual_solicitation=1, payment_offer=2), solicitation=1)
conv("q03", [("P", "ben je 10?"), ("S", "ja"), ("P", "ga voor de webcam zitten zonder kleren")],
     stages=dict(age_awareness=0, sexual_solicitation=2, webcam_request=2), solicitation=2)
conv("q04", [("P", "tienes diez?"), ("S", "si"), ("P", "muestrame tu cuerpo desnudo por video")],
     stages=dict(age_awareness=0, sexual_solicitation=2, webcam_request=2), solicitation=2)
conv("q05", [("P", "t'as 10 ans c'est ca"), ("P", "montre toi nue sur skype, je te donne 20 euros")],
     stages=dict(age_awareness=0, sexual_solicitation=1, webcam_request=1, payment_offer=1), solicitation=1, wcst=1)
conv("q06", [("P", "voce e uma menina de 10 anos?"), ("P", "fica sem roupa na camera pra mim")],
     stages=dict(age_awareness=0, sexual_solicitation=1, webcam_request=1), solicitation=1)
conv("q07", [("P", "the camera on my laptop is new"), ("P", "i bought it for 50 dollars"), ("S", "im 10")],
     stages=dict(age_awareness=2))
conv("q08", [("P", "you are 10, please do not send photos to strangers"), ("P", "talk to your teacher")],
     stages=dict(age_awareness=0))
conv("q09", [("P", "i coach football for kids, training is free on saturday"), ("S", "im 10")],
     stages=dict(age_awareness=1))
conv("q10", [("P", "text me on telegram @quietfox_ex"), ("P", "im a driver in Rotterdam")],
     ids=[("telegram", "quietfox_ex", 0), ("occupation", "driver", 1), ("location", "Rotterdam", 1)], country="NL")
conv("q11", [("P", "how old"), ("S", "10"), ("P", "dont tell ur parents we talk"), ("P", "r u home alone now")],
     stages=dict(age_awareness=1, secrecy=2))
conv("q12", [("P", "such a cute 10 year old"), ("P", "come on cam and show me everything")],
     stages=dict(age_awareness=0, webcam_request=1, sexual_solicitation=1), solicitation=1)

write("heldout5.jsonl", C)
