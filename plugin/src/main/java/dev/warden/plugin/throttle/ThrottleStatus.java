package dev.warden.plugin.throttle;

import java.util.Objects;

/**
 * How a throttle keeps its counts right now, for the health endpoint and the metrics.
 *
 * @param mode {@code local} (this node counts alone) or {@code shared} (limits kept global across nodes)
 * @param degraded true when a shared throttle has lost its shared store and counts locally meanwhile
 * @param detail one sentence for operators (no secrets), e.g. why it is degraded
 */
public record ThrottleStatus(String mode, boolean degraded, String detail) {
  public ThrottleStatus {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(detail, "detail");
  }

  /** The status of a throttle that counts per node by design. */
  public static ThrottleStatus local() {
    return new ThrottleStatus("local", false, "limits are counted per node");
  }
}
