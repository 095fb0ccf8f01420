#!/usr/bin/env python3
"""Writes Sweetie's labelled evaluation corpus (../src/main/resources/analysis/corpus.jsonl).

Every conversation is synthetic and non-graphic (DEVELOPERS.md rule 4): sexual intent is carried by the least
vocabulary a detector needs. Labels come from how each conversation is built (which line asks what), never from
running the engine. Deterministic: the same script writes the same file.

    python3 analysis/corpus/generate.py
"""
import json
import os
import random

LANG = {
    "en": dict(
        hello=["hi sweetie", "hey there", "hello"], how_old=["how old r u", "how old are you?", "asl?"],
        age=["im 10", "10", "i am 11 years old"], cam=["do you have a cam?", "turn on your cam", "can we video call?"],
        pay=["i give you 20 dollars", "i will pay you", "i send you load"],
        sexual=["show me naked", "take off your clothes", "a sexy show for me"],
        secret=["are you alone?", "dont tell anyone ok", "delete the chat after"],
        small=["what music do you like", "how was school", "do you like minecraft", "what did you eat"],
        negative=["did you watch the cartoon show yesterday", "my cam is broken lol",
                  "i teach maths, i can give you a free lesson", "the show on tv was funny"],
        protect=["be careful, never send pictures to strangers", "some bad men are online, tell your mom"],
        name="my name is {n}", live="i live in {p}", bye=["bye", "see you"]),
    "nl": dict(
        hello=["hoi", "hallo meisje"], how_old=["hoe oud ben je?", "hoe oud ben jij"],
        age=["ik ben 10", "10"], cam=["heb je een webcam?", "zet je cam aan"],
        pay=["ik betaal je 15 euro", "ik betaal"], sexual=["wil je naakt", "zonder kleren"],
        secret=["ben je alleen?", "niet vertellen aan je moeder"],
        small=["welke muziek vind je leuk", "hoe was school"],
        negative=["mijn cam is kapot", "ik zag een leuke show op tv"],
        protect=["pas op, stuur nooit foto's naar vreemden"],
        name="mijn naam is {n}", live="ik woon in {p}", bye=["doei"]),
    "de": dict(
        hello=["hallo", "hi maus"], how_old=["wie alt bist du?"], age=["ich bin 10", "10"],
        cam=["hast du eine webcam?", "mach deine cam an"], pay=["ich bezahle dich, 20 euro", "ich bezahle dich"],
        sexual=["zieh dich aus", "nackt bitte"], secret=["bist du allein?", "unser geheimnis"],
        small=["was machst du gerade", "wie war die schule"],
        negative=["meine kamera ist kaputt", "die show im fernsehen war lustig"],
        protect=["vorsicht, schick keine bilder an fremde"],
        name="mein name ist {n}", live="ich wohne in {p}", bye=["tschuss"]),
    "es": dict(
        hello=["hola", "hola guapa"], how_old=["cuantos anos tienes?"], age=["tengo 10", "10"],
        cam=["tienes webcam?", "hacemos videollamada?"], pay=["te pago 20 dolares", "te pago"],
        sexual=["quiero verte desnuda", "sin ropa"], secret=["estas sola?", "no le digas a nadie, nuestro secreto"],
        small=["que musica te gusta", "como fue la escuela"],
        negative=["mi camara esta rota", "el show de la tele fue divertido"],
        protect=["ten cuidado, nunca mandes fotos a extranos"],
        name="me llamo {n}", live="vivo en {p}", bye=["adios"]),
    "fr": dict(
        hello=["salut", "coucou"], how_old=["quel age as tu?"], age=["j'ai 10 ans", "10"],
        cam=["tu as une webcam?", "appel video?"], pay=["je te paie 20 euros", "je te paie"],
        sexual=["montre toi toute nue", "deshabille toi"], secret=["tu es seule?", "ne dis pas a ta maman"],
        small=["tu aimes quelle musique", "c'etait bien l'ecole"],
        negative=["ma camera est cassee", "le show a la tele etait drole"],
        protect=["fais attention, n'envoie jamais de photos a des inconnus"],
        name="je m'appelle {n}", live="j'habite a {p}", bye=["bisous"]),
    "pt": dict(
        hello=["oi", "ola"], how_old=["quantos anos voce tem?"], age=["tenho 10 anos", "10"],
        cam=["voce tem webcam?", "chamada de video?"], pay=["te pago 20 reais", "te pago"],
        sexual=["tira a roupa", "quero te ver pelada"], secret=["esta sozinha?", "nao conta pra ninguem, nosso segredo"],
        small=["que musica voce gosta", "como foi a escola"],
        negative=["minha camera esta quebrada", "o show na tv foi legal"],
        protect=["cuidado, nunca mande fotos para estranhos"],
        name="meu nome e {n}", live="moro em {p}", bye=["tchau"]),
}
PERSONA_TL = ["hi po", "10 taon po ako", "ano yun?", "hindi ko alam", "wala po"]
PLACES = {"GB": ["Leeds", "Manchester", "Bristol"], "US": ["Denver", "Houston"], "AU": ["Perth", "Brisbane"]}
NAMES = ["Dave Example", "Tom Sample", "Jan Voorbeeld", "Max Muster", "Juan Ejemplo", "Jean Exemple"]
OBFUSCATE = [lambda s: s.replace("naked", "n@ked").replace("show", "sh0w"),
             lambda s: s.replace("naked", "n a k e d"), lambda s: s.replace("naked", "nakeeed"),
             lambda s: s.replace("dollars", "💵")]


PHONES = {  # numbers reserved for fiction, by country
    "GB": lambda k: (f"+44 7700 900{k}", f"+447700900{k}"),
    "AU": lambda k: (f"+61 491 570 {k % 150 + 6:03d}", f"+61491570{k % 150 + 6:03d}"),
    "US": lambda k: (f"+1 202 555 01{k % 100:02d}", f"+1202555{k % 100 + 100:04d}"),
}


def identifier_lines(rnd, n, country):
    """Lines that reveal identifiers, with their labels (type, normalized); phones are of the partner's country."""
    k = rnd.randrange(100, 999)
    written, e164 = PHONES[country](k)
    pool = [
        (f"add me on skype dave.example{k}", ("skype", f"dave.example{k}")),
        (f"my snap is tom_sample{k}", ("snapchat", f"tom_sample{k}")),
        (f"kik: zed.example{k}", ("kik", f"zed.example{k}")),
        (f"@max_tg{k} on telegram", ("telegram", f"max_tg{k}")),
        (f"email me at user{k}@example.com", ("email", f"user{k}@example.com")),
        (f"text me {written}", ("phone", e164)),
        (f"my paypal is pay{k}@example.net", ("paypal", f"pay{k}@example.net")),
        (f"cashapp $DaveCash{k}", ("cashapp", f"$davecash{k}")),
        (f"insta @pics.example{k}", ("instagram", f"pics.example{k}")),
        (f"whatsapp {written}", ("whatsapp", e164)),
    ]
    return rnd.sample(pool, n)


def conversation(rnd, lang, kind, idx):
    L = LANG[lang]
    lines, labels = [], dict(stages={}, solicitation=None, wcst=None, tainted=False, identifiers=[], country=None)

    def p(text):
        lines.append(["P", text])
        return len(lines) - 1

    def s(text):
        lines.append(["S", text])
        return len(lines) - 1

    def stage(name, i):
        labels["stages"].setdefault(name, i)

    p(rnd.choice(L["hello"]))
    s("hi" if lang != "en" or rnd.random() < 0.7 else PERSONA_TL[0])
    if kind in ("wcst", "solicit", "late", "repeat", "obfuscated", "ids", "tainted"):
        if kind in ("late", "repeat"):
            first = p(rnd.choice(L["sexual"]))
            stage("sexual_solicitation", first)
        p(rnd.choice(L["how_old"]))
        persona_age = PERSONA_TL[1] if lang == "en" and rnd.random() < 0.2 else rnd.choice(L["age"])
        stage("age_awareness", s(persona_age))
        if kind == "late":
            p(rnd.choice(L["bye"]))
        if kind == "tainted":
            s("do you have a cam?")  # the persona raises webcam first: what the guard must prevent
            labels["tainted"] = True
            p(rnd.choice(L["small"]))
        if kind in ("wcst", "obfuscated"):
            stage("webcam_request", p(rnd.choice(L["cam"])))
            s(rnd.choice(["what is that?", "i dont know", PERSONA_TL[2]]))
            if rnd.random() < 0.5:
                stage("secrecy", p(rnd.choice(L["secret"])))
            combined = f'{rnd.choice(L["pay"])} for {rnd.choice(L["sexual"])}' if lang == "en" \
                else f'{rnd.choice(L["sexual"])}, {rnd.choice(L["pay"])}'
            if kind == "obfuscated":
                combined = rnd.choice(OBFUSCATE)("i give you 20 dollars for a sexy show, show me naked")
            i = p(combined)
            stage("payment_offer", i)
            stage("sexual_solicitation", i)
            labels["solicitation"] = i
            labels["wcst"] = i
        if kind in ("solicit", "repeat"):
            s(rnd.choice(L["small"]) if rnd.random() < 0.3 else "ok")
            i = p(rnd.choice(L["sexual"]))
            stage("sexual_solicitation", i)
            labels["solicitation"] = i
        if kind == "ids":
            p(rnd.choice(L["small"]))
    if kind == "benign":
        for _ in range(rnd.randrange(2, 5)):
            p(rnd.choice(L["small"]))
            s(rnd.choice(["ok", "yes", "no", "haha"]))
        p(rnd.choice(L["negative"]))
    if kind == "negative":
        for line in rnd.sample(L["negative"], len(L["negative"])):
            p(line)
            s("ok")
    if kind == "protective":
        p(rnd.choice(L["how_old"]))
        stage("age_awareness", s(rnd.choice(L["age"])))
        p(rnd.choice(L["protect"]))
    country = rnd.choice(sorted(PHONES))
    if kind in ("ids", "wcst") and rnd.random() < (1.0 if kind == "ids" else 0.5):
        for text, (t, norm) in identifier_lines(rnd, 2 if kind == "ids" else 1, country):
            i = p(text)
            labels["identifiers"].append(dict(type=t, normalized=norm, message=i))
            if t == "whatsapp":  # a WhatsApp number is a phone number too
                labels["identifiers"].append(dict(type="phone", normalized=norm, message=i))
            if t in ("phone", "whatsapp"):
                labels["country"] = country
    if kind == "ids":
        place = rnd.choice(PLACES[country])
        i = p(L["live"].format(p=place))
        labels["identifiers"].append(dict(type="location", normalized=place, message=i))
        labels["country"] = country
    if kind == "ids" and rnd.random() < 0.5:
        name = rnd.choice(NAMES)
        i = p(L["name"].format(n=name))
        labels["identifiers"].append(dict(type="name", normalized=name, message=i))
    p(rnd.choice(L["bye"]))
    return dict(id=f"{lang}-{kind}-{idx:03d}", language=lang, kind=kind, lines=lines, labels=labels)


def main():
    rnd = random.Random(20131004)
    kinds = ["wcst", "solicit", "late", "repeat", "obfuscated", "benign", "negative", "protective", "ids", "tainted"]
    out = []
    for lang in LANG:
        for kind in kinds:
            count = 7 if lang == "en" else 4
            if kind in ("obfuscated", "tainted") and lang != "en":
                continue
            for i in range(count):
                out.append(conversation(rnd, lang, kind, i))
    path = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "analysis", "corpus.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for c in out:
            f.write(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(out)} conversations to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
