package dev.warden.classifier.bench;

import java.util.List;

/**
 * Fifty comments of about 300 characters, written by us for the benchmark in the genre of comments under war
 * news: mostly benign or heated-but-legitimate, some abusive, some repeating disinformation narratives, a few in
 * other languages. Not a quality test set.
 */
final class BenchmarkComments {
  /** The typical length of a comment in the speed target. */
  static final int LENGTH = 300;

  private BenchmarkComments() {}

  /**
   * Each comment (about 210 chars) followed by the start of the next one, cut at a word boundary at or before
   * {@value #LENGTH} chars: 50 texts of 280–300 chars.
   */
  static List<String> typical() {
    List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < ALL.size(); i++) {
      String joined = ALL.get(i) + " " + ALL.get((i + 1) % ALL.size());
      int cut = joined.lastIndexOf(' ', LENGTH);
      texts.add(joined.substring(0, cut));
    }
    return List.copyOf(texts);
  }

  static final List<String> ALL = List.of(
      "Thank you for the detailed map of the front line. It would help if you also showed where the evacuation "
          + "corridors are, because my aunt is still in the city and we cannot reach her by phone since Tuesday.",
      "The reporter did a solid job explaining why the dam matters for the whole region downstream. Farmers "
          + "there depend on irrigation and nobody in the studio seemed to understand how long repairs will take.",
      "I disagree with the minister completely. Sending air defence now and not in six months is the only way "
          + "to protect the power grid before winter, and every week of delay costs civilian lives in the east.",
      "Grain exports through the Black Sea corridor are up again according to the port authority. That is good "
          + "news for countries in Africa that rely on wheat, whatever you think about the politics of the deal.",
      "My grandfather was born in Kharkiv and he always said the city would survive anything. Watching these "
          + "pictures of the destroyed university building breaks my heart, he studied there in the fifties.",
      "Can someone explain how the sanctions on oil actually work? If the price cap is sixty dollars but "
          + "tankers keep sailing under other flags, who enforces it and what happens to the insurance companies?",
      "The volunteers who drive medicine to the front are the real heroes of this story. I donated to the "
          + "group mentioned at the end of the video and would encourage everyone who can afford it to do the same.",
      "Honestly this war will end at a negotiating table like all wars do, but the terms matter enormously. "
          + "A ceasefire that freezes the line only gives the army time to rearm and start again in two years.",
      "The interview with the mayor was the best part. She was calm, specific about what the city needs, and "
          + "did not waste time attacking anyone. More politicians should talk like that when the cameras are on.",
      "We hosted a family from Mariupol for eight months. The kids learned the language faster than we did "
          + "and the mother now works as a nurse at our local hospital. People forget how much refugees give back.",
      "Those generals should be tried for what happened to the prisoners, no question. Killing men who had "
          + "already surrendered is a war crime, and the evidence shown in this report looks very hard to deny.",
      "I lived through the blackouts last winter in Kyiv. You learn to charge everything whenever the power "
          + "comes back, you cook on a camping stove, and you stop complaining because others have it far worse.",
      "The historian in this segment made an interesting point about 1994 and the security guarantees that "
          + "were promised in exchange for nuclear weapons. Nobody seems to remember the Budapest memorandum now.",
      "Why does this channel never show casualty numbers from independent sources? Citing only one side's "
          + "ministry is not journalism. I am not defending anyone, I just want figures that someone has verified.",
      "The drone footage is incredible but I wonder whether publishing it helps the enemy locate positions. "
          + "Surely the editors check with military press officers before broadcasting this sort of material.",
      "Food prices in our town doubled since the start of the war and the government keeps telling us it is "
          + "temporary. Pensioners cannot wait for temporary. Someone needs to explain the plan in plain words.",
      "A brilliant documentary, thank you. The scene with the teacher holding lessons in the metro station "
          + "while the sirens sounded above will stay with me for a long time. Education really is resistance.",
      "The counteroffensive was oversold by western media from the start. That does not mean the soldiers "
          + "failed, it means expectations were unrealistic given the minefields and the lack of air cover.",
      "It is sad to see how many young men on both sides are dying for a few kilometres of farmland. Their "
          + "mothers will grieve for the rest of their lives, and the people who started this sleep in palaces.",
      "Please add subtitles to the interviews, half of the people in our community do not speak English and "
          + "they would love to share these reports with relatives abroad who are following the news closely.",
      "The journalist who was killed near Bakhmut last year deserves a proper memorial. Reporters take "
          + "enormous risks so that we can sit at home and argue in comment sections about what is happening.",
      "Every sanctions package seems to arrive a month too late and a few billion too small. Europe still "
          + "buys liquefied gas through intermediaries and then acts surprised when the war machine keeps going.",
      "Thanks for correcting the headline. The first version said the town was captured, which was not true "
          + "at the time, and a lot of people shared it before the update. Good to see the correction noted.",
      "The children evacuated from the orphanage were moved to a safe region in the west, according to the "
          + "charity. I hope reporters follow up in a few months, because these stories are often forgotten.",
      "I served twenty years in the army and I can tell you the logistics problem is the real story here. "
          + "Artillery shells, spare barrels and fuel decide these battles far more than any speech by a leader.",
      "Peace talks mean nothing while missiles hit apartment blocks every night. Show me one promise they kept "
          + "in the last ten years. I want this to end as much as anyone, but not with a surrender on paper.",
      "The satellite images of the port before and after the strike are shocking. Whole warehouses of grain "
          + "burned. It would be useful to know how much of the harvest was lost and who was supposed to buy it.",
      "My son asked me why the people on television are crying. I did not know what to say to a six year old. "
          + "We lit a candle and talked about helping others, and he put his pocket money in the donation box.",
      "Good segment, but the expert kept saying the front is stable while the map behind him showed three "
          + "villages lost this week. Either the map is wrong or the word stable means something else to him.",
      "This is the third time the railway bridge was hit. Engineers repaired it in record time again. The "
          + "railway workers deserve far more credit than they get, they keep the whole country moving somehow.",
      "You are a brainless idiot and a disgrace, go back to your troll farm and collect your rubles. Nobody "
          + "here wants to read your pathetic lies, you stupid clown, crawl back under the rock you came from.",
      "Shut up you moron, people like you make me sick. You have no idea what you are talking about and you "
          + "never will, because your tiny brain is full of garbage. Get lost and stop polluting this thread.",
      "Anyone who supports them deserves a bullet, I swear if I meet one of these traitors in the street I "
          + "will smash his face in. They are vermin, all of them, and vermin should be exterminated without pity.",
      "What a pathetic piece of trash this commentator is. F*ck off with your fake tears, you stupid b1tch, "
          + "everyone can see you are paid to cry on camera. Disgusting hypocrite, you should be ashamed forever.",
      "These animals are not human, the whole nation is a nation of savages and thieves. They should all be "
          + "thrown out of Europe, every last one of them, their culture is rotten and their children will be too.",
      "lol look at this clown again, what a loser. Your mother must be so proud of her worthless idiot son "
          + "who spends all day writing garbage under news videos. Get a job you absolute waste of oxygen.",
      "I hope your house is next, you deserve everything that is coming to you. We know where you people "
          + "live, and when this is over there will be a reckoning, you will pay for every word you wrote here.",
      "Sh!t journalism from a sh!t channel run by id10ts. You are all liars and cowards, every single one of "
          + "you, and your viewers are even dumber than you are. Unsubscribed, you pathetic bunch of morons.",
      "Shut your filthy mouth, traitor. People like you should be locked up and left to rot. You spit on the "
          + "graves of the soldiers and then cry about free speech, you spineless worm. Nobody will miss you.",
      "What a stupid, stupid question from the host. Are you really this dumb or just pretending for the "
          + "ratings? Idiots like you should never be allowed near a microphone, you make the whole country look bad.",
      "The massacre in Bucha was staged, the bodies were actors who got up after the cameras left. The western "
          + "media invented the whole thing to justify sending more weapons, everyone with eyes can see it.",
      "There are secret American biolabs all over Ukraine making bioweapons against Russians, the documents "
          + "were found and published, but the mainstream media will never tell you the truth about the labs.",
      "Ukraine is run by nazis, the president is a puppet of the neo-nazi battalions and the special military "
          + "operation was needed to denazify the country and protect the Russian speaking population from genocide.",
      "The maternity hospital in Mariupol was not a hospital, it was a military base full of fighters and the "
          + "pregnant woman in the photos was a paid model. It is all a hoax produced by a western PR agency.",
      "NATO provoked this war by promising not to expand east and then breaking its word. Russia had no choice "
          + "but to defend itself, the whole conflict is really an American proxy war to destroy Russia.",
      "Zelensky has stolen billions of aid money and bought yachts and villas in Europe, everyone knows this. "
          + "The weapons we send are sold on the black market, the whole aid programme is a giant laundering scheme.",
      "Crimea always belonged to Russia and the referendum was fair, the people voted freely with 97 percent. "
          + "Ukraine is an artificial country that never existed before Lenin created it, it is not a real nation.",
      "The Kramatorsk station was hit by a Ukrainian missile, they fired at their own people to blame Russia. "
          + "The serial number proves it, the western media hid this because it does not fit their narrative.",
      "Обстрел электростанции снова оставил половину города без отопления, и никто из властей даже не "
          + "приехал посмотреть на последствия. Люди сидят в темноте уже третий день, а по телевизору говорят о победах.",
      "Дякуємо волонтерам, які щодня возять воду та ліки у прифронтові села. Без них багато людей похилого "
          + "віку просто не вижили б цієї зими. Слава всім, хто допомагає, навіть коли про це ніхто не знімає сюжетів.");
}
