package dev.warden.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who may use the admin UI and API ({@code admin:} in warden.yaml).
 *
 * @param auth {@code builtin} (users below) or {@code container} (the container's login and
 *     {@code isUserInRole})
 * @param sessionTimeout idle timeout of an admin session
 * @param users the built-in users
 * @param apiToken bearer token the CMS uses for {@code PUT /warden/api/articles/{id}} (may be null: then only a
 *     logged-in publisher or admin may register articles); never logged
 */
public record AdminConfig(String auth, Duration sessionTimeout, List<AdminUser> users, String apiToken) {
  public AdminConfig {
    if (!"builtin".equals(auth) && !"container".equals(auth)) {
      throw new WardenConfigException("admin.auth", auth, "must be builtin or container");
    }
    if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
      throw new WardenConfigException("admin.session-timeout", String.valueOf(sessionTimeout), "must be positive");
    }
    users = List.copyOf(Objects.requireNonNull(users, "admin.users"));
    if (apiToken != null && apiToken.length() < 16) {
      throw new WardenConfigException("admin.api-token", "(hidden)", "must be at least 16 characters");
    }
  }

  @Override
  public String toString() {
    return "AdminConfig[auth=" + auth + ", sessionTimeout=" + sessionTimeout + ", users=" + users + "]";
  }

  /**
   * One built-in admin user.
   *
   * @param name login name
   * @param roles any of {@code moderator}, {@code publisher}, {@code admin}
   * @param passwordHash {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}; never logged
   */
  public record AdminUser(String name, List<String> roles, String passwordHash) {
    public static final List<String> KNOWN_ROLES = List.of("moderator", "publisher", "admin");

    public AdminUser {
      if (name == null || name.isBlank()) {
        throw new WardenConfigException("admin.users[].name", name, "must not be blank");
      }
      roles = List.copyOf(roles == null ? List.of() : roles);
      for (String role : roles) {
        if (!KNOWN_ROLES.contains(role)) {
          throw new WardenConfigException("admin.users[" + name + "].roles", role, "must be one of " + KNOWN_ROLES);
        }
      }
      if (passwordHash == null || !passwordHash.startsWith("pbkdf2-sha256$")) {
        throw new WardenConfigException(
            "admin.users[" + name + "].password-hash", "(hidden)", "must be a pbkdf2-sha256$... hash");
      }
    }

    @Override
    public String toString() {
      return "AdminUser[" + name + ", roles=" + roles + "]";
    }
  }
}
