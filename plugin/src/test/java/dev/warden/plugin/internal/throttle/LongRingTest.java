package dev.warden.plugin.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ring keeps the latest entries in order, grows only while its oldest is live, and never passes its bound. */
class LongRingTest {

  @Test
  void itKeepsTheLatestEntriesUpToItsBound() {
    LongRing ring = new LongRing(2, 4);
    for (long tick = 1; tick <= 10; tick++) {
      ring.set(ring.append(tick, Long.MAX_VALUE), 1, tick * 100);
    }

    assertThat(ring.size()).isEqualTo(4);
    assertThat(ring.tick(0)).isEqualTo(10);
    assertThat(ring.tick(3)).isEqualTo(7);
    assertThat(ring.tick(4)).isEqualTo(LongRing.NONE);
    assertThat(ring.get(1, 1)).isEqualTo(900);
  }

  @Test
  void itReusesTheSlotOfAStaleEntryInsteadOfGrowing() {
    LongRing ring = new LongRing(1, 64);
    for (long tick = 0; tick < 1_000; tick += 100) {
      ring.append(tick, 50); // every earlier entry is stale by the next one
    }

    assertThat(ring.size()).isEqualTo(1);
    assertThat(ring.tick(0)).isEqualTo(900);
  }

  @Test
  void itAgreesWithASimpleListUnderRandomUse() {
    Random random = new Random(42);
    LongRing ring = new LongRing(3, 16);
    Deque<long[]> reference = new ArrayDeque<>();
    long tick = 0;
    int capacity = 0;
    for (int step = 0; step < 10_000; step++) {
      tick += random.nextInt(20);
      long retention = 1 + random.nextInt(200);
      int offset = ring.append(tick, retention);
      ring.set(offset, 1, step);
      ring.set(offset, 2, -step);
      if (reference.size() == capacity) { // full: grow while the oldest entry is live, else drop it
        boolean oldestLive = reference.isEmpty() || tick - reference.peekFirst()[0] < retention;
        if (capacity < 16 && oldestLive) {
          capacity = Math.max(1, capacity * 2);
        } else {
          reference.pollFirst();
        }
      }
      reference.addLast(new long[] {tick, step, -step});
      assertThat(ring.size()).isEqualTo(reference.size());
      Iterator<long[]> newestFirst = reference.descendingIterator();
      for (int age = 0; age < ring.size(); age++) {
        long[] expected = newestFirst.next();
        assertThat(new long[] {ring.tick(age), ring.get(age, 1), ring.get(age, 2)}).containsExactly(expected);
      }
    }
  }

}
