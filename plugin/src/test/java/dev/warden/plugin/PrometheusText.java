package dev.warden.plugin;

/** Reads one sample from the Prometheus text format, for tests. */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The value of the sample {@code name} whose labels include the given name/value pairs; 0 if there is none (a
   * counter that never moved is not exported yet).
   */
  static double value(String text, String name, String... labels) {
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }
}
