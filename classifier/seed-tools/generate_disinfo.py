#!/usr/bin/env python3
"""Writes the disinformation side of the Warden seed corpus from material we wrote ourselves:
  disinfo-narratives.jsonl   the catalogue's phrasings, plus variants in comment style (openers, closers, casing, typos)
  ok-disinfo-contrast.jsonl  true statements, debunks, legitimate questions and angry-but-true criticism that share the
                             narratives' vocabulary, plus everyday on-topic war comments (tanks, aid, politics)

Deterministic (fixed seed, fixed order). Usage, from classifier/ (needs PyYAML):
    python3 seed-tools/generate_disinfo.py
"""
import json, os, random, yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "src", "main", "resources", "dev", "warden", "classifier")
R = random.Random(20240917)

OPENERS = ["", "", "", "Wake up people, ", "FACT: ", "The msm won't tell you but ", "Everyone knows ",
           "Do your own research, ", "Funny how nobody mentions that ", "Truth is ", "Remember: ", "BBC won't say it but ",
           "Face it, ", "Open your eyes, ", "It's simple: ", "Still pretending? "]
CLOSERS = ["", "", "", " Look it up.", " Wake up!!", " Simple as that.", " 🤷", " The west lies.", " Facts.",
           " Everyone knows it.", "!!!", " and CNN hides it", " research it yourself", " 😂😂", " period."]


def typo(s):
    words = s.split(" ")
    k = R.randrange(len(words))
    w = words[k]
    if len(w) > 4:
        i = R.randrange(1, len(w) - 1)
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    words[k] = w
    return " ".join(words)


STYLES = [lambda s: s, lambda s: s, str.lower, lambda s: s.upper(), typo, lambda s: s[0].upper() + s[1:]]


def variants(phrase, n):
    out = []
    for _ in range(n):
        text = R.choice(OPENERS) + phrase + R.choice(CLOSERS)
        out.append(R.choice(STYLES)(text).strip())
    return out


# --- ok: true statements and debunks that share the narratives' words; one list per topic -------------------------
TRUE = {
    "bucha": ["Bucha was investigated by the UN and the ICC; Russian troops killed civilians there.",
              "Satellite pictures showed the bodies on Yablunska street while Russian troops still held Bucha.",
              "The 'moving body' in the Bucha video was a raindrop on the windscreen, that was checked long ago.",
              "I visited Bucha last year, the memorial to the victims is heartbreaking.",
              "Journalists from many countries documented Bucha, it was not staged."],
    "mariupol": ["The Mariupol theatre had 'children' written in huge letters and Russia still bombed it.",
                 "Amnesty investigated the Mariupol drama theatre strike and found it was a Russian air strike.",
                 "Hundreds of people sheltered in the theatre in Mariupol, nobody knows the exact death toll."],
    "kramatorsk": ["The Kramatorsk station was full of women and children waiting to evacuate when the missile hit.",
                   "Russia's own channels celebrated the Kramatorsk strike before they realised it hit civilians."],
    "nazi": ["Ukraine elected a Jewish president with 73% of the vote, the nazi story is nonsense.",
             "Far-right parties got about 2% in Ukraine's election, less than in most of Europe.",
             "There are neo-nazis in Russia and Ukraine alike, that is no excuse for an invasion.",
             "Azov started as a far-right militia, that's true, but it does not make Ukraine a nazi state.",
             "My grandfather fought the real nazis, using that word for Ukrainians insults him."],
    "biolabs": ["The labs in Ukraine are public health labs, the cooperation with the US was public for years.",
                "The biolabs story was checked by journalists and the UN found no evidence of bioweapons.",
                "Every country has disease labs, that's how you track outbreaks, it's not a weapons program."],
    "donbas": ["The UN counted casualties on both sides in Donbas after 2014, most of them in the first year.",
               "People in Donbas suffered since 2014, and it was Russia that started that war.",
               "Civilian deaths in Donbas dropped sharply after 2015 according to the UN monitoring mission."],
    "nato": ["There was never a treaty promising no NATO expansion, it was never signed.",
             "Countries joined NATO because they were afraid of Russia, and they were right.",
             "Finland joined NATO after the invasion, Putin got more NATO on his border not less.",
             "You can argue NATO policy was unwise, but nothing forced Russia to invade."],
    "shelling": ["Russian artillery shelled Kharkiv's residential districts for months.",
                 "Donetsk has been shelled too, civilians on both sides of the front suffer.",
                 "Ukrainian air defence missiles sometimes fall on houses, that's a tragedy, not a false flag.",
                 "Investigators traced the missile fragments to a Russian launch."],
    "zelensky": ["Zelensky stayed in Kyiv when the invasion started, he refused the evacuation offer.",
                 "You can criticise Zelensky's policies without inventing drug stories.",
                 "Zelensky was in Bakhmut and Kherson, he is not hiding in Florida.",
                 "Zelensky is an elected president, whether you like him or not.",
                 "I don't like Zelensky's handling of corruption cases, he should fire more officials."],
    "weapons": ["The Pentagon inspector general found no evidence of large-scale diversion of weapons sent to Ukraine.",
                "Those dark web 'javelin for sale' ads were fakes, they were debunked.",
                "Tracking of weapons is important, Congress was right to demand audits."],
    "aid": ["Most of the aid money is spent in American factories that build the weapons.",
            "Corruption in Ukraine is a real problem, which is why the aid comes with audits.",
            "Ukraine fired its defence minister over procurement scandals, that's accountability.",
            "I think we spend too much on this war and should focus at home, that's my opinion.",
            "Stop sending billions abroad while our veterans sleep on the streets, our government is failing us."],
    "nation": ["Ukraine has been an independent country since 1991 and Russia recognised its borders.",
               "Ukrainians have their own language, history and culture, ask any of them.",
               "Russia signed the Budapest memorandum guaranteeing Ukraine's borders in 1994."],
    "crimea": ["The 2014 Crimea vote was held with Russian soldiers on the streets and no real observers.",
               "The UN General Assembly voted that the Crimea referendum was invalid.",
               "Crimea is recognised as Ukraine by almost every country in the world.",
               "The Kerch bridge carries Russian military supplies, that is why it is a target."],
    "referendums": ["The 2022 votes in occupied regions were held at gunpoint, soldiers went door to door.",
                    "No serious observer recognised the so-called referendums in Kherson and Zaporizhzhia."],
    "belarus": ["Russian troops invaded Ukraine from Belarus in February 2022, that's documented.",
                "Lukashenko let Russia fire missiles from Belarusian territory.",
                "Nobody in Ukraine or NATO planned to attack Belarus.",
                "Belarusian volunteers fight for Ukraine in the Kalinouski regiment."],
    "poland": ["Poland took in more than a million Ukrainian refugees, it has no plan to annex anything.",
               "Poland and Ukraine argue about grain imports, but that's trade, not a land grab."],
    "refugees": ["Ukrainian refugees work and pay taxes here, crime did not go up.",
                 "My neighbours are refugees from Kharkiv, lovely family, the kids go to school with mine."],
    "sanctions": ["Sanctions hurt Russia's economy even if it did not collapse, inflation and the rouble show it.",
                  "Energy prices in Europe went up after the invasion, that's true and it hurt people.",
                  "Russia's economy grows on war spending, that is not the same as booming.",
                  "Sanctions hurt European businesses too, we should be honest about the cost."],
    "losses": ["Nobody knows the real number of dead, both sides hide their losses.",
               "The counteroffensive is slower than promised, that's what the reports say.",
               "Independent estimates say both armies lost tens of thousands, the Russian claims are inflated.",
               "Ukraine is struggling on the front, the situation is really hard, they need more shells."],
    "mh17": ["The Dutch court found MH17 was shot down by a Russian Buk missile.",
             "The MH17 investigation traced the Buk launcher back to a Russian brigade."],
    "strikes": ["Russian missiles hit a shopping mall in Kremenchuk full of people.",
                "The UN has documented thousands of civilians killed in Russian strikes on cities.",
                "A strike on a blood transfusion centre is still a war crime if civilians were there.",
                "Russia targets the power grid in winter, which hits civilians hardest."],
    "satan": ["Calling a war a fight against Satanism is propaganda, people are dying for real.",
              "Priests in Ukraine bless their soldiers, the satanism talk is absurd."],
    "kakhovka": ["The Kakhovka dam was under Russian control when it was destroyed.",
                 "Seismic data recorded an explosion at the Kakhovka dam the night it collapsed.",
                 "The flooding after the Kakhovka dam destroyed villages on both banks."],
    "olenivka": ["The UN found Russia's version of the Olenivka prison deaths did not fit the evidence.",
                 "Ukrainian prisoners of war died at Olenivka while in Russian custody."],
    "coup": ["Yanukovych fled after months of protests and parliament voted to remove him.",
             "Ukraine held free elections in 2014 and 2019, Zelensky won by a landslide."],
    "nordstream": ["Who blew up Nord Stream? We still don't know for sure.",
                   "The Nord Stream investigation is still open, I'd like to see the results.",
                   "Germany's Nord Stream probe pointed at a sailing yacht, the case is not closed."],
    "children": ["The ICC issued an arrest warrant for Putin over the deportation of Ukrainian children.",
                 "Ukraine has brought back a few hundred of the children taken to Russia."],
    "west": ["Our leaders made big mistakes in Iraq and Afghanistan, but that doesn't justify this invasion.",
             "The West was too slow with weapons, people died because of the delays.",
             "The US also lied about wars before, that's why we need facts not slogans.",
             "Western governments kept buying Russian gas for years, shameful hypocrisy."],
    "footage": ["The footage is verified by several agencies, geolocated and timestamped.",
                "Reporters on the ground filmed the destroyed blocks in Mariupol themselves."],
}

# everyday on-topic comments (weapons, front, aid debate, news media, peace) — neither false nor abusive
EVERYDAY = [
    "Give Ukraine the F16s now, not next year.", "Abrams tanks won't change much without air cover.",
    "How many Leopards have actually arrived at the front?", "The minefields are the real problem for the counteroffensive.",
    "Slava Ukraini from Canada 🇺🇦", "Praying for peace, this war has to end.", "Both sides should negotiate before more die.",
    "Great interview, the general explained the drone war well.", "The host didn't push back on anything he said.",
    "Fox only got a colonel, CNN had a general lol", "This analysis aged well.", "Why is Russia still winning the artillery war?",
    "Ukraine needs long range missiles to hit the supply lines.", "Russia has more men, Ukraine has better tech, it's a stalemate.",
    "The front barely moved in three months.", "Respect to the medics working near Bakhmut.",
    "I hope the soldiers come home safe, on both sides honestly.", "Stop the war, too many young men dying.",
    "Wagner left Bakhmut, what happens now?", "Prigozhin's march on Moscow was insane to watch.",
    "Drones changed this war completely.", "Cluster munitions are a terrible weapon whoever uses them.",
    "The Black Sea fleet keeps losing ships.", "Grain deal collapsed again, bad news for Africa.",
    "Ukraine hit the Kerch bridge again, the second time this year.", "My cousin volunteers in Lviv at a shelter.",
    "The counteroffensive is going slower than the media promised.", "I'm tired of this war being used by politicians here.",
    "Trump says he would end it in 24 hours, I doubt it.", "Biden should have sent the tanks a year earlier.",
    "Why are we funding this when we can't fix our own roads?", "Europe needs to build its own ammunition factories.",
    "Russia's losses in tanks are visible on the Oryx lists.", "NATO summit in Vilnius was a disappointment for Kyiv.",
    "Respect to Poland for taking in so many refugees.", "The Russian mobilisation sent many men abroad.",
    "The sanctions should have been much tougher from day one.", "The media coverage is one-sided, I'd like to hear more voices.",
    "What happened to the Ukrainian grain ships in Odesa?", "Can someone explain why the Bradleys are so valuable?",
    "Lukashenko is a dictator who jailed thousands of protesters.", "Belarus opposition leaders are in exile in Vilnius.",
    "Putin is a war criminal and history will judge him.", "Zelensky asks for more weapons every week, I understand why.",
]


# combinatorial everyday comments: the names every war comment uses, in opinions, predictions and questions that are
# not false claims (so the model does not learn "mentions Ukraine/Russia/Zelensky/America" = disinformation)
SUBJECTS = ["Ukraine", "Russia", "Zelensky", "Putin", "America", "the US", "NATO", "the West", "Europe", "Biden",
            "the Ukrainian army", "the Russian army", "Kyiv", "Moscow", "Poland", "Belarus", "Lukashenko", "the EU",
            "Germany", "the UK", "Ukrainians", "Russians", "the Pentagon", "Congress"]
PREDICATES = ["will win this war", "is losing this war", "is finished", "will not give up", "needs more air defence",
              "should negotiate", "made a big mistake", "is running out of shells", "has no good options left",
              "is playing a long game", "should stay out of this", "keeps asking for more money", "will regret this",
              "is stronger than people think", "is weaker than people think", "has to rethink its strategy",
              "lost a lot of equipment this summer", "will be in trouble by winter", "is doing everything it can",
              "is tired of this war", "needs to rebuild after this", "should send more tanks", "will hold the line",
              "surprised everyone", "is in a difficult position", "does not want escalation", "has to pay for this",
              "should focus on its own problems", "is not telling us the whole story", "can't afford a long war"]
QUESTIONS = ["What does {s} want now?", "Why does {s} keep doing this?", "Is {s} really ready for winter?",
             "How long can {s} keep this up?", "What will {s} do after the elections?", "Does {s} have a plan?"]
CHEERS = ["Go {s}!", "Respect to {s}.", "Don't mess with {s}", "{s} forever 💪", "Good luck {s}", "Shame on {s}."]


def everyday_combos():
    rows = []
    pairs = [(s, p) for s in SUBJECTS for p in PREDICATES]
    for s, p in R.sample(pairs, 320):
        text = s[0].upper() + s[1:] + " " + p + R.choice([".", "", "!", "...", " imo", " honestly", " 🤷"])
        rows.append(R.choice([lambda t: t, lambda t: t, str.lower, typo, str.upper])(text))
    for s in SUBJECTS:
        for t in R.sample(QUESTIONS, 2) + R.sample(CHEERS, 2):
            text = t.format(s=s)
            rows.append(text[0].upper() + text[1:])
    return rows

WHO = ["", "Honestly, ", "For the record, ", "Fact check: ", "Sorry but ", "To be fair, ", "Just to be clear: ", "Reminder: "]


def main():
    cat = yaml.safe_load(open(os.path.join(RES, "narratives", "narratives.yaml"), encoding="utf-8"))
    dis = []
    for n in cat["narratives"]:
        for p in n["phrasings"]:
            dis.append({"text": p, "label": "disinfo", "kind": n["id"]})
            for v in variants(p, 3):
                dis.append({"text": v, "label": "disinfo", "kind": n["id"]})
    ok = []
    for topic, lines in TRUE.items():
        for line in lines:
            ok.append({"text": line, "label": "ok", "kind": "contrast-" + topic})
            for _ in range(2):
                text = R.choice(WHO) + line[0].lower() + line[1:] if R.random() < 0.5 else line
                ok.append({"text": R.choice([lambda s: s, str.lower, typo])(text), "label": "ok", "kind": "contrast-" + topic})
    for line in EVERYDAY:
        ok.append({"text": line, "label": "ok", "kind": "everyday"})
        ok.append({"text": R.choice([str.lower, typo, lambda s: s])(line), "label": "ok", "kind": "everyday"})
    for line in everyday_combos():
        ok.append({"text": line, "label": "ok", "kind": "everyday"})
    seed = os.path.join(RES, "seed")
    for name, rows in (("disinfo-narratives.jsonl", dis), ("ok-disinfo-contrast.jsonl", ok)):
        seen, out = set(), []
        for r in rows:
            if r["text"] not in seen:
                seen.add(r["text"]); out.append(r)
        with open(os.path.join(seed, name), "w", encoding="utf-8") as f:
            for r in out:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(name, len(out))


if __name__ == "__main__":
    main()
