package dev.warden.plugin.internal.throttle;

/**
 * The most recent entries of a time series, oldest dropped first: each entry is {@code stride} longs, the first of
 * which is its tick. Starts empty and grows by doubling up to {@code maxEntries}, but only while its oldest entry is
 * still live, so a poster who posts rarely keeps a tiny array. Not thread-safe: its owner's monitor guards it.
 */
final class LongRing {
  /** Returned by the lookups when there is no such entry. */
  static final long NONE = Long.MIN_VALUE;
  private static final long[] EMPTY = {};

  private final int stride;
  private int maxEntries;
  private long[] values = EMPTY;
  private int start;
  private int size;

  LongRing(int stride, int maxEntries) {
    if (stride < 1 || maxEntries < 1) {
      throw new IllegalArgumentException("stride and maxEntries must be positive");
    }
    this.stride = stride;
    this.maxEntries = maxEntries;
  }

  /** Lets the ring grow to at least {@code max} entries (a raised allowance); a lower value changes nothing. */
  void raiseMaxEntries(int max) {
    if (max > maxEntries) {
      maxEntries = max;
    }
  }

  /** How many entries it holds. */
  int size() {
    return size;
  }

  /**
   * Appends an entry at {@code tick} and returns its offset, for {@link #set} of the other fields. When full, the
   * oldest entry is dropped if the ring is at its bound or that entry is older than {@code retention}; otherwise
   * the ring grows.
   */
  int append(long tick, long retention) {
    int capacity = values.length / stride;
    if (size == capacity) {
      boolean oldestLive = size > 0 && tick - values[start * stride] < retention;
      if (size < maxEntries && (size == 0 || oldestLive)) {
        grow();
      } else {
        start = (start + 1) % capacity;
        size--;
      }
    }
    int offset = ((start + size) % (values.length / stride)) * stride;
    values[offset] = tick;
    size++;
    return offset;
  }

  /** Sets field {@code field} (1 to stride-1) of the entry at {@code offset}. */
  void set(int offset, int field, long value) {
    values[offset + field] = value;
  }

  /** Field {@code field} of the entry {@code age} places back from the newest (age 0 is the newest). */
  long get(int age, int field) {
    return values[offsetOf(age) + field];
  }

  /** The tick of the entry {@code age} places back from the newest, or {@link #NONE} if there are not that many. */
  long tick(int age) {
    return age < size ? values[offsetOf(age)] : NONE;
  }

  private int offsetOf(int age) {
    int capacity = values.length / stride;
    return ((start + size - 1 - age) % capacity) * stride;
  }

  private void grow() {
    int capacity = values.length / stride;
    int grown = Math.min(maxEntries, Math.max(1, capacity * 2));
    long[] next = new long[grown * stride];
    for (int i = 0; i < size; i++) {
      System.arraycopy(values, ((start + i) % capacity) * stride, next, i * stride, stride);
    }
    values = next;
    start = 0;
  }
}
