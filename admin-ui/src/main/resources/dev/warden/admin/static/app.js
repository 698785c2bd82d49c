// Warden moderation page. Plain ES module, no framework, no build step.
// Security rule: every string that comes from the API (comment text, author, ids, terms, messages) enters the
// DOM through textContent or createElement, never innerHTML.

const API = new URL('../api/', document.baseURI);
const POLL_MS = 5000;
const PAGE_SIZE = 50;
const STATUSES = [
  ['pending', 'Pending'],
  ['auto_rejected', 'Auto-rejected'],
  ['approved', 'Approved'],
  ['delivery_failed', 'Delivery failed'],
  ['delivered', 'Delivered'],
  ['rejected', 'Rejected'],
];
const DECIDABLE = new Set(['pending', 'auto_rejected']);

const state = {
  csrf: null,
  user: null,
  status: 'pending',
  offset: 0,
  total: 0,
  items: [],
  selected: null, // comment id
  busy: new Set(), // ids with a decision in flight
  timer: null,
};

const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
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
}

// ---- login -------------------------------------------------------------------------------------------------

function showLogin(message) {
  stopPolling();
  state.csrf = null;
  state.user = null;
  $('queue-view').hidden = true;
  $('who').hidden = true;
  $('login-view').hidden = false;
  const error = $('login-error');
  error.hidden = !message;
  error.textContent = message || '';
  $('login-user').focus();
}

function showQueue(session) {
  state.csrf = session.csrfToken;
  state.user = session.user;
  $('who-name').textContent = `${session.user} (${session.roles.join(', ')})`;
  $('who').hidden = false;
  $('login-view').hidden = true;
  $('queue-view').hidden = false;
  buildTabs();
  refresh();
  startPolling();
}

async function onLogin(event) {
  event.preventDefault();
  const submit = $('login-submit');
  submit.disabled = true;
  try {
    const session = await api('login', {
      method: 'POST',
      body: { username: $('login-user').value, password: $('login-password').value },
    });
    $('login-password').value = '';
    showQueue(session);
  } catch (error) {
    $('login-password').value = '';
    if (error.status === 401) showLogin('Wrong username or password.');
    else if (error.status === 429) showLogin(`Too many failed attempts. Try again in ${error.retryAfter || 'a few'} seconds.`);
    else showLogin(`Sign-in failed: ${error.message}`);
  } finally {
    submit.disabled = false;
  }
}

async function onLogout() {
  try {
    await api('logout', { method: 'POST' });
  } catch {
    // Logged out either way from the page's point of view.
  }
  showLogin('');
}

// ---- tabs and list -----------------------------------------------------------------------------------------

function buildTabs() {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const [status, label] of STATUSES) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'tab';
    tab.id = `tab-${status}`;
    tab.setAttribute('role', 'tab');
    tab.dataset.status = status;
    const name = document.createElement('span');
    name.textContent = label;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = '–';
    tab.append(name, count);
    tab.addEventListener('click', () => selectTab(status));
    tabs.append(tab);
  }
  markTabs();
}

function markTabs() {
  for (const tab of $('tabs').children) {
    const active = tab.dataset.status === state.status;
    tab.classList.toggle('active', active);
    tab.setAttribute('aria-selected', String(active));
  }
}

function selectTab(status) {
  if (state.status === status) return;
  state.status = status;
  state.offset = 0;
  state.selected = null;
  markTabs();
  refresh();
}

async function refresh() {
  try {
    const [counts, page] = await Promise.all([
      api('counts'),
      api(`queue?status=${encodeURIComponent(state.status)}&limit=${PAGE_SIZE}&offset=${state.offset}`),
    ]);
    renderCounts(counts);
    renderPage(page);
    notice('');
  } catch (error) {
    handleError(error, 'Could not load the queue');
  }
}

function renderCounts(counts) {
  for (const tab of $('tabs').children) {
    const n = counts[tab.dataset.status];
    tab.querySelector('.count').textContent = n === undefined ? '–' : String(n);
  }
  const pending = counts.pending || 0;
  document.title = pending > 0 ? `(${pending}) Warden · Moderation` : 'Warden · Moderation';
}

function renderPage(page) {
  state.items = page.items;
  state.total = page.total;
  if (!state.items.some((c) => c.id === state.selected)) {
    state.selected = state.items.length ? state.items[0].id : null;
  }
  const list = $('items');
  list.replaceChildren(...state.items.map(renderItem));
  $('empty').hidden = state.items.length > 0;
  const from = state.items.length ? state.offset + 1 : 0;
  $('list-summary').textContent = `${from}–${state.offset + state.items.length} of ${state.total}`;
  $('prev-page').disabled = state.offset === 0;
  $('next-page').disabled = state.offset + state.items.length >= state.total;
  markSelected(false);
}

function renderItem(comment) {
  const item = $('item-template').content.firstElementChild.cloneNode(true);
  item.dataset.id = comment.id;
  item.tabIndex = -1;
  item.querySelector('.author').textContent = comment.author || 'anonymous';
  item.querySelector('.article').textContent = comment.articleId;
  const received = item.querySelector('.received');
  received.dateTime = comment.receivedAt;
  received.textContent = relativeTime(comment.receivedAt);
  received.title = new Date(comment.receivedAt).toLocaleString();
  const badge = item.querySelector('.status-badge');
  badge.textContent = comment.status.replaceAll('_', ' ');
  badge.classList.add(`badge-${comment.status}`);
  item.querySelector('.reason').textContent = comment.reasonText || comment.reason;
  renderLanguage(item.querySelector('.language'), comment);
  renderFlags(item.querySelector('.flags'), comment.flags);
  renderHighlighted(item.querySelector('.text'), comment.text, comment.terms);
  renderScores(item.querySelector('.scores'), comment.scores);
  renderTerms(item.querySelector('.terms'), comment.terms);
  renderNarratives(item.querySelector('.narratives'), comment.narratives);
  renderDecided(item.querySelector('.decided'), comment);
  const actions = item.querySelector('.actions');
  if (DECIDABLE.has(comment.status)) {
    actions.querySelector('[data-action="approve"]').addEventListener('click', () => approve(comment.id));
    actions.querySelector('[data-action="reject"]').addEventListener('click', () => reject(comment.id));
    if (comment.status === 'pending' && comment.terms) {
      // Preselect the label that scored highest; an abuse kind counts as abuse.
      const top = LABELS.filter((l) => l in (comment.scores || {}))
        .sort((a, b) => comment.scores[b] - comment.scores[a])[0];
      const select = actions.querySelector('.reject-reason');
      if ([...select.options].some((o) => o.value === top)) select.value = top;
    }
  } else {
    actions.remove();
  }
  item.addEventListener('click', (event) => {
    if (event.target.closest('button, select')) return;
    state.selected = comment.id;
    markSelected(true);
  });
  return item;
}

function renderDecided(element, comment) {
  const parts = [];
  if (comment.decidedBy) parts.push(`Decided by ${comment.decidedBy}`);
  if (comment.decidedAt) parts.push(new Date(comment.decidedAt).toLocaleString());
  if (comment.rejectReason) parts.push(`reason: ${comment.rejectReason.replaceAll('_', ' ')}`);
  if (comment.deliveryAttempts) parts.push(`${comment.deliveryAttempts} delivery attempt(s)`);
  if (comment.lastDeliveryError) parts.push(`last error: ${comment.lastDeliveryError}`);
  element.textContent = parts.join(' · ');
  element.hidden = parts.length === 0;
}

// Labels first, each abuse kind indented under abuse, then anything else the model scores.
const LABELS = ['abuse', 'disinformation'];
const KINDS = ['insult', 'threat', 'identity_attack', 'profanity'];

function scoreOrder(scores) {
  const names = Object.keys(scores || {});
  const ordered = [];
  for (const label of LABELS) {
    if (names.includes(label)) ordered.push([label, false]);
    if (label === 'abuse') for (const kind of KINDS) if (names.includes(kind)) ordered.push([kind, true]);
  }
  for (const name of names.sort()) if (!LABELS.includes(name) && !KINDS.includes(name)) ordered.push([name, false]);
  return ordered;
}

function renderScores(container, scores) {
  for (const [label, isKind] of scoreOrder(scores)) {
    const score = scores[label];
    const row = document.createElement('div');
    row.className = isKind ? 'score kind' : 'score';
    row.dataset.name = label;
    const name = document.createElement('span');
    name.className = 'score-label';
    name.textContent = label.replaceAll('_', ' ');
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '1');
    bar.setAttribute('aria-valuenow', String(score));
    bar.setAttribute('aria-label', `${label.replaceAll('_', ' ')} score`);
    const fill = document.createElement('span');
    fill.className = score >= 0.7 ? 'fill high' : score >= 0.4 ? 'fill mid' : 'fill low';
    // CSSOM, not an inline style attribute: allowed by the page's style-src 'self'.
    fill.style.width = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
    bar.append(fill);
    const value = document.createElement('span');
    value.className = 'score-value';
    value.textContent = Number(score).toFixed(2);
    row.append(name, bar, value);
    container.append(row);
  }
}

function renderTerms(container, terms) {
  for (const [label, list] of Object.entries(terms || {})) {
    for (const term of list) {
      const chip = document.createElement('span');
      chip.className = 'chip';
      chip.title = `${label.replaceAll('_', ' ')}${term.weight === undefined ? '' : ` · weight ${Number(term.weight).toFixed(2)}`}`;
      chip.textContent = term.text;
      container.append(chip);
    }
  }
}

function renderLanguage(element, comment) {
  const code = comment.language;
  if (!code) {
    element.remove();
    return;
  }
  element.textContent = code === 'und' ? 'language unknown' : comment.languageName ? `${comment.languageName} (${code})` : code;
  element.title = 'Detected language';
}

function renderFlags(container, flags) {
  for (const flag of flags || []) {
    const badge = document.createElement('span');
    badge.className = 'badge flag';
    badge.dataset.flag = flag;
    badge.textContent = flag.replaceAll('_', ' ');
    container.append(badge);
  }
}

// A link only for http(s) URLs; anything else (javascript:, data:, relative junk) is shown nowhere.
function webUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function renderNarratives(container, narratives) {
  if (!narratives || narratives.length === 0) {
    container.remove();
    return;
  }
  const heading = document.createElement('p');
  heading.className = 'narratives-heading';
  heading.textContent = 'Matches known disinformation narratives';
  const list = document.createElement('ul');
  for (const narrative of narratives) {
    const entry = document.createElement('li');
    entry.className = 'narrative';
    entry.dataset.id = narrative.id;
    const title = document.createElement('strong');
    title.className = 'narrative-title';
    title.textContent = narrative.title;
    const similarity = document.createElement('span');
    similarity.className = 'narrative-similarity muted';
    similarity.textContent = `similarity ${Number(narrative.similarity).toFixed(2)}`;
    const description = document.createElement('p');
    description.className = 'narrative-description';
    description.textContent = narrative.description || '';
    entry.append(title, ' ', similarity, description);
    const href = webUrl(narrative.debunkUrl);
    if (href) {
      const link = document.createElement('a');
      link.className = 'debunk';
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = 'Read the debunk';
      entry.append(link);
    }
    list.append(entry);
  }
  container.append(heading, list);
}

// Ranges to highlight: a term's span when the API gives one, else every whole-word occurrence of its text.
function highlightRanges(text, terms) {
  const ranges = [];
  const unplaced = [];
  for (const list of Object.values(terms || {})) {
    for (const term of list) {
      if (Number.isInteger(term.start) && Number.isInteger(term.end) && term.start >= 0 && term.start < term.end
          && term.end <= text.length) {
        ranges.push([term.start, term.end]);
      } else if (term.text && term.text.trim()) {
        unplaced.push(term.text.trim());
      }
    }
  }
  return mergeRanges(ranges.concat(findRanges(text, unplaced)));
}

// Splits text into text nodes and <mark> elements around the terms (case-insensitive, whole words for word
// terms). Builds nodes only: the text is never parsed as HTML.
function renderHighlighted(element, text, terms) {
  const ranges = highlightRanges(text, terms);
  const nodes = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    nodes.push(mark);
    at = end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  element.replaceChildren(...nodes);
}

const WORD = /[\p{L}\p{N}_]/u;

function findRanges(text, terms) {
  const lower = text.toLowerCase();
  const found = [];
  for (const term of new Set(terms.map((t) => t.toLowerCase()))) {
    let from = 0;
    while (term && (from = lower.indexOf(term, from)) !== -1) {
      const end = from + term.length;
      const wordStart = WORD.test(term[0]) && from > 0 && WORD.test(lower[from - 1]);
      const wordEnd = WORD.test(term[term.length - 1]) && end < lower.length && WORD.test(lower[end]);
      // Lower-casing can change lengths for a few scripts; only keep ranges that still line up.
      if (!wordStart && !wordEnd && text.slice(from, end).toLowerCase() === term) found.push([from, end]);
      from = end;
    }
  }
  return found;
}

function mergeRanges(found) {
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function relativeTime(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

// ---- selection and decisions -------------------------------------------------------------------------------

function markSelected(focus) {
  for (const item of $('items').children) {
    const selected = item.dataset.id === state.selected;
    item.classList.toggle('selected', selected);
    item.setAttribute('aria-current', selected ? 'true' : 'false');
    if (selected && focus) {
      item.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
    }
  }
}

function move(delta) {
  if (!state.items.length) return;
  const index = state.items.findIndex((c) => c.id === state.selected);
  const next = Math.max(0, Math.min(state.items.length - 1, (index < 0 ? 0 : index) + delta));
  state.selected = state.items[next].id;
  markSelected(true);
}

async function approve(id) {
  await decide(id, `comments/${encodeURIComponent(id)}/approve`, undefined, 'Approved');
}

async function reject(id) {
  const item = $('items').querySelector(`li[data-id="${CSS.escape(id)}"]`);
  const reason = item ? item.querySelector('.reject-reason').value : 'other';
  await decide(id, `comments/${encodeURIComponent(id)}/reject`, { reason }, 'Rejected');
}

async function decide(id, path, body, verb) {
  const comment = state.items.find((c) => c.id === id);
  if (!comment || !DECIDABLE.has(comment.status) || state.busy.has(id)) return;
  state.busy.add(id);
  setItemBusy(id, true);
  try {
    await api(path, { method: 'POST', body });
    removeItem(id);
    notice(`${verb}: comment by ${comment.author || 'anonymous'}.`);
  } catch (error) {
    if (error.status === 409) {
      removeItem(id);
      notice(error.message);
    } else {
      handleError(error, `${verb} failed`);
    }
  } finally {
    state.busy.delete(id);
    setItemBusy(id, false);
    refreshCounts();
  }
}

function setItemBusy(id, busy) {
  const item = $('items').querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (!item) return;
  item.classList.toggle('busy', busy);
  for (const control of item.querySelectorAll('button, select')) control.disabled = busy;
}

function removeItem(id) {
  const index = state.items.findIndex((c) => c.id === id);
  if (index < 0) return;
  state.items.splice(index, 1);
  state.total = Math.max(0, state.total - 1);
  const item = $('items').querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (item) item.remove();
  if (state.selected === id) {
    const next = state.items[Math.min(index, state.items.length - 1)];
    state.selected = next ? next.id : null;
  }
  $('empty').hidden = state.items.length > 0;
  markSelected(true);
}

async function refreshCounts() {
  try {
    renderCounts(await api('counts'));
  } catch (error) {
    handleError(error, 'Could not load the counts');
  }
}

// ---- errors, polling, keyboard -----------------------------------------------------------------------------

function notice(message) {
  const element = $('notice');
  element.textContent = message;
  element.hidden = !message;
}

function handleError(error, what) {
  if (error.status === 401) {
    showLogin('Your session has ended. Please sign in again.');
  } else if (error.status === 403 && error.body.error === 'csrf') {
    showLogin('Your session has changed. Please sign in again.');
  } else {
    notice(`${what}: ${error.message}`);
  }
}

function startPolling() {
  stopPolling();
  state.timer = setInterval(() => {
    // Skip a beat while a decision is in flight so the list does not jump under the moderator.
    if (!document.hidden && state.busy.size === 0) refresh();
  }, POLL_MS);
}

function stopPolling() {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
}

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if ($('queue-view').hidden) return;
  const help = $('help');
  if (help.open) return; // the dialog handles Esc itself
  if (event.target.closest('input, textarea, select')) return;
  switch (event.key) {
    case 'j': move(1); break;
    case 'k': move(-1); break;
    case 'f': if (state.selected) approve(state.selected); break;
    case 'd': if (state.selected) reject(state.selected); break;
    case '?': help.showModal(); break;
    default: return;
  }
  event.preventDefault();
}

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  $('prev-page').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); refresh(); });
  $('next-page').addEventListener('click', () => { state.offset += PAGE_SIZE; refresh(); });
  document.addEventListener('keydown', onKey);
  try {
    showQueue(await api('session'));
  } catch (error) {
    showLogin(error.status === 401 ? '' : `Cannot reach the server: ${error.message}`);
  }
}

start();
