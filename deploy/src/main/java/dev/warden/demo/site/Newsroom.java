package dev.warden.demo.site;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo site's articles. The texts are written for this demo: they describe real kinds of events in general
 * terms and are not reporting. Immutable and thread-safe.
 */
public final class Newsroom {
  private static final String DEMO_NOTE =
      "This article was written for the Warden demo site. It is not original reporting.";

  private final List<Article> articles;

  private Newsroom(List<Article> articles) {
    this.articles = List.copyOf(articles);
  }

  /** The three demo articles: two conflict pieces and one local story. */
  public static Newsroom demo() {
    return new Newsroom(List.of(belarusTroops(), kerchBridge(), cityMarathon()));
  }

  /** All articles, newest first. */
  public List<Article> articles() {
    return articles;
  }

  /** The article with this slug, if any. */
  public Optional<Article> find(String slug) {
    return articles.stream().filter(a -> a.slug().equals(slug)).findFirst();
  }

  private static Article belarusTroops() {
    return new Article(
        "belarus-troops-border",
        "world",
        "Belarus orders troops to deploy alongside Russian forces near Ukraine's northern border",
        "Minsk says the joint grouping is defensive; Kyiv is reinforcing its side of the frontier.",
        LocalDate.of(2026, 3, 12),
        List.of(
            "Belarus has ordered several thousand of its soldiers to deploy alongside Russian units in a joint"
                + " regional grouping close to its border with Ukraine, the defence ministry in Minsk said on"
                + " Thursday. Columns of trucks and armoured vehicles were reported moving south from bases near"
                + " the capital towards the Gomel and Brest regions.",
            "Belarusian officials described the move as a response to what they called increased military"
                + " activity on the other side of the frontier, and said the troops would carry out exercises"
                + " and \"ensure the security of the Union State\". They gave no date for the end of the"
                + " deployment.",
            "Ukraine's border guard service said it had not seen Belarusian units crossing towards its"
                + " territory but that it was watching the area closely. Kyiv has kept forces in the north since"
                + " Russian troops withdrew from the region around the capital in the spring of 2022, and it has"
                + " mined and fortified long stretches of the 1,000-kilometre border.",
            "Analysts said the joint grouping was more likely meant to tie down Ukrainian troops in the north"
                + " than to prepare a new offensive. Belarus has allowed Russia to use its territory, airfields"
                + " and rail lines since the full-scale invasion began, but its own army has not taken part in"
                + " the fighting.",
            "Neighbouring Poland and Lithuania said they were monitoring the deployment with their NATO allies."
                + " Residents of villages on the Ukrainian side of the border told local media they had heard"
                + " heavy vehicles at night but had not been asked to leave.",
            DEMO_NOTE));
  }

  private static Article kerchBridge() {
    return new Article(
        "kerch-bridge-strike",
        "world",
        "Traffic halted on the Kerch bridge after overnight strike",
        "Road and rail links between Crimea and Russia were closed for several hours.",
        LocalDate.of(2026, 3, 10),
        List.of(
            "Traffic on the bridge across the Kerch Strait, which links Russia with occupied Crimea, was"
                + " stopped for several hours on Tuesday after an overnight strike damaged one of its road"
                + " spans, officials installed by Russia in Crimea said.",
            "Queues of cars formed on both sides of the strait and ferries were brought in to carry passengers."
                + " Ukraine did not immediately comment; it has previously said the bridge is a military supply"
                + " route and a legitimate target.",
            DEMO_NOTE));
  }

  private static Article cityMarathon() {
    return new Article(
        "city-marathon",
        "local",
        "Record field of runners expected for Sunday's city marathon",
        "Road closures start at 6 a.m.; organisers ask spectators to use public transport.",
        LocalDate.of(2026, 3, 9),
        List.of(
            "More than 12,000 runners have signed up for Sunday's city marathon, the largest field since the"
                + " race began, organisers said. The route starts at the riverside park, loops through the old"
                + " town and finishes at the stadium.",
            "Roads along the route will close from 6 a.m. until mid-afternoon. Extra trams will run all day,"
                + " and volunteers are still needed at the water stations near the northern bridge.",
            DEMO_NOTE));
  }
}
