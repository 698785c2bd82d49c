/**
 * The admin UI and JSON API under {@code /warden/admin/} and {@code /warden/api/}: installed by
 * {@link dev.warden.admin.AdminInitializer} when a warden.yaml is configured. Operators hash admin passwords with
 * {@link dev.warden.admin.PasswordHasher}. The implementation lives in {@code dev.warden.admin.internal}.
 */
package dev.warden.admin;
