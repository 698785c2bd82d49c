package dev.warden.plugin;

/**
 * The contract between Warden's admin UI and the filter about a login to the admin UI: the admin UI keeps the
 * roles of the logged-in user in the HTTP session under {@link #ROLES_ATTRIBUTE}, so that the filter's
 * operator endpoints ({@code /warden/metrics}) can let a logged-in {@code admin} in without a scrape token.
 */
public final class AdminSession {
  /** Session attribute: the {@code Set<String>} of roles of the user logged in to the admin UI. */
  public static final String ROLES_ATTRIBUTE = "dev.warden.admin.roles";

  private AdminSession() {}
}
