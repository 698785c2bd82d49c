// Warden audit page: the audit trail, newest first, with filters and paging. Plain ES module, no build step.
// Security rule: every string from the API (actors, targets, details: a failed login's user name is whatever was
// typed) enters the DOM through textContent or createElement, never innerHTML.

import { $, apiClient, el } from './api.js';

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'target'];

const state = { offset: 0, total: 0, count: 0, filters: { actor: '', action: '', target: '' } };

const api = apiClient();


/** A value that filters the list when clicked (an actor or a target). */
function filterButton(name, value) {
  const button = el('button', 'linkish', value);
  button.type = 'button';
  button.title = `Show only events with this ${name}`;
  button.addEventListener('click', () => {
    state.filters[name] = value;
    state.offset = 0;
    showFilters();
    load();
  });
  return button;
}

function renderEvent(event) {
  const row = el('tr');
  row.dataset.action = event.action;

  const when = el('td', 'when');
  const time = el('time', null, new Date(event.at).toLocaleString());
  time.setAttribute('datetime', event.at);
  time.title = event.at;
  when.append(time);

  const actor = el('td', 'actor');
  actor.append(filterButton('actor', event.actor));

  const from = el('td', 'from mono', event.address || '—');
  const action = el('td', `action action-${event.action.replace(/[^a-z_]/g, '')}`, event.action);

  const target = el('td', 'target');
  if (event.target) {
    target.append(el('span', 'target-kind', event.targetType), ' ', filterButton('target', event.target));
  } else {
    target.textContent = '—';
  }

  const change = el('td', 'change', event.before || event.after
    ? `${event.before || '—'} → ${event.after || '—'}` : '');
  const detail = el('td', 'detail', event.detail || '');

  row.append(when, actor, from, action, target, change, detail);
  return row;
}

function render(page) {
  state.total = page.total;
  state.count = page.items.length;
  $('events').replaceChildren(...page.items.map(renderEvent));
  $('empty').hidden = page.items.length > 0;
  $('audit-table').hidden = page.items.length === 0;
  const from = page.items.length ? state.offset + 1 : 0;
  $('summary').textContent = `${from}–${state.offset + page.items.length} of ${page.total} events`;
  $('prev-page').disabled = state.offset === 0;
  $('next-page').disabled = state.offset + page.items.length >= page.total;
}

function query() {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(state.offset) });
  for (const name of FILTERS) {
    if (state.filters[name]) params.set(name, state.filters[name]);
  }
  return params;
}

async function load() {
  rememberInUrl();
  try {
    render(await api(`audit?${query()}`));
    notice('');
  } catch (error) {
    if (error.status === 401) signedOut('Your session has ended. Sign in on the moderation page, then come back.');
    else if (error.status === 403) signedOut('Your account may not read the audit trail.');
    else notice(`Could not load the audit trail: ${error.message}`);
  }
}

function notice(message) {
  $('notice').hidden = !message;
  $('notice').textContent = message;
}

function signedOut(message) {
  $('audit-view').hidden = true;
  $('signed-out').hidden = false;
  $('signed-out-message').textContent = message;
}

function showFilters() {
  for (const name of FILTERS) $(`filter-${name}`).value = state.filters[name];
}

/** Keeps filters and page in the address, so a view can be bookmarked or reloaded. */
function rememberInUrl() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (state.filters[name]) params.set(name, state.filters[name]);
  }
  if (state.offset) params.set('offset', String(state.offset));
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) state.filters[name] = params.get(name) || '';
  const offset = Number.parseInt(params.get('offset') || '0', 10);
  state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
}

function wire() {
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    for (const name of FILTERS) state.filters[name] = $(`filter-${name}`).value.trim();
    state.offset = 0;
    load();
  });
  $('clear-filters').addEventListener('click', () => {
    for (const name of FILTERS) state.filters[name] = '';
    state.offset = 0;
    showFilters();
    load();
  });
  $('prev-page').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    load();
  });
  $('next-page').addEventListener('click', () => {
    if (state.offset + state.count < state.total) {
      state.offset += PAGE_SIZE;
      load();
    }
  });
}

async function start() {
  wire();
  readUrl();
  showFilters();
  try {
    const session = await api('session');
    $('who-name').textContent = `${session.user} (${session.roles.join(', ')})`;
  } catch (error) {
    if (error.status === 401) {
      signedOut('Sign in on the moderation page first.');
      return;
    }
    notice(`Could not read the session: ${error.message}`);
  }
  $('audit-view').hidden = false;
  load();
}

start();
