#!/usr/bin/env python3
"""Writes abuse-varied.jsonl and ok-varied.jsonl of the Warden seed corpus from phrases we wrote ourselves.

Aimed at the genre leak of the first corpus (short lines addressing "you" were abuse, long ones ok): it builds
contrastive pairs — the same comment once plain (ok) and once with an insult, threat or identity attack added
(abuse) — plus short harmless replies, second-person disagreement without insults, long abusive rants and
insults aimed at third parties (hosts, politicians) as well as at other commenters.

Deterministic (fixed seed, fixed order). Usage, from classifier/:
    python3 seed-tools/generate_abuse_ok.py src/main/resources/dev/warden/classifier/seed
"""
import json, os, random, sys

R = random.Random(20240612)

# Bodies: plain comments in the style of the genre, of every length. Each is used once as ok and, with a different
# insertion, once as abuse.
BODIES = [
    "The counteroffensive is slower than people hoped, but the minefields are deeper than anything since 1943.",
    "Russia has lost more tanks in two years than it had in its whole active fleet before the war.",
    "So the bridge is hit again and the ferries are running. Logistics win wars, not parades.",
    "Ukraine needs air defence more than anything right now, the winter strikes on the grid will start again.",
    "The aid package is mostly old stock from warehouses, it is not a blank cheque.",
    "Belarus moving troops to the border again, same as last spring. Probably pressure, not an attack.",
    "I watched the whole interview and the general was careful, he never said the offensive failed.",
    "Prices for grain went up again after the port strikes, this hits Africa and the Middle East hardest.",
    "The map shows the front barely moved since spring. Both sides are dug in.",
    "Sanctions take years to bite, look at how long it took with Iran.",
    "The F-16s will help but they won't change everything overnight, pilots need training and airfields.",
    "Crimea is the key to the whole war, whoever controls the supply lines there controls the south.",
    "My uncle served in the nineties and says the trenches look like the first world war.",
    "The reporter on the ground in Zaporizhzhia did a better job than the studio panel.",
    "Every winter they hit the power stations and every spring the engineers fix them again.",
    "CNN and Fox both cover this war like a football match, with scores and no context",
    "Western media only show one side and Russian media only show the other, the truth is somewhere in the mud",
    "The Wagner mutiny showed how fragile the whole system in Moscow is",
    "NATO is not at war with Russia, it sends equipment, that is a big difference",
    "They said Kyiv would fall in three days. It is still standing",
    "Drones changed everything, a two thousand dollar drone can kill a four million dollar tank",
    "the refugees in Poland need housing more than speeches",
    "Kherson was liberated and the people in the streets were crying with joy",
    "the budget debate in Congress is about domestic politics, not about Ukraine",
    "why does the channel keep inviting the same retired colonel every week",
    "half the comments here are bots, look at the account dates",
    "Russia will not stop at Ukraine if it wins, look at what they say about the Baltics",
    "peace talks only work when both sides think they cannot win more by fighting",
    "The grain deal collapsed and nobody seems to care outside of Africa",
    "Abrams tanks are heavy and thirsty, the mud season will be a problem",
    "the host keeps interrupting the guest, let him finish his sentence",
    "Zelensky asked for jets in 2022 and they arrive in 2024. Too slow",
    "Putin needs a victory before the election, that is why the attacks are so desperate",
    "Ukraine should have had these missiles a year ago",
    "This is what happens when you let a dictator stay in power for twenty years",
    "HOW IS THIS NOT ON THE FRONT PAGE",
    "more weapons now, talk later",
    "the casualty numbers from both sides are propaganda, nobody knows the real figures",
    "I live in Estonia and people here take the threat very seriously",
    "the dam collapse flooded dozens of villages and the water took weeks to go down",
]

# Second person without any insult: disagreement, correction, agreement, questions.
YOU_OK = [
    "you should read the article again", "you are wrong about the dates", "you have a point",
    "you are right", "you're right about that", "you make a good point", "you forgot the Baltic states",
    "you are mixing up two different strikes", "you might want to check the map again",
    "you clearly know more about artillery than me", "thank you for explaining", "you said it better than I could",
    "I think you misunderstood the general", "you need to look at the numbers from 2023",
    "your comment is spot on", "you are not wrong", "have you seen the satellite photos",
    "do you have a link for that", "you can disagree without shouting", "I agree with you completely",
    "you are confusing Kherson with Kharkiv", "your family is in my prayers", "you are being too pessimistic",
    "you're too optimistic about the sanctions", "your numbers are out of date", "you may be right, time will tell",
    "you got it exactly", "you are asking the right question", "you missed the part about the drones",
    "you should listen to the whole interview", "I hope you and your family are safe",
]

SHORT_OK = [
    "Exactly.", "You are right.", "Thank you for the report.", "You have a point.", "Agreed.", "Well said!",
    "This.", "So true", "So sad.", "Slava Ukraini!", "Glory to Ukraine!", "Good news finally", "About time.",
    "Stay safe everyone", "Thanks for the update", "Great reporting", "Heroes.", "Unbelievable.",
    "Respect to the reporter", "Praying for Ukraine", "Love from Poland", "Not surprised.", "Finally!",
    "Well done Ukraine", "Thank you!", "Interesting", "Exactly right", "Good question", "Sad times",
    "true", "yes", "no way", "wow", "lol", "Nice one", "Peace please", "God bless", "Respect",
    "Thank you for your work", "You are correct", "You're welcome", "I agree with you",
    "Good point", "Fair enough", "Spot on", "Makes sense", "Well explained, thank you",
    "Hear hear", "This is the way", "bravo", "cheers mate", "You nailed it",
]

INSULT_N = ["idiot", "moron", "clown", "troll", "imbecile", "loser", "fool", "cretin", "bootlicker", "shill",
            "scumbag", "dumbass", "halfwit", "muppet", "parasite", "bellend", "crackhead", "degenerate", "twat",
            "dickhead", "asshole", "retard", "jackass", "dimwit", "nitwit"]
INSULT_A = ["pathetic", "brainless", "stupid", "worthless", "clueless", "dumb", "disgusting", "miserable",
            "ignorant", "useless", "braindead", "sad little"]
TARGETS_3P = ["this host", "the guy on the left", "that presenter", "the anchor", "this so called expert",
              "the colonel", "this reporter", "Biden", "Zelensky", "Putin", "Lavrov", "Medvedev", "the author",
              "the narrator", "the guest", "this general", "the commenter above", "Lukashenko", "the mayor",
              "Sky's analyst"]

ABUSE_INSERT_2P = [
    "you {a} {n}", "shut up you {a} {n}", "listen you {n},", "what a {a} {n} you are.", "you are a {a} {n}",
    "go back to your troll farm, {n}.", "only a {n} like you would believe that", "you're a {n}",
    "get lost {n}", "are you really this {a}?", "nobody cares what you think, {n}", "read a book, {n}",
    "you {n}, seriously", "f*ck off you {n}", "you absolute {n}", "what a {n}",
]
ABUSE_INSERT_3P = [
    "{t} is a {a} {n}", "{t} is an absolute {n}", "{t} is a {n} and everyone knows it", "what a {n} {t} is",
    "{t}, what a {a} {n}", "{t} is {a}", "{t} sounds like a {n}", "look at {t}, a {a} {n}",
    "{t} is a {a} {n} who should shut up", "can someone tell {t} to shut up, what a {n}",
]
THREAT_INSERT = [
    "I hope you die slowly.", "people like you should be shot.", "I know where you live.", "watch your back, {n}.",
    "we will find you and you will pay.", "someone should put a bullet in you.", "you deserve to be hanged.",
    "I hope {t} dies in a fire.", "{t} should be hanged in the square.", "you will be executed like the rest.",
    "keep talking and we'll find you.", "I'd strangle you if I met you.", "your days are numbered, {n}.",
    "hope your family suffers.", "kill yourself.",
]
GROUPS = ["Russians", "Ukrainians", "Belarusians", "Poles", "Chechens", "Muslims", "refugees", "Georgians",
          "Jews", "migrants", "Americans", "Africans", "Moldovans", "Buryats", "gays"]
DEHUMAN = ["animals", "vermin", "cockroaches", "subhuman", "savages", "parasites", "filth", "a disease", "rats",
           "apes", "not human", "a plague"]
IDENTITY_INSERT = [
    "all {g} are {d}.", "{g} are {d}, every last one.", "{g} are {d} and should be wiped out.",
    "the {g} are {d}, nothing more.", "{g} don't deserve to live.", "kill them all, {g} are {d}.",
    "typical {g}, {d} the lot of them.", "these orcs are not human.", "the orcs should all die.",
    "{g} are {d}, exterminate them.", "bloody {g}, {d}.",
]
PROFANE_INSERT = [
    "f*ck this sh*t", "what the fuck is this", "fucking hell", "bullshit", "this is fucking bullshit",
    "piss off", "holy shit", "fuck off", "who gives a shit", "sh!t reporting", "what a load of shit",
    "fuck you", "блять", "suka blyat",
]


def cap(s):
    return s[0].upper() + s[1:] if s else s


def fill(template):
    return template.format(a=R.choice(INSULT_A), n=R.choice(INSULT_N), t=R.choice(TARGETS_3P),
                           g=R.choice(GROUPS), d=R.choice(DEHUMAN))


def join(parts):
    # vary punctuation and casing a little, like real comments
    sep = R.choice([" ", " ", ". ", " - ", "... ", "! "])
    text = sep.join(p.strip() for p in parts if p.strip())
    r = R.random()
    if r < 0.07:
        text = text.upper()
    elif r < 0.2:
        text = text.lower()
    return cap(text)


def line(text, label, kind):
    return {"text": text, "label": label, "kind": kind}


def ok_lines():
    out = []
    for body in BODIES:  # plain body, and body + a polite second-person remark
        out.append(line(body, "ok", "neutral"))
        out.append(line(join([cap(R.choice(YOU_OK)) + R.choice([".", ",", ":"]), body]), "ok", "neutral"))
    for y in YOU_OK:
        out.append(line(cap(y) + R.choice([".", "", "!", ", thanks."]), "ok", "neutral"))
    for s in SHORT_OK:
        out.append(line(s, "ok", "neutral"))
    for _ in range(40):  # long ok comments made of several bodies
        parts = R.sample(BODIES, R.choice([2, 3, 4]))
        if R.random() < 0.5:
            parts.insert(R.randrange(len(parts) + 1), cap(R.choice(YOU_OK)) + ".")
        out.append(line(join(parts), "ok", "neutral"))
    return out


def abuse_lines():
    out = []
    kinds = [(ABUSE_INSERT_2P, "insult"), (ABUSE_INSERT_3P, "insult"), (THREAT_INSERT, "threat"),
             (IDENTITY_INSERT, "identity_attack"), (PROFANE_INSERT, "profanity")]
    for i, body in enumerate(BODIES * 3):
        inserts, kind = kinds[i % len(kinds)]
        insert = fill(R.choice(inserts))
        parts = [body]
        if R.random() < 0.35:
            parts.append(R.choice([b for b in BODIES if b != body]))
        parts.insert(R.randrange(len(parts) + 1), insert)
        out.append(line(join(parts), "abuse", kind))
    for _ in range(60):  # short abuse of every kind, at people in the thread and outside it
        inserts, kind = R.choice(kinds)
        out.append(line(cap(fill(R.choice(inserts))), "abuse", kind))
    return out


def dedupe(lines):
    seen, out = set(), []
    for l in lines:
        key = l["text"].lower()
        if key not in seen:
            seen.add(key)
            out.append(l)
    return out


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")


def main(out_dir):
    ok, abuse = dedupe(ok_lines()), dedupe(abuse_lines())
    write(os.path.join(out_dir, "ok-varied.jsonl"), ok)
    write(os.path.join(out_dir, "abuse-varied.jsonl"), abuse)
    print(f"ok-varied {len(ok)}, abuse-varied {len(abuse)}")


if __name__ == "__main__":
    main(sys.argv[1])
