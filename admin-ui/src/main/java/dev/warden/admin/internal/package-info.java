/**
 * Implementation of the admin UI: the JSON API servlet and its endpoints, login, sessions, CSRF, the login
 * throttle and the static UI servlet. Not an API; may change without notice.
 */
package dev.warden.admin.internal;
