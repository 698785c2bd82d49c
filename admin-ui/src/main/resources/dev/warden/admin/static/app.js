// Warden moderation page. Plain ES module, no framework, no build step.
// Security rule: every string that comes from the API (comment text, author, ids, terms, messages) enters the
// DOM through textContent or createElement, never innerHTML.

import { $, apiClient } from './api.js';

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
// A decision that can be taken back: back to the queue, or (delivered) flagged for the site to remove.
const UNDOABLE = new Set(['approved', 'rejected', 'delivery_failed', 'delivered']);
const FILTERS = ['reason', 'article', 'section', 'language', 'narrative', 'poster'];
const SORTS = new Set(['newest', 'oldest', 'score']);
const RECENT_SHOWN = 5;

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
  loadFailed: false, // the last poll failed: its error is in the notice area until a poll succeeds
  groups: new Map(), // coordinated group id -> what the throttle saw of it ({posters, comments, posterKeys, ...})
  suspended: new Map(), // poster key -> ISO instant: suspensions made from this page
  view: { sort: 'newest', reason: '', article: '', section: '', language: '', narrative: '', poster: '' }, // applied
  ticked: new Set(), // ids ticked for a bulk decision
  lastDecision: null, // { ids, verb }: what "Undo" takes back
};

// Element of each rendered comment -> the JSON it was rendered from, to keep unchanged items across polls.
const rendered = new WeakMap();

const api = apiClient(() => state.csrf);

// ---- login -------------------------------------------------------------------------------------------------

function showLogin(message) {
  stopPolling();
  state.csrf = null;
  state.user = null;
  state.suspended.clear();
  state.groups.clear();
  state.ticked.clear();
  state.lastDecision = null;
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
  fillFilterForm();
  buildTabs();
  loadSavedViews();
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
  state.ticked.clear();
  markTabs();
  saveView();
  refresh();
}

// t / Shift+t: the next or previous tab, wrapping around.
function cycleTab(step) {
  const index = STATUSES.findIndex(([status]) => status === state.status);
  selectTab(STATUSES[(index + step + STATUSES.length) % STATUSES.length][0]);
}

async function refresh() {
  try {
    const [counts, page, throttle] = await Promise.all([
      api('counts'),
      api(queuePath()),
      loadThrottle(),
    ]);
    if (throttle) applyThrottle(throttle);
    renderCounts(counts);
    renderPage(page);
    reloadOpenGroups();
    // Clear only a load error: the outcome of a decision or suspension stays until the next one.
    if (state.loadFailed) notice('');
    state.loadFailed = false;
  } catch (error) {
    state.loadFailed = true;
    handleError(error, 'Could not load the queue');
  }
}

// The throttle report only adds to the queue (surge banner, group sizes): when it fails, the queue still loads
// and the last report stays shown.
async function loadThrottle() {
  try {
    return await api('throttle?top=1');
  } catch {
    return null;
  }
}

function applyThrottle(report) {
  for (const group of report.coordinated || []) rememberGroup(group);
  renderSurges(report.surges || []);
}

// Groups are kept after the report stops listing them (it lists the recent ones only): a count seen once stays
// true as "at least".
function rememberGroup(group) {
  const known = state.groups.get(group.group);
  if (!known || group.posters >= known.posters) state.groups.set(group.group, group);
}

// ---- surges ------------------------------------------------------------------------------------------------

function renderSurges(surges) {
  const banner = $('surges');
  banner.replaceChildren(...surges.map(surgeLine));
  banner.hidden = surges.length === 0;
}

function surgeLine(surge) {
  const line = document.createElement('p');
  line.className = 'surge';
  line.dataset.article = surge.articleId;
  const article = document.createElement('strong');
  article.textContent = surge.articleId;
  const since = document.createElement('time');
  since.dateTime = surge.since;
  since.title = new Date(surge.since).toLocaleString();
  since.textContent = relativeTime(surge.since);
  line.append('Pre-moderation: every comment on ', article, ' is held since ', since,
    ` (${perMinute(surge.recentRate)}/min vs ${perMinute(surge.baselineRate)}/min before)`);
  return line;
}

// Whole numbers from 10 up, one decimal from 0.1, else two: a quiet article's 0.03/min must not read as 0.
function perMinute(rate) {
  const value = Number(rate) || 0;
  if (value === 0) return '0';
  const digits = value >= 10 ? 0 : value >= 0.1 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
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
  syncItems($('items'), state.items);
  $('empty').hidden = state.items.length > 0;
  const from = state.items.length ? state.offset + 1 : 0;
  const matching = FILTERS.some((name) => state.view[name]) ? ' matching' : '';
  $('list-summary').textContent = `${from}–${state.offset + state.items.length} of ${state.total}${matching}`;
  for (const id of [...state.ticked]) if (!state.items.some((c) => c.id === id)) state.ticked.delete(id);
  renderBulkBar();
  $('prev-page').disabled = state.offset === 0;
  $('next-page').disabled = state.offset + state.items.length >= state.total;
  markSelected(false);
}

// Reuses the element of a comment that has not changed since the last poll, and moves elements only when the
// order changed: an open group, a half-filled suspension form, a chosen reject reason and the focus survive polling.
function syncItems(list, comments) {
  const shown = new Map([...list.children].map((element) => [element.dataset.id, element]));
  const wanted = comments.map((comment) => {
    const json = JSON.stringify(comment);
    const kept = shown.get(comment.id);
    if (kept && rendered.get(kept) === json) {
      updateItem(kept, comment);
      return kept;
    }
    const fresh = renderItem(comment);
    rendered.set(fresh, json);
    return fresh;
  });
  const keep = new Set(wanted);
  for (const element of [...list.children]) if (!keep.has(element)) element.remove();
  wanted.forEach((element, index) => {
    if (list.children[index] !== element) list.insertBefore(element, list.children[index] || null);
  });
}

function renderItem(comment) {
  const item = $('item-template').content.firstElementChild.cloneNode(true);
  item.dataset.id = comment.id;
  item.tabIndex = -1;
  item.querySelector('.author').textContent = comment.author || 'anonymous';
  item.querySelector('.poster').textContent = comment.posterKey || '';
  renderArticle(item.querySelector('.article'), comment);
  const received = item.querySelector('.received');
  received.dateTime = comment.receivedAt;
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
  renderCoordinated(item.querySelector('.coordinated'), comment);
  renderSuspend(item.querySelector('.suspend'), comment);
  renderActions(item.querySelector('.actions'), comment);
  renderPick(item, comment);
  renderUndo(item, comment);
  renderHistory(item.querySelector('.history'), comment);
  item.querySelector('[data-action="filter-poster"]').addEventListener('click', () => filterByPoster(comment.posterKey));
  item.addEventListener('click', (event) => {
    // Selecting focuses the item, which would take the focus from a control inside it.
    if (event.target.closest('button, select, input, textarea, details, .group-panel')) return;
    state.selected = comment.id;
    markSelected(true);
  });
  updateItem(item, comment);
  return item;
}

// The article's title (its id if unregistered), linked to the article's page when the path is safe to follow.
function renderArticle(span, comment) {
  const name = comment.articleTitle || comment.articleId;
  span.title = comment.articleId;
  const url = comment.articleUrl;
  if (typeof url !== 'string' || !(/^\/(?![\/\\])/.test(url) || /^https?:\/\//i.test(url))) {
    span.textContent = name;
    return;
  }
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener noreferrer';
  link.textContent = name;
  span.replaceChildren(link);
}

// The parts of an item that change without the comment changing: its age, its group's size, its poster's
// suspension.
function updateItem(item, comment) {
  item.querySelector('.received').textContent = relativeTime(comment.receivedAt);
  const summary = item.querySelector('.coordinated-summary');
  if (summary) summary.textContent = coordinatedSummary(comment.group);
  const mark = item.querySelector('.poster-suspended');
  const until = state.suspended.get(comment.posterKey);
  const active = Boolean(until) && new Date(until).getTime() > Date.now();
  mark.hidden = !active;
  mark.textContent = active ? `suspended until ${new Date(until).toLocaleString()}` : '';
}

function renderActions(actions, comment) {
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

// ---- coordinated groups -----------------------------------------------------------------------------------

function renderCoordinated(box, comment) {
  if (comment.reason !== 'coordinated' || !comment.group) {
    box.remove();
    return;
  }
  box.hidden = false;
  const button = box.querySelector('[data-action="show-group"]');
  const panel = box.querySelector('.group-panel');
  panel.id = `group-of-${comment.id}`;
  button.setAttribute('aria-controls', panel.id);
  button.addEventListener('click', () => toggleGroup(button, panel, comment));
}

function coordinatedSummary(group) {
  const known = state.groups.get(group);
  // The stored comment does not say how many posters; the throttle forgets a group after its window.
  return known ? `Coordinated: same text from ${known.posters} posters` : 'Coordinated: same text from several posters';
}

async function toggleGroup(button, panel, comment) {
  if (!panel.hidden) {
    showGroupPanel(button, panel, false);
    return;
  }
  button.disabled = true;
  try {
    await loadGroup(panel, comment);
    showGroupPanel(button, panel, true);
  } catch (error) {
    handleError(error, 'Could not load the group');
  } finally {
    button.disabled = false;
  }
}

async function loadGroup(panel, comment) {
  const group = await api(`coordinated/${encodeURIComponent(comment.group)}`);
  if (group.seen) rememberGroup(group.seen);
  renderGroupPanel(panel, group, comment);
  for (const item of itemsOfGroup(comment.group)) updateItem(item, itemComment(item));
}

// An open group is reloaded at each poll, so that its comments and counts do not go stale while it is read. A
// failed reload keeps what is shown: the queue's own poll reports a lost connection.
function reloadOpenGroups() {
  for (const panel of $('items').querySelectorAll('.group-panel:not([hidden])')) {
    const comment = itemComment(panel.closest('li.item'));
    if (comment) loadGroup(panel, comment).catch(() => {});
  }
}

function showGroupPanel(button, panel, open) {
  panel.hidden = !open;
  button.textContent = open ? 'Hide group' : 'Show group';
  button.setAttribute('aria-expanded', String(open));
}

function itemsOfGroup(group) {
  return [...$('items').children].filter((item) => itemComment(item)?.group === group);
}

function itemComment(item) {
  return state.items.find((c) => c.id === item.dataset.id);
}

function renderGroupPanel(panel, group, comment) {
  const heldKeys = new Set(group.comments.map((c) => c.posterKey));
  panel.replaceChildren(groupSeenLine(group.seen), groupTable(group.comments, comment.id),
    groupPosters(group.seen, heldKeys));
}

function groupSeenLine(seen) {
  const line = document.createElement('p');
  line.className = 'group-seen';
  if (!seen) {
    line.textContent = 'The throttle no longer tracks this group (it forgets after its window or a restart); '
      + 'its stored comments are below.';
    return line;
  }
  line.textContent = `${seen.posters} posters, ${seen.comments} comments with this text, first `
    + `${new Date(seen.firstSeen).toLocaleString()}, last ${new Date(seen.lastSeen).toLocaleString()}.`;
  return line;
}

function groupTable(comments, currentId) {
  const table = document.createElement('table');
  table.className = 'group-comments';
  const caption = document.createElement('caption');
  caption.textContent = `Stored comments of this group (${comments.length})`;
  const head = document.createElement('tr');
  for (const title of ['Poster', 'Author', 'Article', 'Received', 'Status']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = title;
    head.append(cell);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  tbody.append(...comments.map((c) => groupRow(c, c.id === currentId)));
  table.append(caption, thead, tbody);
  return table;
}

function groupRow(comment, current) {
  const row = document.createElement('tr');
  row.className = current ? 'group-comment current' : 'group-comment';
  row.dataset.id = comment.id;
  const received = document.createElement('time');
  received.dateTime = comment.receivedAt;
  received.textContent = new Date(comment.receivedAt).toLocaleString();
  const status = document.createElement('span');
  status.className = `badge status-badge badge-${comment.status}`;
  status.textContent = comment.status.replaceAll('_', ' ');
  const cells = [comment.posterKey, current ? `${comment.author || 'anonymous'} (this comment)`
    : comment.author || 'anonymous', comment.articleId, received, status];
  for (const content of cells) {
    const cell = document.createElement('td');
    cell.append(content);
    row.append(cell);
  }
  return row;
}

// The posters the throttle saw send this text. Those without a stored comment here posted before the group was
// recognised, so their comments were not held for it.
function groupPosters(seen, heldKeys) {
  const block = document.createElement('p');
  block.className = 'group-posters';
  if (!seen || !seen.posterKeys.length) return block;
  block.append('Posters seen: ');
  seen.posterKeys.forEach((key, index) => {
    const poster = document.createElement('span');
    poster.className = heldKeys.has(key) ? 'poster' : 'poster not-held';
    poster.textContent = heldKeys.has(key) ? key : `${key} (not held)`;
    block.append(index ? ', ' : '', poster);
  });
  const more = seen.posters - seen.posterKeys.length;
  if (more > 0) block.append(` and ${more} more`);
  return block;
}

// ---- suspending a poster -----------------------------------------------------------------------------------

function renderSuspend(details, comment) {
  if (!DECIDABLE.has(comment.status) || !comment.posterKey) {
    details.remove();
    return;
  }
  const form = details.querySelector('.suspend-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    suspendPoster(details, form, comment.posterKey);
  });
}

async function suspendPoster(details, form, key) {
  const body = { for: form.querySelector('.suspend-for').value };
  const reason = form.querySelector('.suspend-reason').value.trim();
  if (reason) body.reason = reason;
  const submit = form.querySelector('[data-action="suspend"]');
  submit.disabled = true;
  try {
    const suspension = await api(`${posterPath(key)}/suspend`, { method: 'POST', body });
    state.suspended.set(key, suspension.until);
    form.reset();
    details.open = false;
    for (const item of $('items').children) {
      const comment = itemComment(item);
      if (comment && comment.posterKey === key) updateItem(item, comment);
    }
    notice(`Suspended ${key} until ${new Date(suspension.until).toLocaleString()}: new comments from this poster `
      + 'are refused.');
  } catch (error) {
    handleError(error, `Could not suspend ${key}`);
  } finally {
    submit.disabled = false;
  }
}

// A key may hold a slash (an IPv6 prefix, ip:2001:db8:1:2:0:0:0:0/64): the API takes it as path segments, and
// the server refuses an encoded slash, so each segment is encoded on its own.
function posterPath(key) {
  return `posters/${key.split('/').map(encodeURIComponent).join('/')}`;
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
    state.lastDecision = { ids: [id], verb };
    notice(`${verb}: comment by ${comment.author || 'anonymous'}.`, true);
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
  for (const control of item.querySelectorAll('button, select, input')) control.disabled = busy;
}

function removeItem(id) {
  const index = state.items.findIndex((c) => c.id === id);
  state.ticked.delete(id);
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

// ---- sort and filters --------------------------------------------------------------------------------------

// The view (tab, order, filters) lives in the address's fragment, so a moderator can bookmark or share it.
function loadView() {
  const params = new URLSearchParams(location.hash.slice(1));
  const status = params.get('status');
  state.status = STATUSES.some(([name]) => name === status) ? status : 'pending';
  const sort = params.get('sort');
  state.view.sort = SORTS.has(sort) ? sort : 'newest';
  for (const name of FILTERS) state.view[name] = (params.get(name) || '').trim();
}

function saveView() {
  const params = new URLSearchParams();
  if (state.status !== 'pending') params.set('status', state.status);
  if (state.view.sort !== 'newest') params.set('sort', state.view.sort);
  for (const name of FILTERS) if (state.view[name]) params.set(name, state.view[name]);
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function queuePath() {
  const params = new URLSearchParams({ status: state.status, limit: String(PAGE_SIZE), offset: String(state.offset) });
  if (state.view.sort !== 'newest') params.set('sort', state.view.sort);
  for (const name of FILTERS) if (state.view[name]) params.set(name, state.view[name]);
  return `queue?${params}`;
}

// A bookmarked or typed view (the fragment changed without a reload).
function onViewChanged() {
  loadView();
  fillFilterForm();
  state.offset = 0;
  state.selected = null;
  state.ticked.clear();
  if ($('queue-view').hidden) return;
  markTabs();
  refresh();
}

function fillFilterForm() {
  $('sort').value = state.view.sort;
  for (const name of FILTERS) $(`filter-${name}`).value = state.view[name];
}

function applyFilters() {
  state.view.sort = $('sort').value;
  for (const name of FILTERS) state.view[name] = $(`filter-${name}`).value.trim();
  state.offset = 0;
  state.selected = null;
  state.ticked.clear();
  saveView();
  refresh();
}

function clearFilters() {
  $('filters').reset();
  applyFilters();
}

function filterByPoster(key) {
  $('filter-poster').value = key;
  applyFilters();
}

// ---- saved views ------------------------------------------------------------------------------------------

// A saved view is the fragment (tab, order, filters) under a name, kept per moderator on the server. The bar is
// built here, after the filter form, so that index.html stays as it was.
function buildSavedViews() {
  const bar = document.createElement('form');
  bar.id = 'saved-views';
  bar.className = 'filters saved-views';
  bar.setAttribute('aria-label', 'Saved views');
  const label = document.createElement('span');
  label.className = 'muted';
  label.textContent = 'Saved views:';
  const list = document.createElement('span');
  list.id = 'saved-view-list';
  const name = document.createElement('input');
  name.id = 'saved-view-name';
  name.maxLength = 80;
  name.placeholder = 'name this view';
  name.setAttribute('aria-label', 'Name of the view to save');
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'btn btn-small';
  save.id = 'save-view';
  save.textContent = 'Save view';
  bar.append(label, list, name, save);
  bar.addEventListener('submit', (event) => { event.preventDefault(); saveNamedView(); });
  $('filters').after(bar);
}

async function loadSavedViews() {
  try {
    renderSavedViews((await api('views')).items);
  } catch (error) {
    notice(`Could not load the saved views: ${error.message}`);
  }
}

function renderSavedViews(views) {
  const list = $('saved-view-list');
  list.replaceChildren();
  for (const view of views) {
    const apply = document.createElement('button');
    apply.type = 'button';
    apply.className = 'btn btn-quiet btn-small saved-view';
    apply.dataset.name = view.name;
    apply.textContent = view.name;
    apply.title = view.query ? `#${view.query}` : 'the default queue';
    apply.addEventListener('click', () => applySavedView(view.query));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn btn-quiet btn-small delete-view';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Delete the view ${view.name}`);
    remove.addEventListener('click', () => deleteSavedView(view.name));
    list.append(apply, remove);
  }
}

function applySavedView(query) {
  if (location.hash.slice(1) === query) onViewChanged();
  else location.hash = query; // hashchange applies it
}

async function saveNamedView() {
  const name = $('saved-view-name').value.trim();
  if (!name) return;
  try {
    await api('views', { method: 'POST', body: { name, query: location.hash.slice(1) } });
    $('saved-view-name').value = '';
    loadSavedViews();
  } catch (error) {
    notice(`Could not save the view: ${error.message}`);
  }
}

async function deleteSavedView(name) {
  try {
    await api(`views/${encodeURIComponent(name)}`, { method: 'DELETE' });
    loadSavedViews();
  } catch (error) {
    notice(`Could not delete the view: ${error.message}`);
  }
}

// ---- ticking and bulk decisions ----------------------------------------------------------------------------

function renderPick(item, comment) {
  const box = item.querySelector('.pick');
  if (!DECIDABLE.has(comment.status)) {
    box.remove();
    return;
  }
  box.checked = state.ticked.has(comment.id);
  item.classList.toggle('ticked', box.checked);
  box.addEventListener('change', () => toggleTicked(comment.id, box.checked));
}

function toggleTicked(id, on = !state.ticked.has(id)) {
  const comment = state.items.find((c) => c.id === id);
  if (!comment || !DECIDABLE.has(comment.status)) return;
  if (on) state.ticked.add(id);
  else state.ticked.delete(id);
  const item = itemElement(id);
  if (item) {
    item.classList.toggle('ticked', on);
    item.querySelector('.pick').checked = on;
  }
  renderBulkBar();
}

function clearTicked() {
  for (const id of [...state.ticked]) toggleTicked(id, false);
}

function renderBulkBar() {
  const n = state.ticked.size;
  $('bulk-bar').hidden = n === 0;
  $('bulk-count').textContent = `${n} ticked`;
}

async function decideTicked(action) {
  const ids = [...state.ticked].filter((id) => !state.busy.has(id));
  if (!ids.length) return;
  const verb = action === 'approve' ? 'Approved' : 'Rejected';
  const body = action === 'approve' ? { action, ids } : { action, ids, reason: $('bulk-reason').value };
  ids.forEach((id) => { state.busy.add(id); setItemBusy(id, true); });
  try {
    const outcome = await api('comments/bulk', { method: 'POST', body });
    const gone = [...outcome.decided, ...outcome.alreadyDecided.map((c) => c.id), ...outcome.missing];
    gone.forEach(removeItem);
    state.lastDecision = outcome.decided.length ? { ids: outcome.decided, verb } : null;
    notice(bulkMessage(verb, outcome), true);
  } catch (error) {
    handleError(error, `${verb} failed`);
  } finally {
    ids.forEach((id) => { state.busy.delete(id); setItemBusy(id, false); });
    renderBulkBar();
    refreshCounts();
  }
}

function bulkMessage(verb, outcome) {
  const parts = [`${verb} ${outcome.decided.length} comment(s).`];
  for (const taken of outcome.alreadyDecided) {
    parts.push(`One was already ${taken.status.replaceAll('_', ' ')} by ${taken.decidedBy || 'the system'}.`);
  }
  if (outcome.missing.length) parts.push(`${outcome.missing.length} no longer exist(s).`);
  return parts.join(' ');
}

// ---- undo --------------------------------------------------------------------------------------------------

// Takes back the last decision made on this page (one comment, a bulk decision, or "reject all from a poster").
async function undoLast() {
  const last = state.lastDecision;
  if (!last) return;
  state.lastDecision = null;
  notice('Undoing…');
  let back = 0;
  let flagged = 0;
  const problems = [];
  for (const id of last.ids) {
    try {
      if ((await undoComment(id)).withdrawal) flagged += 1;
      else back += 1;
    } catch (error) {
      if (error.status === 401 || error.status === 403) {
        handleError(error, 'Undo failed');
        return;
      }
      problems.push(error.message);
    }
  }
  const parts = [`Undone: ${back} of ${last.ids.length} comment(s) back in the queue.`];
  if (flagged) parts.push(`${flagged} already delivered: withdrawal requested, the site must remove it.`);
  if (problems.length) parts.push(problems[0]);
  notice(parts.join(' '));
  refresh();
}

// An approval whose delivery is in flight cannot be undone for that moment (409 with the comment still
// approved): the attempt ends within the release timeout, so try a few more times before giving up.
async function undoComment(id, attempts = 6) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api(`comments/${encodeURIComponent(id)}/undo`, { method: 'POST' });
    } catch (error) {
      const delivering = error.status === 409 && error.body.comment && error.body.comment.status === 'approved';
      if (!delivering || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function renderUndo(item, comment) {
  const box = item.querySelector('.undo-actions');
  const flag = item.querySelector('.withdrawal');
  if (comment.withdrawal) {
    flag.hidden = false;
    flag.textContent = `Withdrawal requested by ${comment.withdrawal.requestedBy} on `
      + `${new Date(comment.withdrawal.requestedAt).toLocaleString()}: the site must remove this comment; `
      + 'Warden cannot unpublish a delivered comment.';
  }
  if (!UNDOABLE.has(comment.status) || comment.withdrawal) {
    box.remove();
    return;
  }
  box.hidden = false;
  const button = box.querySelector('[data-action="undo"]');
  const delivered = comment.status === 'delivered';
  button.textContent = delivered ? 'Request withdrawal' : 'Undo decision';
  box.querySelector('.undo-hint').textContent = delivered
    ? 'Warden cannot unpublish it: this flags the comment for the site to remove.'
    : 'Puts it back in the queue.';
  button.addEventListener('click', () => undoItem(button, comment));
}

async function undoItem(button, comment) {
  button.disabled = true;
  try {
    const now = await undoComment(comment.id);
    notice(now.withdrawal
      ? 'Withdrawal requested: the comment stays on the site until the site removes it.'
      : `Undone: the comment is back in the ${now.status.replaceAll('_', ' ')} queue.`);
    refresh();
  } catch (error) {
    handleError(error, 'Undo failed');
    button.disabled = false;
  }
}

// ---- poster history and notes ------------------------------------------------------------------------------

function renderHistory(details, comment) {
  if (!comment.posterKey) {
    details.remove();
    return;
  }
  details.addEventListener('toggle', () => { if (details.open) loadHistory(details, comment); });
  const form = details.querySelector('.note-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    addNote(details, form, comment.posterKey);
  });
  const rejectAll = details.querySelector('.reject-all');
  rejectAll.querySelector('[data-action="reject-all"]').addEventListener('click', () => confirmRejectAll(details, true));
  rejectAll.querySelector('[data-action="reject-all-cancel"]').addEventListener('click', () => confirmRejectAll(details, false));
  rejectAll.querySelector('[data-action="reject-all-confirm"]').addEventListener('click', () => rejectAllFrom(details, comment));
}

async function loadHistory(details, comment) {
  const key = posterPath(comment.posterKey);
  try {
    const [history, notes] = await Promise.all([api(`${key}/history?recent=${RECENT_SHOWN}`), api(`${key}/notes`)]);
    renderHistoryBody(details, comment, history);
    renderNotes(details.querySelector('.notes'), notes.items);
  } catch (error) {
    handleError(error, `Could not load the history of ${comment.posterKey}`);
  }
}

function renderHistoryBody(details, comment, history) {
  const counts = Object.entries(history.counts).filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status.replaceAll('_', ' ')}`);
  details.querySelector('.history-summary').textContent = history.total
    ? `Warden holds ${history.total} comment(s) of ${history.key}: ${counts.join(', ')}.`
    : `Warden holds no comments of ${history.key}.`;
  const refusals = history.throttle;
  details.querySelector('.history-throttle').textContent = refusals
    ? `Refused ${refusals.refusals} time(s) by the throttle on this server, last for `
      + `${refusals.lastReason.replaceAll('_', ' ')} ${relativeTime(refusals.lastRefusedAt)}.`
    : 'No throttle refusals remembered on this server.';
  const suspension = details.querySelector('.history-suspension');
  suspension.hidden = !history.suspension;
  if (history.suspension) {
    const s = history.suspension;
    suspension.textContent = `Suspended until ${new Date(s.until).toLocaleString()} by ${s.suspendedBy}`
      + `${s.reason ? `: ${s.reason}` : ''}.`;
  }
  details.querySelector('.history-recent').replaceChildren(...history.recent.map((c) => earlierLine(c, comment.id)));
  const pending = history.counts.pending || 0;
  const rejectAll = details.querySelector('.reject-all');
  rejectAll.hidden = pending === 0;
  rejectAll.dataset.pending = String(pending);
  rejectAll.querySelector('[data-action="reject-all"]').textContent = `Reject all ${pending} pending from this poster…`;
  confirmRejectAll(details, false);
}

function earlierLine(c, currentId) {
  const line = document.createElement('li');
  line.className = c.id === currentId ? 'earlier current' : 'earlier';
  line.dataset.id = c.id;
  const status = document.createElement('span');
  status.className = `badge status-badge badge-${c.status}`;
  status.textContent = c.status.replaceAll('_', ' ');
  const when = document.createElement('time');
  when.dateTime = c.receivedAt;
  when.textContent = new Date(c.receivedAt).toLocaleString();
  const text = document.createElement('span');
  text.className = 'earlier-text';
  text.textContent = c.text.length > 280 ? `${c.text.slice(0, 279)}…` : c.text;
  const meta = [c.articleId, c.reason.replaceAll('_', ' ')];
  if (c.decidedBy) meta.push(`by ${c.decidedBy}${c.rejectReason ? ` (${c.rejectReason.replaceAll('_', ' ')})` : ''}`);
  if (c.id === currentId) meta.push('this comment');
  const about = document.createElement('span');
  about.className = 'muted';
  about.textContent = meta.join(' · ');
  line.append(status, ' ', when, ' ', about, text);
  return line;
}

function renderNotes(list, notes) {
  list.replaceChildren(...notes.map((note) => {
    const entry = document.createElement('li');
    entry.className = 'note';
    const who = document.createElement('span');
    who.className = 'note-meta muted';
    who.textContent = `${note.author}, ${new Date(note.at).toLocaleString()}`;
    const text = document.createElement('p');
    text.className = 'note-body';
    text.textContent = note.text;
    entry.append(who, text);
    return entry;
  }));
  if (!notes.length) {
    const none = document.createElement('li');
    none.className = 'note none muted';
    none.textContent = 'No notes yet.';
    list.append(none);
  }
}

async function addNote(details, form, key) {
  const textarea = form.querySelector('.note-text');
  const text = textarea.value.trim();
  if (!text) return;
  const submit = form.querySelector('[data-action="add-note"]');
  submit.disabled = true;
  try {
    await api(`${posterPath(key)}/notes`, { method: 'POST', body: { text } });
    textarea.value = '';
    renderNotes(details.querySelector('.notes'), (await api(`${posterPath(key)}/notes`)).items);
  } catch (error) {
    handleError(error, 'Could not add the note');
  } finally {
    submit.disabled = false;
  }
}

// Two steps, so that one stray click cannot reject a poster's whole queue.
function confirmRejectAll(details, asking) {
  const box = details.querySelector('.reject-all');
  box.querySelector('[data-action="reject-all"]').hidden = asking;
  box.querySelector('.reject-all-confirm').hidden = !asking;
  if (asking) {
    box.querySelector('.reject-all-question').textContent =
      `Reject ${box.dataset.pending} pending comment(s) as “${rejectAllReason(details)}”?`;
    box.querySelector('[data-action="reject-all-confirm"]').focus();
  }
}

function rejectAllReason(details) {
  const select = details.closest('li.item').querySelector('.reject-reason');
  return select ? select.value : 'spam';
}

async function rejectAllFrom(details, comment) {
  const key = comment.posterKey;
  try {
    const outcome = await api(`${posterPath(key)}/reject-pending`, {
      method: 'POST', body: { reason: rejectAllReason(details) },
    });
    state.lastDecision = outcome.decided.length ? { ids: outcome.decided, verb: 'Rejected' } : null;
    const more = outcome.remaining ? ` ${outcome.remaining} more are pending: run it again.` : '';
    notice(`${bulkMessage('Rejected', outcome)} (all pending from ${key}).${more}`, true);
    refresh();
  } catch (error) {
    handleError(error, `Could not reject the comments of ${key}`);
  }
}

// ---- keyboard helpers --------------------------------------------------------------------------------------

function itemElement(id) {
  return id ? $('items').querySelector(`li[data-id="${CSS.escape(id)}"]`) : null;
}

function openSuspend() {
  const details = itemElement(state.selected)?.querySelector('.suspend');
  if (!details) return;
  details.open = true;
  details.querySelector('.suspend-for').focus();
}

function toggleHistory() {
  const details = itemElement(state.selected)?.querySelector('.history');
  if (details) details.open = !details.open;
}

// ---- errors, polling, keyboard -----------------------------------------------------------------------------

// The outcome of the last action; `undoable` offers to take the last decision back.
function notice(message, undoable = false) {
  const element = $('notice');
  element.textContent = message;
  element.hidden = !message;
  $('notice-undo').hidden = !(undoable && state.lastDecision);
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
  // Typing goes to the field; a ticked checkbox keeps the keys working.
  if (event.target.closest('input:not([type="checkbox"]), textarea, select')) return;
  switch (event.key) {
    case 'j': move(1); break;
    case 'k': move(-1); break;
    case 'f': if (state.ticked.size) decideTicked('approve'); else if (state.selected) approve(state.selected); break;
    case 'd': if (state.ticked.size) decideTicked('reject'); else if (state.selected) reject(state.selected); break;
    case 'x': if (state.selected) toggleTicked(state.selected); break;
    case 'b': openSuspend(); break;
    case 'h': toggleHistory(); break;
    case 't': cycleTab(1); break;
    case 'T': cycleTab(-1); break;
    case 'u': undoLast(); break;
    case '/': $('filter-poster').focus(); break;
    case 'Escape': if (!state.ticked.size) return; clearTicked(); break;
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
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); applyFilters(); });
  for (const id of ['sort', 'filter-reason']) $(id).addEventListener('change', applyFilters);
  $('clear-filters').addEventListener('click', clearFilters);
  buildSavedViews();
  $('bulk-approve').addEventListener('click', () => decideTicked('approve'));
  $('bulk-reject').addEventListener('click', () => decideTicked('reject'));
  $('bulk-clear').addEventListener('click', clearTicked);
  $('notice-undo').addEventListener('click', undoLast);
  window.addEventListener('hashchange', onViewChanged);
  loadView();
  try {
    showQueue(await api('session'));
  } catch (error) {
    showLogin(error.status === 401 ? '' : `Cannot reach the server: ${error.message}`);
  }
}

start();
