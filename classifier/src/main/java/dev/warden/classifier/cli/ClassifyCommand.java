package dev.warden.classifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
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

  /** The verdict as JSON, {@code scores} first. */
  static Map<String, Object> toJson(Verdict verdict) {
    Map<String, Object> scores = new LinkedHashMap<>();
    Map<String, Object> terms = new LinkedHashMap<>();
    for (String label : Verdict.LABELS) {
      scores.put(label, Math.round(verdict.score(label) * 1_000_000) / 1_000_000.0);
      List<Map<String, Object>> list = new ArrayList<>();
      for (Term term : verdict.termsFor(label)) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("text", term.text());
        t.put("weight", term.weight());
        list.add(t);
      }
      terms.put(label, list);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scores", scores);
    json.put("terms", terms);
    json.put("language", verdict.language());
    json.put("model", verdict.modelVersion());
    return json;
  }
}
