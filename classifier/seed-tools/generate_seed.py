#!/usr/bin/env python3
"""Writes the *-generated.jsonl part of the Warden seed corpus by combining phrases we wrote ourselves.

Deterministic (fixed seed, fixed order): running it again gives the same files. Usage, from classifier/:
    python3 seed-tools/generate_seed.py src/main/resources/dev/warden/classifier/seed
"""
import itertools, json, os, random, sys

R = random.Random(20240611)


def pick(pool, n):
    pool = sorted(set(pool))
    return R.sample(pool, min(n, len(pool)))


# --- ok, heated but legitimate --------------------------------------------------------------------------
OPENERS = ["", "Honestly, ", "Let's be clear: ", "I'll say it again: ", "Sad but true: ", "Make no mistake, ",
           "As a veteran I can tell you ", "Unpopular opinion maybe, but "]
CLAIMS = ["Putin is a war criminal", "the invasion of Ukraine is a war crime", "the regime in Minsk is a brutal dictatorship",
          "the shelling of Kharkiv is terror against civilians", "our government's aid policy is idiotic",
          "the sanctions need to bite much harder", "Ukraine has to destroy the occupiers' supply lines",
          "the bombing of Odesa's port has to stop", "NATO must help Ukraine win this war",
          "the Russian army must be pushed out of Crimea", "the Kerch bridge is a legitimate military target",
          "refugees from this war deserve our support", "the deportation of Ukrainian children is a crime",
          "our leaders are cowards for delaying the weapons", "Lukashenko is complicit in every missile fired from Belarus",
          "the attacks on the power grid are meant to freeze people to death", "the Kremlin's propaganda is poison",
          "every war criminal in this invasion should be tried", "the occupiers destroyed Mariupol deliberately",
          "Russia's nuclear threats are blackmail", "Ukraine should hit the airfields the bombers fly from"]
CLOSERS = ["", " And I'm angry about it.", " Full stop.", " History will remember who looked away.",
           " The evidence is overwhelming.", " We can't look away.", " Enough excuses.", " It makes my blood boil."]

NEUTRAL_Q = ["Does anyone know {q}?", "Genuine question: {q}?", "Could the article explain {q}?", "I'd like to know {q}."]
NEUTRAL_TOPICS = ["how many refugees are in Germany now", "when the next sanctions package is due",
                  "what the range of the new air defence is", "whether the Kerch bridge is open to trucks",
                  "how the grain corridor works", "where the Belarusian troops are based",
                  "how the prisoner exchanges are negotiated", "how long the repairs to the dam will take",
                  "what happened to the IAEA mission", "how schools in Kharkiv work during air raids",
                  "which countries are sending demining teams", "how much of the aid is humanitarian"]

# --- abuse -----------------------------------------------------------------------------------------------
ADJ = ["pathetic", "brainless", "stupid", "ignorant", "worthless", "clueless", "dumb", "lying", "disgusting", "miserable"]
INSULT = ["idiot", "moron", "clown", "troll", "imbecile", "loser", "fool", "cretin", "bootlicker", "shill",
          "scumbag", "dumbass", "halfwit", "muppet", "parasite"]
INSULT_T = ["You're a {a} {i}.", "Shut up, you {a} {i}.", "Only a {a} {i} would write this.",
            "Go away, {i}. Nobody wants you here.", "What a {a} {i} you are.", "Listen here you {a} {i}",
            "you {a} {i}, read a book", "Another {a} {i} posting nonsense. Get lost."]
VIOLENT = ["shoot", "hang", "beat the hell out of", "strangle", "stab", "bury"]
THREAT_T = ["Someone should {v} you, {i}.", "I will {v} you if I ever see you, {i}.",
            "People like you deserve to be {vp}.", "Keep typing, {i}, and we'll {v} you."]
VIOLENT_PP = {"shoot": "shot", "hang": "hanged", "beat the hell out of": "beaten to death", "strangle": "strangled",
              "stab": "stabbed", "bury": "buried alive"}
GROUPS = ["Russians", "Ukrainians", "Belarusians", "Poles", "Chechens", "Muslims", "refugees", "Georgians", "Moldovans"]
DEHUMAN = ["subhuman animals", "vermin", "a disease", "cockroaches", "savages", "parasites", "filth"]
WISH = ["every last one of them.", "they should all be wiped out.", "none of them deserve to live.",
        "kick them all out and let them rot.", "exterminate the lot."]


def leet(w):
    return w.translate(str.maketrans({"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"}))


def mask(w):
    return w[0] + "".join("*" if c in "aeiou" else c for c in w[1:]) if len(w) > 3 else w


def spaced(w):
    return " ".join(w)


def stretch(w):
    for k, c in enumerate(w):
        if c in "aeiou":
            return w[:k] + c * 4 + w[k + 1:]
    return w


OBFUSCATE = [leet, mask, spaced, stretch, str.upper]

# --- disinformation --------------------------------------------------------------------------------------
NARRATIVES = {
    "bucha_staged": ["the Bucha massacre was staged", "the bodies in Bucha were put there by the Ukrainian army",
                     "Bucha was a provocation filmed with actors", "Bucha was a British-made false flag"],
    "nazi_regime": ["Ukraine is run by Nazis", "the Kiev regime is a Nazi junta", "Zelensky is a puppet of the Azov Nazis",
                    "the Ukrainian government worships Bandera and Hitler"],
    "biolabs": ["the US runs secret biolabs in Ukraine", "the Pentagon makes bioweapons in Ukrainian labs",
                "American labs in Ukraine were breeding viruses to use against Russians"],
    "donbas_genocide": ["Ukraine shelled its own cities in Donbas for eight years", "Kiev committed genocide in Donbas",
                        "Ukraine murdered 14,000 Russian speakers in Donbas"],
    "nato_promise": ["NATO promised not to expand so Russia was forced to invade",
                     "Russia had no choice because NATO broke its promise", "the war was provoked by NATO expansion"],
    "zelensky_drugs": ["Zelensky is a drug addict", "Zelensky fled the country and the videos are fake",
                       "Zelensky is on cocaine in every speech"],
    "aid_stolen": ["all the Western aid is stolen and sold on the dark web", "the weapons we send are resold on the black market",
                   "Ukrainian officials pocket all the aid money"],
    "kerch_nuclear": ["the Kerch bridge attack was a Ukrainian nuclear plot", "Ukraine planned to nuke Crimea after the bridge attack"],
    "belarus_exercise": ["Belarus is only doing exercises and Ukraine plans to attack Belarus",
                         "Ukraine is about to invade Belarus", "the troops in Belarus are just drills, Kiev is the real threat"],
    "crisis_actors": ["the victims are crisis actors", "the wounded on TV are paid actors"],
    "mariupol_theatre": ["Azov blew up the Mariupol theatre themselves", "the Mariupol theatre strike was staged by Azov"],
    "military_only": ["Russia only strikes military targets", "Russian missiles never hit civilians",
                      "the dead civilians were killed by Ukrainian air defence"],
}
FRAMES = ["{c}.", "Wake up: {c}.", "Everyone knows {c}.", "The media won't tell you that {c}.", "FACT: {c}!",
          "{C}, look it up.", "Do your own research, {c}.", "Funny how nobody reports that {c}.",
          "{C} and the West covers it up.", "Open your eyes, {c}!!", "the truth is {c}", "{C}. Period."]


def line(text, label, kind):
    return {"text": text, "label": label, "kind": kind}


def ok_lines():
    out = [line(o + c + (("." if not cl else "." + cl)), "ok", "heated")
           for o, c, cl in pick(list(itertools.product(OPENERS, CLAIMS, CLOSERS)), 110)]
    out = [dict(x, text=x["text"][0].upper() + x["text"][1:]) for x in out]
    out += [line(q.format(q=t), "ok", "neutral") for q, t in pick(list(itertools.product(NEUTRAL_Q, NEUTRAL_TOPICS)), 40)]
    return out


def abuse_lines():
    out = [line(t.format(a=a, i=i), "abuse", "insult") for t, a, i in pick(list(itertools.product(INSULT_T, ADJ, INSULT)), 45)]
    obf = []
    for t, a, i in pick(list(itertools.product(INSULT_T, ADJ, INSULT)), 40):
        f = OBFUSCATE[len(obf) % len(OBFUSCATE)]
        obf.append(line(t.format(a=a, i=f(i)), "abuse", "insult"))
    out += obf
    out += [line(t.format(v=v, vp=VIOLENT_PP[v], i=i), "abuse", "threat")
            for t, v, i in pick(list(itertools.product(THREAT_T, VIOLENT, INSULT)), 25)]
    out += [line(f"{g} are {d}, {w}", "abuse", "identity_attack")
            for g, d, w in pick(list(itertools.product(GROUPS, DEHUMAN, WISH)), 30)]
    return out


def disinfo_lines():
    out = []
    for kind, claims in NARRATIVES.items():
        for c, f in pick(list(itertools.product(claims, FRAMES)), 10):
            out.append(line(f.format(c=c, C=c[0].upper() + c[1:]), "disinfo", kind))
    return out


def main(target):
    for name, lines in (("ok-generated.jsonl", ok_lines()), ("abuse-generated.jsonl", abuse_lines()),
                        ("disinfo-generated.jsonl", disinfo_lines())):
        seen, rows = set(), []
        for x in lines:
            if x["text"] not in seen:
                seen.add(x["text"]); rows.append(x)
        with open(os.path.join(target, name), "w", encoding="utf-8") as f:
            for x in rows:
                f.write(json.dumps(x, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main(sys.argv[1])
