package dev.warden.classifier.bench;

import dev.warden.classifier.Classifier;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: loading the default classifier and scoring a first comment in a fresh JVM (each fork loads once),
 * and the heap the loaded models retain, printed as {@code retained heap: N MB} (used heap after full GCs, after
 * minus before loading).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ModelLoadBenchmark {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long before;
  private Classifier loaded;

  @Setup(Level.Iteration)
  public void measureBefore() {
    before = usedAfterGc();
  }

  @Benchmark
  public Object loadDefaultAndClassifyOnce() {
    loaded = Classifier.loadDefault();
    return loaded.classify("The first comment after a deploy: thanks for the map of the front line.");
  }

  @TearDown(Level.Iteration)
  public void printRetained() {
    long retained = usedAfterGc() - before;
    System.out.printf(Locale.ROOT, "%nretained heap: %.1f MB (model %s)%n", retained / 1e6, loaded.modelVersion());
  }

  private long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
