"""What the hand-written held-out scripts share: a conversation with its labels, and writing them as JSON Lines."""
import json
import os


def conversation(cid, kind, lines, stages=None, solicitation=None, wcst=None, tainted=False, ids=(), country=None):
    """Lines are ("P" partner | "S" persona, text); labels count messages from 0; ids are (type, normalized, message)."""
    return dict(id=cid, language="mixed", kind=kind, lines=[list(l) for l in lines],
                labels=dict(stages=stages or {}, solicitation=solicitation, wcst=wcst, tainted=tainted,
                            identifiers=[dict(type=t, normalized=n, message=m) for t, n, m in ids],
                            country=country))


def write(name, conversations):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, "w", encoding="utf-8") as f:
        for c in conversations:
            f.write(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(conversations)} conversations to {path}")
