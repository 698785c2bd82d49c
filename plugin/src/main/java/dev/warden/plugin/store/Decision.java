package dev.warden.plugin.store;

/** What the policy decided for a comment at submission. */
public enum Decision {
  ALLOW,
  HOLD,
  REJECT
}
