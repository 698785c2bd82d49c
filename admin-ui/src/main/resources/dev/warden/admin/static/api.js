// Shared by the admin pages (queue, console, audit, stats): the JSON API client and two DOM helpers. Plain ES
// module, no build step. Security rule: strings from the API enter the DOM through textContent only.

export const API = new URL('../api/', document.baseURI);

export const $ = (id) => document.getElementById(id);

/** A non-2xx answer of the API; {@code body} is its JSON error ({error, message, ...}) or {}. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

/**
 * An API client; {@code csrf()} gives the session's CSRF token (or null), sent on every call but GET. The client
 * sends JSON, reads JSON, never caches, and throws ApiError (with {@code retryAfter}) on a non-2xx answer.
 */
export function apiClient(csrf = () => null) {
  return async function api(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = csrf();
    if (method !== 'GET' && token) headers['X-CSRF-Token'] = token;
    const response = await fetch(new URL(path, API), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      const error = new ApiError(response.status, data);
      error.retryAfter = response.headers.get('Retry-After');
      throw error;
    }
    return data;
  };
}

/** A new element with an optional class and text (set as text, never parsed). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
