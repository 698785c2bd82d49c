/** The admin UI and JSON API under {@code /warden/admin/} and {@code /warden/api/}. */
package dev.warden.admin;
