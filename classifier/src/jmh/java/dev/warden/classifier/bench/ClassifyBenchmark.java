package dev.warden.classifier.bench;

import dev.warden.classifier.Classifier;
import dev.warden.classifier.Verdict;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full {@code classify} (normalise, language, every model, explanations) of typical 300-char comments on one
 * thread: throughput in ops/s and the latency distribution of single calls (p50, p99). Uses the public API only,
 * so the same class runs against older revisions of the classifier.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifyBenchmark {
  private Classifier classifier;
  private List<String> comments;
  private int next;

  @Setup
  public void load() {
    classifier = Classifier.loadDefault();
    comments = BenchmarkComments.typical();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Verdict throughput() {
    return classifyNext();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Verdict latency() {
    return classifyNext();
  }

  private Verdict classifyNext() {
    String text = comments.get(next);
    next = next + 1 == comments.size() ? 0 : next + 1;
    return classifier.classify(text);
  }
}
