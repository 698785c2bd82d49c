package dev.warden.plugin.store;

import java.util.Objects;

/**
 * Who did something the audit trail records, and from which address.
 *
 * @param name the user name (a moderator, a publisher, {@code api-token} for the CMS token); 1 to {@value
 *     #MAX_NAME} characters, not blank
 * @param address the client address of the request that did it, or null if unknown (code that is not answering a
 *     request); at most {@value #MAX_ADDRESS} characters
 */
public record Actor(String name, String address) {
  /** Longest name. */
  public static final int MAX_NAME = 256;
  /** Longest address; an IPv6 literal with a zone id fits. */
  public static final int MAX_ADDRESS = 100;

  public Actor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("actor name must be 1 to " + MAX_NAME + " characters and not blank, got "
          + name.length() + " characters");
    }
    if (address != null && address.isBlank()) {
      address = null;
    }
    if (address != null && address.length() > MAX_ADDRESS) {
      throw new IllegalArgumentException("actor address must be at most " + MAX_ADDRESS + " characters, got "
          + address.length());
    }
  }

  /** An actor whose address is unknown. */
  public static Actor named(String name) {
    return new Actor(name, null);
  }
}
