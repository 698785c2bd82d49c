package dev.warden.classifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import dev.warden.classifier.internal.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval}: scores labelled comments and prints, per label (and abuse kind) with positives in the data, one
 * JSON object with ROC-AUC, average precision, precision/recall/F1 and the confusion matrix at the threshold, and
 * a 10-bin calibration table.
 */
@Command(
    name = "eval",
    description = "Evaluates a model on labelled JSONL ('label', or 'abuse'/'disinfo' fields); one JSON object per label.")
final class EvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--model", paramLabel = "DIR", description = "A model directory written by 'train' (default: bundled).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "Labelled JSONL.")
  Path data;

  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
      description = "Score at or above which a comment counts as flagged (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON lines to this file.")
  Path report;

  @Override
  public Integer call() throws IOException {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be in [0,1]: " + threshold);
    }
    List<EvalData.Row> rows = EvalData.read(data);
    Classifier classifier = model == null ? Classifier.loadDefault() : Classifier.load(model);
    List<Verdict> verdicts = new ArrayList<>(rows.size());
    for (EvalData.Row row : rows) {
      verdicts.add(classifier.classify(row.text()));
    }
    StringBuilder out = new StringBuilder();
    for (String label : EvalData.labelsIn(rows)) {
      if (verdicts.get(0).scores().containsKey(label)) {
        out.append(JSON.writeValueAsString(report(label, rows, verdicts))).append('\n');
      }
    }
    System.out.print(out);
    System.out.flush();
    if (report != null) {
      Files.writeString(report, out, StandardCharsets.UTF_8);
    }
    return 0;
  }

  private Map<String, Object> report(String label, List<EvalData.Row> rows, List<Verdict> verdicts) {
    List<Double> scores = new ArrayList<>();
    List<Boolean> truth = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Boolean positive = rows.get(i).truth().get(label);
      if (positive != null) {
        scores.add(verdicts.get(i).score(label));
        truth.add(positive);
      }
    }
    Metrics metrics = metrics(scores, truth);
    Metrics.Confusion confusion = metrics.confusion(threshold);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", label);
    json.put("n", metrics.size());
    json.put("positives", metrics.positives());
    json.put("threshold", threshold);
    json.put("rocAuc", round(metrics.rocAuc()));
    json.put("prAuc", round(metrics.averagePrecision()));
    json.put("precision", round(confusion.precision()));
    json.put("recall", round(confusion.recall()));
    json.put("f1", round(confusion.f1()));
    json.put("flagged", round(metrics.flaggedShare(threshold)));
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("tp", confusion.tp());
    counts.put("fp", confusion.fp());
    counts.put("tn", confusion.tn());
    counts.put("fn", confusion.fn());
    json.put("confusion", counts);
    json.put("calibration", calibration(metrics));
    return json;
  }

  private static Metrics metrics(List<Double> scores, List<Boolean> truth) {
    double[] s = new double[scores.size()];
    boolean[] t = new boolean[truth.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = scores.get(i);
      t[i] = truth.get(i);
    }
    return new Metrics(s, t);
  }

  private static List<Map<String, Object>> calibration(Metrics metrics) {
    List<Map<String, Object>> bins = new ArrayList<>();
    for (Metrics.Bin bin : metrics.calibration()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("bin", String.format(java.util.Locale.ROOT, "%.1f-%.1f", bin.low(), bin.high()));
      b.put("meanPredicted", round(bin.meanPredicted()));
      b.put("observedRate", round(bin.observedRate()));
      b.put("count", bin.count());
      bins.add(b);
    }
    return bins;
  }

  /** Six decimals; NaN (undefined: one class only, or an empty bin) prints as null. */
  private static Double round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 1_000_000) / 1_000_000.0;
  }
}
