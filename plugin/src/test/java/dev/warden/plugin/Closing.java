package dev.warden.plugin;

/** Closes what a test started, in the order given, skipping what never started; the first failure is rethrown. */
final class Closing {
  private Closing() {}

  static void all(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
