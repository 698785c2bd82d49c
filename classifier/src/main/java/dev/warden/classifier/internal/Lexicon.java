package dev.warden.classifier.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our abuse lexicons ({@code lexicon/*.txt}): phrases over normalised words, each tagged with the abuse kind it
 * signals. Matching is a lookup of each word among the phrases' first words, then a check of the rest, so it costs
 * little more than one hash lookup per word.
 *
 * <p>Identity attacks need two parts: a dehumanising word ({@code identity-dehuman.txt}) within
 * {@link #GROUP_WINDOW} words of a group ({@code identity-group.txt}); a slur ({@code identity-slur.txt}) counts on
 * its own. A dehumanising word with no group near is reported as {@link #DEHUMANISING}, not as a kind.
 *
 * <p>Immutable and thread-safe; {@link #DEFAULT} is loaded once.
 */
final class Lexicon {
  static final String INSULT = "insult";
  static final String THREAT = "threat";
  static final String IDENTITY_ATTACK = "identity_attack";
  static final String PROFANITY = "profanity";
  /** Not a kind: a dehumanising word with no group near it. */
  static final String DEHUMANISING = "dehumanising";

  static final int GROUP_WINDOW = 6;
  static final int MIN_COMPOUND_HEAD = 3;

  /** Ordinary words that happen to end like an insult. */
  private static final Set<String> NOT_COMPOUNDS =
      Set.of("custard", "mustard", "leotard", "leotards", "petard", "dastard", "bustard", "turbot", "robots",
          "chatbot", "chatbots");

  /** Insulting word tails and their kind, for {@link #compoundKind}; checked in this order. */
  private static final Map<String, String> COMPOUND_TAILS = orderedTails();
  private static final String ROOT = "/dev/warden/classifier/lexicon/";
  private static final String GROUP = "group";

  static final Lexicon DEFAULT = load();

  /** One match: the kind and the words {@code [from, to)} it covers. */
  record Hit(String kind, int from, int to) {}

  /** A phrase: alternatives per position. */
  private record Phrase(String kind, List<Set<String>> positions) {}

  private final Map<String, List<Phrase>> byFirstWord;

  private Lexicon(Map<String, List<Phrase>> byFirstWord) {
    this.byFirstWord = byFirstWord;
  }

  static Lexicon load() {
    Map<String, List<Phrase>> index = new HashMap<>();
    add(index, "insult.txt", INSULT);
    add(index, "profanity.txt", PROFANITY);
    add(index, "threat.txt", THREAT);
    add(index, "identity-slur.txt", IDENTITY_ATTACK);
    add(index, "identity-dehuman.txt", DEHUMANISING);
    add(index, "identity-group.txt", GROUP);
    index.replaceAll((word, phrases) -> List.copyOf(phrases));
    return new Lexicon(Map.copyOf(index));
  }

  /** Every match in {@code words}, in order of where it starts; overlapping matches of different kinds all count. */
  List<Hit> match(String[] words) {
    List<Hit> raw = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      List<Phrase> phrases = byFirstWord.get(words[i]);
      if (phrases == null) {
        String compound = compoundKind(words[i]);
        if (compound != null) {
          raw.add(new Hit(compound, i, i + 1));
        }
        continue;
      }
      for (Phrase phrase : phrases) {
        int end = matchAt(phrase, words, i);
        if (end > 0) {
          raw.add(new Hit(phrase.kind(), i, end));
        }
      }
    }
    return resolveIdentity(raw);
  }

  /**
   * Insults written as one compound word ("putintard", "zelenskyshill", "ass-licker" spelled together): the kind of
   * an insulting tail after a head of at least {@link #MIN_COMPOUND_HEAD} letters, or null. Commenters coin these
   * faster than any list can follow; the tails are ones that insult whatever comes before them.
   */
  static String compoundKind(String word) {
    if (NOT_COMPOUNDS.contains(word)) {
      return null;
    }
    for (Map.Entry<String, String> tail : COMPOUND_TAILS.entrySet()) {
      String suffix = tail.getKey();
      if (word.length() >= suffix.length() + MIN_COMPOUND_HEAD && word.endsWith(suffix)
          && Character.isLetter(word.charAt(word.length() - suffix.length() - 1))) {
        return tail.getValue();
      }
    }
    return null;
  }

  private static int matchAt(Phrase phrase, String[] words, int at) {
    List<Set<String>> positions = phrase.positions();
    if (at + positions.size() > words.length) {
      return -1;
    }
    for (int k = 1; k < positions.size(); k++) {
      if (!positions.get(k).contains(words[at + k])) {
        return -1;
      }
    }
    return at + positions.size();
  }

  /** Dehumanising words near a group become identity attacks; group words alone are dropped. */
  private static List<Hit> resolveIdentity(List<Hit> raw) {
    List<Hit> hits = new ArrayList<>(raw.size());
    for (Hit hit : raw) {
      if (hit.kind().equals(GROUP)) {
        continue;
      }
      if (hit.kind().equals(DEHUMANISING)) {
        hits.add(new Hit(groupNear(raw, hit) ? IDENTITY_ATTACK : DEHUMANISING, hit.from(), hit.to()));
      } else {
        hits.add(hit);
      }
    }
    return hits;
  }

  private static boolean groupNear(List<Hit> raw, Hit hit) {
    for (Hit other : raw) {
      if (other.kind().equals(GROUP)
          && other.to() > hit.from() - GROUP_WINDOW
          && other.from() < hit.to() + GROUP_WINDOW) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> orderedTails() {
    Map<String, String> tails = new LinkedHashMap<>();
    for (String tail : List.of("tard", "tards", "licker", "lickers", "shill", "shills", "idiot", "idiots",
        "moron", "morons", "clown", "clowns", "bot", "bots")) {
      tails.put(tail, INSULT);
    }
    for (String tail : List.of("fucker", "fuckers", "fuck", "shit")) {
      tails.put(tail, PROFANITY);
    }
    return Collections.unmodifiableMap(tails);
  }

  private static void add(Map<String, List<Phrase>> index, String file, String kind) {
    for (String line : lines(ROOT + file)) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      List<Set<String>> positions = new ArrayList<>();
      for (String position : entry.split("\\s+")) {
        positions.add(Set.copyOf(Arrays.asList(position.split("\\|"))));
      }
      Phrase phrase = new Phrase(kind, List.copyOf(positions));
      for (String first : positions.get(0)) {
        index.computeIfAbsent(first, w -> new ArrayList<>()).add(phrase);
      }
    }
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing lexicon resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
