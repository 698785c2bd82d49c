package dev.warden.classifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.NarrativeMatch;
import dev.warden.classifier.Term;
import dev.warden.classifier.Verdict;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code classify}: one comment per stdin line, one JSON verdict per stdout line (empty lines too). */
@Command(name = "classify", description = "Reads comments from stdin, one per line; prints one JSON verdict per line.")
final class ClassifyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--model", paramLabel = "DIR", description = "A model directory written by 'train' (default: bundled).")
  Path model;

  @Override
  public Integer call() throws IOException {
    Classifier classifier = model == null ? Classifier.loadDefault() : Classifier.load(model);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    String line;
    while ((line = in.readLine()) != null) {
      out.write(JSON.writeValueAsString(toJson(classifier.classify(line))));
      out.write('\n');
    }
    out.flush();
    return 0;
  }

  /**
   * The verdict as JSON: {@code scores} first (labels, then the abuse kinds present), then {@code terms} with
   * their spans when known, {@code language}, {@code flags}, {@code narratives} and {@code model}. Scores stay
   * plain numbers so scripts (and the judge) can read {@code scores.abuse} directly.
   */
  static Map<String, Object> toJson(Verdict verdict) {
    Map<String, Object> scores = new LinkedHashMap<>();
    Map<String, Object> terms = new LinkedHashMap<>();
    for (String name : scoredNames(verdict)) {
      scores.put(name, round(verdict.score(name)));
      List<Map<String, Object>> list = new ArrayList<>();
      for (Term term : verdict.termsFor(name)) {
        list.add(term(term));
      }
      terms.put(name, list);
    }
    List<Map<String, Object>> narratives = new ArrayList<>();
    for (NarrativeMatch match : verdict.narratives()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", match.id());
      n.put("title", match.title());
      n.put("similarity", round(match.similarity()));
      n.put("debunk", match.debunkUrl());
      narratives.add(n);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scores", scores);
    json.put("terms", terms);
    json.put("language", verdict.language());
    json.put("flags", new TreeSet<>(verdict.flags()));
    json.put("narratives", narratives);
    json.put("model", verdict.modelVersion());
    return json;
  }

  /** The labels, then the kinds this verdict scores, in display order. */
  private static List<String> scoredNames(Verdict verdict) {
    List<String> names = new ArrayList<>(Verdict.LABELS);
    for (String kind : Verdict.KINDS) {
      if (verdict.scores().containsKey(kind)) {
        names.add(kind);
      }
    }
    return names;
  }

  private static Map<String, Object> term(Term term) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("text", term.text());
    t.put("weight", round(term.weight()));
    if (term.hasSpan()) {
      t.put("start", term.start());
      t.put("end", term.end());
    }
    return t;
  }

  private static double round(double value) {
    return Math.round(value * 1_000_000) / 1_000_000.0;
  }
}
