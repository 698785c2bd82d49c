package dev.warden.admin.internal;

import dev.warden.admin.PasswordHasher;
import dev.warden.plugin.AdminConfig;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks built-in users' passwords. Unknown users are verified against a dummy hash, so that an unknown name
 * costs the same time and gets the same answer as a wrong password. Thread-safe; immutable.
 */
final class Credentials {
  private final Map<String, AdminConfig.AdminUser> users = new HashMap<>();
  private final String dummyHash;

  Credentials(AdminConfig config) {
    for (AdminConfig.AdminUser user : config.users()) {
      users.put(user.name(), user);
    }
    char[] random = new char[24];
    SecureRandom rnd = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('a' + rnd.nextInt(26));
    }
    this.dummyHash = PasswordHasher.hash(random);
  }

  /** The principal if the name and password match a configured user. */
  Optional<AdminPrincipal> authenticate(String name, char[] password) {
    AdminConfig.AdminUser user = users.get(name);
    String hash = user == null ? dummyHash : user.passwordHash();
    boolean matches = PasswordHasher.verify(password, hash);
    if (user == null || !matches) {
      return Optional.empty();
    }
    return Optional.of(new AdminPrincipal(user.name(), java.util.Set.copyOf(user.roles())));
  }
}
