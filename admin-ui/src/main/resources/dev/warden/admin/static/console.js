// Warden publisher console. Plain ES module, no framework, no build step.
// Security rule: every string that comes from the API (settings keys and values, section names, authors,
// comments, messages) enters the DOM through textContent or createElement, never innerHTML. The what-if chart is
// built element by element with createElementNS.

import { $, apiClient, el } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_NAMES = {
  abuse: 'Abuse',
  disinformation: 'Disinformation',
  insult: 'Insult',
  threat: 'Threat',
  identity_attack: 'Identity attack',
  profanity: 'Profanity',
};
const KINDS = new Set(['insult', 'threat', 'identity_attack', 'profanity']);
const LIMIT_FIELDS = [
  ['min-interval', 'Minimum interval'],
  ['max', 'Comments per window'],
  ['window', 'Window'],
  ['per-article.max', 'Per article'],
  ['per-article.window', 'Per-article window'],
];
const RULE_FIELDS = [
  ['ids', 'Article ids'],
  ['paths', 'Request paths (globs, e.g. /articles/war-*/comments)'],
  ['sections', 'Registry sections'],
  ['tags', 'Registry tags'],
  ['keywords', 'Keywords (whole words of the article id or registered title)'],
];
const SECTION = 'section:';
const MAX_CHANGES_SHOWN = 12;

const state = {
  csrf: null,
  user: null,
  saved: null, // GET /policies: current, settings, labels, policies, history
  draft: null, // the settings being edited (same shape as saved.settings)
  policy: 'conflict',
  label: 'abuse',
  days: 7,
  whatif: null,
  whatifRequest: 0,
  confirming: null, // the version whose rollback awaits a second click
  narratives: [], // GET /narratives
  editing: null, // the id of the narrative being edited, '' for a new one, null when the form is closed
};

const api = apiClient(() => state.csrf);


function fmt(value) {
  return typeof value === 'number' ? value.toFixed(2) : 'off';
}

function perDay(value) {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

// ---- session -----------------------------------------------------------------------------------------------

function showOnly(view) {
  for (const id of ['login-view', 'denied-view', 'console-view']) $(id).hidden = id !== view;
}

function showLogin(message) {
  state.csrf = null;
  state.user = null;
  $('who').hidden = true;
  showOnly('login-view');
  const error = $('login-error');
  error.hidden = !message;
  error.textContent = message || '';
  $('login-user').focus();
}

function showDenied(session) {
  showOnly('denied-view');
  $('denied-message').textContent = `You are signed in as ${session.user} (${session.roles.join(', ') || 'no role'}). `
    + 'The publisher console needs the publisher or admin role.';
}

function onSession(session) {
  state.csrf = session.csrfToken;
  state.user = session.user;
  $('who-name').textContent = `${session.user} (${session.roles.join(', ')})`;
  $('who').hidden = false;
  if (!session.roles.includes('publisher') && !session.roles.includes('admin')) {
    showDenied(session);
    return;
  }
  showOnly('console-view');
  load(false);
  loadNarratives();
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
    onSession(session);
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

// ---- loading -----------------------------------------------------------------------------------------------

async function load(keepDraft) {
  let data;
  try {
    data = await api('policies');
  } catch (error) {
    if (error.status === 401) showLogin('Your session ended; sign in again.');
    else if (error.status === 403) showDenied({ user: state.user, roles: [] });
    else notice(`Could not load the policies: ${error.message}`, true);
    return;
  }
  state.saved = data;
  if (!keepDraft || !state.draft) state.draft = structuredClone(data.settings);
  if (!policyOf(state.draft, state.policy)) state.policy = 'conflict';
  render();
  loadWhatIf();
}

function notice(message, isError) {
  const node = $('notice');
  node.hidden = !message;
  node.textContent = message || '';
  node.classList.toggle('error', Boolean(isError));
}

// ---- the draft ---------------------------------------------------------------------------------------------

function policyNames(settings) {
  return ['default', 'conflict', ...Object.keys(settings.policies.sections).sort().map((s) => SECTION + s)];
}

function policyOf(settings, name) {
  if (name === 'default' || name === 'conflict') return settings.policies[name];
  if (name.startsWith(SECTION)) return settings.policies.sections[name.slice(SECTION.length)];
  return undefined;
}

function policyKey(name) {
  return name.startsWith(SECTION) ? `policies.sections.${name.slice(SECTION.length)}` : `policies.${name}`;
}

function policyTitle(name) {
  if (name === 'default') return 'Default';
  if (name === 'conflict') return 'Conflict';
  return `Section: ${name.slice(SECTION.length)}`;
}

/** A threshold as typed: empty is off, a number is a number, anything else goes to the server to be named. */
function parseThreshold(text) {
  const value = text.trim();
  if (value === '' || value.toLowerCase() === 'off') return null;
  return /^-?\d*\.?\d+$/.test(value) ? Number(value) : value;
}

function flatten(node, prefix, out) {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, node === null ? 'off' : Array.isArray(node) ? JSON.stringify(node) : String(node));
  }
  return out;
}

function pendingChanges() {
  const before = flatten(state.saved.settings, '', new Map());
  const after = flatten(state.draft, '', new Map());
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.filter((k) => before.get(k) !== after.get(k))
    .map((k) => ({ key: k, before: before.get(k) ?? null, after: after.get(k) ?? null }));
}

function policyChanged(name) {
  const keys = [policyKey(name)];
  if (name.startsWith(SECTION)) keys.push(`throttle.limits.sections.${name.slice(SECTION.length)}`);
  return pendingChanges().some((c) => keys.some((key) => c.key === key || c.key.startsWith(`${key}.`)));
}

// ---- rendering ---------------------------------------------------------------------------------------------

function render() {
  renderVersion();
  renderTabs();
  renderThresholds();
  renderSectionLimits();
  renderLimits();
  renderRules();
  renderPending();
  renderHistory();
  renderWhatIf();
}

function renderVersion() {
  const current = state.saved.current;
  const line = $('version-line');
  line.replaceChildren();
  line.append(el('strong', null, `In force: version ${current.version}`));
  if (current.version === 0) {
    line.append(' — warden.yaml; no change saved yet.');
  } else {
    line.append(` — saved by ${current.author}, ${when(current.createdAt)}`);
    if (current.comment) line.append(el('span', 'quote', ` “${current.comment}”`));
  }
}

function renderTabs() {
  const tabs = $('policy-tabs');
  tabs.replaceChildren();
  for (const name of policyNames(state.draft)) {
    const tab = el('button', 'tab', policyTitle(name));
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.dataset.policy = name;
    tab.setAttribute('aria-selected', String(name === state.policy));
    if (policyChanged(name)) tab.append(el('span', 'dot', ' •'));
    tab.addEventListener('click', () => {
      state.policy = name;
      render();
      loadWhatIf();
    });
    tabs.append(tab);
  }
}

function renderThresholds() {
  const policy = policyOf(state.draft, state.policy);
  const key = policyKey(state.policy);
  $('thresholds-title').textContent = `Thresholds · ${policyTitle(state.policy)}`;
  $('policy-help').textContent = state.policy === 'default'
    ? 'Ordinary articles. A score at or over a threshold holds (or rejects) the comment; empty is off.'
    : state.policy === 'conflict'
      ? 'Conflict articles (rules below, or flagged in the registry). Empty is off; reject is opt-in.'
      : `Registered articles in section “${state.policy.slice(SECTION.length)}”: this policy wins over the `
        + 'conflict and default policies. Empty is off.';
  $('remove-section').hidden = !state.policy.startsWith(SECTION);
  const table = $('thresholds');
  table.replaceChildren();
  const head = el('div', 'row head');
  head.setAttribute('role', 'row');
  for (const title of ['Label or kind', 'Hold at', 'Reject at', 'Chart']) {
    const cell = el('span', null, title);
    cell.setAttribute('role', 'columnheader');
    head.append(cell);
  }
  table.append(head);
  for (const label of state.saved.labels) {
    const row = el('div', KINDS.has(label) ? 'row kind' : 'row');
    row.setAttribute('role', 'row');
    row.dataset.label = label;
    const name = el('span', 'label-name', LABEL_NAMES[label] || label);
    name.setAttribute('role', 'cell');
    row.append(name);
    for (const which of ['hold', 'reject']) {
      const input = el('input', 'threshold');
      input.setAttribute('inputmode', 'decimal');
      input.setAttribute('aria-label', `${LABEL_NAMES[label] || label} ${which} threshold`);
      input.dataset.key = `${key}.labels.${label}.${which}`;
      const value = policy.labels[label][which];
      input.value = value === null ? '' : String(value);
      input.placeholder = 'off';
      input.addEventListener('input', () => {
        policy.labels[label][which] = parseThreshold(input.value);
        input.classList.remove('invalid');
        afterEdit();
        if (label === state.label) renderWhatIf();
      });
      const cell = el('span');
      cell.setAttribute('role', 'cell');
      cell.append(input);
      row.append(cell);
    }
    const chart = el('button', 'btn btn-quiet btn-small', label === state.label ? 'shown' : 'show');
    chart.type = 'button';
    chart.setAttribute('aria-pressed', String(label === state.label));
    chart.setAttribute('aria-label', `Show ${LABEL_NAMES[label] || label} in the what-if chart`);
    chart.addEventListener('click', () => selectLabel(label));
    const cell = el('span');
    cell.setAttribute('role', 'cell');
    cell.append(chart);
    row.append(cell);
    table.append(row);
  }
  bindChoice($('on-error'), policy, 'on-error', `${key}.on-error`);
  bindChoice($('on-unsupported-language'), policy, 'on-unsupported-language', `${key}.on-unsupported-language`);
}

/** A section policy's optional rate limits: all fields empty is inherit (no entry in throttle.limits.sections). */
function renderSectionLimits() {
  const box = $('section-limits');
  box.hidden = !state.policy.startsWith(SECTION);
  const fields = $('section-limit-fields');
  fields.replaceChildren();
  if (box.hidden) return;
  const section = state.policy.slice(SECTION.length);
  const sections = sectionLimits(state.draft);
  const inherited = state.draft.throttle.limits.default;
  const inputs = [];
  for (const [path, title] of LIMIT_FIELDS) {
    const [outer, inner] = path.split('.');
    const label = el('label', null, title);
    const input = el('input', 'limit');
    input.dataset.key = `throttle.limits.sections.${section}.${path}`;
    const own = sections[section];
    const value = own ? (inner ? own[outer][inner] : own[outer]) : '';
    input.value = value === '' ? '' : String(value);
    input.placeholder = `inherit (${inner ? inherited[outer][inner] : inherited[outer]})`;
    input.addEventListener('input', () => {
      storeSectionLimits(section, inputs);
      input.classList.remove('invalid');
      afterEdit();
    });
    inputs.push([path, input]);
    label.append(input);
    fields.append(label);
  }
}

function sectionLimits(settings) {
  settings.throttle.limits.sections = settings.throttle.limits.sections || {};
  return settings.throttle.limits.sections;
}

function storeSectionLimits(section, inputs) {
  const sections = sectionLimits(state.draft);
  if (inputs.every(([, input]) => input.value.trim() === '')) {
    delete sections[section];
    return;
  }
  const own = { 'per-article': {} };
  for (const [path, input] of inputs) {
    const [outer, inner] = path.split('.');
    const text = input.value.trim();
    const field = inner || outer;
    const value = field === 'max' && /^\d+$/.test(text) ? Number(text) : text;
    if (inner) own[outer][inner] = value; else own[outer] = value;
  }
  sections[section] = own;
}

function bindChoice(select, policy, field, dataKey) {
  select.value = policy[field];
  select.dataset.key = dataKey;
  select.onchange = () => {
    policy[field] = select.value;
    afterEdit();
  };
}

function renderLimits() {
  const box = $('limits');
  box.replaceChildren();
  for (const kind of ['default', 'conflict']) {
    const limits = state.draft.throttle.limits[kind];
    const column = el('fieldset', 'limit-column');
    column.append(el('legend', null, kind === 'default' ? 'Ordinary articles' : 'Conflict articles'));
    for (const [path, title] of LIMIT_FIELDS) {
      const [outer, inner] = path.split('.');
      const holder = inner ? limits[outer] : limits;
      const field = inner || outer;
      const label = el('label', null, title);
      const input = el('input', 'limit');
      input.dataset.key = `throttle.limits.${kind}.${path}`;
      input.value = String(holder[field]);
      input.addEventListener('input', () => {
        const text = input.value.trim();
        holder[field] = field === 'max' && /^\d+$/.test(text) ? Number(text) : text;
        input.classList.remove('invalid');
        afterEdit();
      });
      label.append(input);
      column.append(label);
    }
    box.append(column);
  }
}

function renderRules() {
  const box = $('rules');
  box.replaceChildren();
  const rules = state.draft.articles.conflict;
  for (const [field, title] of RULE_FIELDS) {
    const label = el('label', null, title);
    const area = el('textarea', 'rule');
    area.rows = 3;
    area.dataset.key = `articles.conflict.${field}`;
    area.value = rules[field].join('\n');
    area.addEventListener('input', () => {
      rules[field] = area.value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      area.classList.remove('invalid');
      afterEdit();
    });
    label.append(area);
    box.append(label);
  }
}

function afterEdit() {
  renderPending();
  for (const tab of $('policy-tabs').children) {
    const dot = tab.querySelector('.dot');
    const changed = policyChanged(tab.dataset.policy);
    if (changed && !dot) tab.append(el('span', 'dot', ' •'));
    if (!changed && dot) dot.remove();
  }
}

function renderPending() {
  const list = $('pending-changes');
  list.replaceChildren();
  const changes = pendingChanges();
  if (changes.length === 0) list.append(el('li', 'muted', 'No unsaved changes.'));
  for (const change of changes.slice(0, MAX_CHANGES_SHOWN)) list.append(changeItem(change));
  if (changes.length > MAX_CHANGES_SHOWN) list.append(el('li', 'muted', `and ${changes.length - MAX_CHANGES_SHOWN} more`));
  $('save').disabled = changes.length === 0;
  $('discard').disabled = changes.length === 0;
}

function changeItem(change) {
  const item = el('li');
  item.append(el('code', null, change.key), ': ');
  item.append(el('span', 'before', change.before ?? '(none)'), ' → ', el('span', 'after', change.after ?? '(none)'));
  return item;
}

function renderHistory() {
  const list = $('history');
  list.replaceChildren();
  const current = state.saved.current.version;
  for (const version of state.saved.history) {
    const item = el('li', version.version === current ? 'version current' : 'version');
    item.dataset.version = String(version.version);
    const head = el('div', 'version-head');
    head.append(el('strong', null, `Version ${version.version}`));
    head.append(el('span', 'muted', ` · ${version.author} · ${when(version.createdAt)}`));
    if (version.restoredFrom !== null && version.restoredFrom !== undefined) {
      head.append(el('span', 'badge', `rollback to ${version.restoredFrom}`));
    }
    if (version.version === current) head.append(el('span', 'badge badge-live', 'in force'));
    item.append(head);
    if (version.comment) item.append(el('p', 'quote', `“${version.comment}”`));
    const changes = el('ul', 'changes');
    for (const change of version.changes.slice(0, MAX_CHANGES_SHOWN)) changes.append(changeItem(change));
    if (version.changes.length > MAX_CHANGES_SHOWN) {
      changes.append(el('li', 'muted', `and ${version.changes.length - MAX_CHANGES_SHOWN} more`));
    }
    if (version.version > 0 && version.changes.length === 0) changes.append(el('li', 'muted', 'No changes.'));
    item.append(changes);
    if (version.version !== current) {
      const confirming = state.confirming === version.version;
      const button = el('button', confirming ? 'btn btn-danger' : 'btn', confirming
        ? `Confirm: make version ${version.version}'s settings live again` : 'Roll back to this version');
      button.type = 'button';
      button.dataset.action = 'rollback';
      button.addEventListener('click', () => onRollback(version.version));
      item.append(button);
    }
    list.append(item);
  }
}

// ---- saving ------------------------------------------------------------------------------------------------

async function onSave() {
  $('save').disabled = true;
  showSaveError(null);
  try {
    const saved = await api('policies', {
      method: 'PUT',
      body: { settings: state.draft, comment: $('save-comment').value, baseVersion: state.saved.current.version },
    });
    $('save-comment').value = '';
    notice(`Saved version ${saved.version}; it is in force now.`);
    await load(false);
  } catch (error) {
    onSaveFailure(error);
  } finally {
    renderPending();
  }
}

function onSaveFailure(error) {
  if (error.status === 401) {
    showLogin('Your session ended; sign in again.');
  } else if (error.status === 400 && error.body.field) {
    showSaveError(`${error.body.field}: ${error.body.message}`);
    highlight(error.body.field);
  } else if (error.status === 409) {
    showSaveError(`${error.body.message} Your edits are kept: the list above now shows them against the newer version.`);
    load(true);
  } else {
    showSaveError(`Not saved: ${error.message}`);
  }
}

function showSaveError(message) {
  const node = $('save-error');
  node.hidden = !message;
  node.textContent = message || '';
}

/** Shows the input of a settings key that the server named as wrong, switching to its policy tab. */
function highlight(field) {
  const match = /^policies\.(default|conflict|sections\.(.+?))\.(labels|on-error|on-unsupported-language)/.exec(field)
    || /^throttle\.limits\.(sections\.(.+?))\.(min-interval|max|window|per-article)/.exec(field);
  if (match) {
    const name = match[2] !== undefined ? SECTION + match[2] : match[1];
    if (policyOf(state.draft, name) && name !== state.policy) {
      state.policy = name;
      render();
      loadWhatIf();
    }
  }
  const input = [...document.querySelectorAll('[data-key]')].find((node) => node.dataset.key === field);
  if (input) {
    input.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

async function onRollback(version) {
  if (state.confirming !== version) {
    state.confirming = version;
    renderHistory();
    return;
  }
  state.confirming = null;
  try {
    const saved = await api(`policies/rollback/${version}`, {
      method: 'POST',
      body: {
        comment: $('save-comment').value || `Rollback to version ${version}`,
        baseVersion: state.saved.current.version,
      },
    });
    $('save-comment').value = '';
    notice(`Version ${saved.version} restores version ${version}; it is in force now.`);
    await load(false);
  } catch (error) {
    onSaveFailure(error);
    renderHistory();
  }
}

function onDiscard() {
  state.draft = structuredClone(state.saved.settings);
  if (!policyOf(state.draft, state.policy)) state.policy = 'conflict';
  showSaveError(null);
  render();
}

function onAddSection(event) {
  event.preventDefault();
  const input = $('new-section');
  const name = input.value.trim();
  if (!name) return;
  if (!state.draft.policies.sections[name]) {
    // Starts as a copy of the default policy; its thresholds are then edited like any other.
    state.draft.policies.sections[name] = structuredClone(state.draft.policies.default);
  }
  input.value = '';
  state.policy = SECTION + name;
  render();
  loadWhatIf();
}

function onRemoveSection() {
  if (!state.policy.startsWith(SECTION)) return;
  delete state.draft.policies.sections[state.policy.slice(SECTION.length)];
  delete sectionLimits(state.draft)[state.policy.slice(SECTION.length)];
  state.policy = 'conflict';
  render();
  loadWhatIf();
}

// ---- what-if -----------------------------------------------------------------------------------------------

function selectLabel(label) {
  state.label = label;
  $('whatif-label').value = label;
  renderThresholds();
  renderWhatIf();
  loadWhatIf();
}

async function loadWhatIf() {
  const request = ++state.whatifRequest;
  const query = new URLSearchParams({ policy: state.policy, label: state.label, days: String(state.days) });
  try {
    const data = await api(`whatif?${query}`);
    if (request !== state.whatifRequest) return; // a newer request is on its way
    state.whatif = data;
  } catch (error) {
    if (request !== state.whatifRequest) return;
    state.whatif = null;
    $('whatif-note').textContent = `The what-if data could not be loaded: ${error.message}`;
  }
  renderWhatIf();
}

function draftThreshold(which) {
  const policy = policyOf(state.draft, state.policy);
  const value = policy ? policy.labels[state.label][which] : null;
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : null;
}

function row(threshold) {
  if (!state.whatif || threshold === null) return null;
  return state.whatif.thresholds[Math.round(threshold * 100)] || null;
}

function renderWhatIf() {
  const select = $('whatif-label');
  if (select.options.length === 0) {
    for (const label of state.saved.labels) {
      const option = el('option', null, LABEL_NAMES[label] || label);
      option.value = label;
      select.append(option);
    }
  }
  select.value = state.label;
  const hold = draftThreshold('hold');
  const slider = $('whatif-slider');
  const sliderValue = hold === null ? Number(slider.value) : hold;
  slider.value = String(sliderValue);
  $('whatif-value').textContent = hold === null ? 'off' : fmt(hold);
  drawChart(hold, draftThreshold('reject'));
  renderReadout(hold);
}

function renderReadout(hold) {
  const readout = $('whatif-readout');
  const data = state.whatif;
  const name = (LABEL_NAMES[state.label] || state.label).toLowerCase();
  readout.replaceChildren();
  if (!data) {
    readout.textContent = 'Loading…';
    return;
  }
  if (hold === null) {
    readout.textContent = `Hold is off for ${name}: move the slider to try a threshold.`;
    readout.dataset.heldPerDay = '';
    readout.dataset.precision = '';
  } else {
    const at = row(hold);
    readout.append('At ', el('strong', null, fmt(hold)), ` this policy would hold `);
    readout.append(el('strong', 'held', `${perDay(at.heldPerDay)} comments/day`), ` for ${name} · precision `);
    readout.append(el('strong', 'precision', at.precision === null ? 'unknown' : `${Math.round(at.precision * 100)}%`));
    readout.append(at.decided === 0 ? ' (no moderator decisions at this score yet)'
      : ` (${at.rejected} of ${at.decided} decided holds were rejected)`);
    readout.dataset.heldPerDay = String(at.heldPerDay);
    readout.dataset.precision = at.precision === null ? '' : String(at.precision);
  }
  const now = data.current;
  const nowRow = row(now.hold);
  $('whatif-now').textContent = !now.exists
    ? 'This section policy is not saved yet; the chart shows the comments on its section\'s registered articles.'
    : now.hold === null
      ? `In force now: hold off for ${name}.`
      : `In force now: hold at ${fmt(now.hold)} → ${perDay(nowRow.heldPerDay)}/day, precision `
        + `${nowRow.precision === null ? 'unknown' : `${Math.round(nowRow.precision * 100)}%`}.`;
  const reject = draftThreshold('reject');
  const rejectRow = row(reject);
  $('whatif-reject').textContent = reject === null ? `Reject is off for ${name} (comments are held, never rejected unread).`
    : `Reject at ${fmt(reject)} → ${perDay(rejectRow.heldPerDay)} comments/day rejected without review.`;
  $('whatif-note').textContent = `${data.samples} sampled comments over ${data.coveredDays.toFixed(1)} day(s). `
    + 'Comments/day counts the comments scoring at or above the threshold for this label alone; precision is the '
    + 'share of decided held comments at or above it that moderators rejected.'
    + (data.dropped > 0 ? ` ${data.dropped} samples were dropped under load.` : '');
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawChart(hold, reject) {
  const chart = $('whatif-chart');
  for (const child of [...chart.children]) if (child.tagName !== 'title') child.remove();
  const W = 640;
  const H = 260;
  const left = 46;
  const right = 44;
  const top = 18;
  const bottom = 34;
  const pw = W - left - right;
  const ph = H - top - bottom;
  const x = (t) => left + t * pw;
  chart.append(svg('rect', { x: left, y: top, width: pw, height: ph, class: 'plot' }));
  const data = state.whatif;
  const bins = data ? data.bins : [];
  const max = Math.max(1, ...bins);
  const y = (count) => top + ph - (count <= 0 ? 0 : (Math.log10(1 + count) / Math.log10(1 + max)) * ph);

  let power = 1;
  for (; power <= max; power *= 10) {
    chart.append(svg('line', { x1: left, x2: left + pw, y1: y(power), y2: y(power), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(power) + 4, class: 'axis axis-left' }, String(power)));
  }
  if (max > 1 && y(max) < y(power / 10) - 12) {
    chart.append(svg('text', { x: left - 6, y: y(max) + 8, class: 'axis axis-left' }, String(max)));
  }
  chart.append(svg('text', { x: 12, y: top + ph / 2, class: 'axis-title', transform: `rotate(-90 12 ${top + ph / 2})` },
    'comments (log)'));
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    chart.append(svg('line', { x1: x(t), x2: x(t), y1: top + ph, y2: top + ph + 4, class: 'tick' }));
    chart.append(svg('text', { x: x(t), y: top + ph + 18, class: 'axis axis-bottom' }, t.toFixed(1)));
  }
  chart.append(svg('text', { x: left + pw / 2, y: H - 2, class: 'axis-title' },
    `${(LABEL_NAMES[state.label] || state.label).toLowerCase()} score`));

  const width = pw / Math.max(1, bins.length);
  bins.forEach((count, i) => {
    if (count <= 0) return;
    const start = i * data.binWidth;
    let kind = 'bar';
    if (reject !== null && start + 1e-9 >= reject) kind = 'bar rejected';
    else if (hold !== null && start + 1e-9 >= hold) kind = 'bar held';
    const bar = svg('rect', {
      x: x(start) + 0.5, y: y(count), width: Math.max(1, width - 1), height: top + ph - y(count), class: kind,
    });
    bar.append(svg('title', {}, `${start.toFixed(2)}–${(start + data.binWidth).toFixed(2)}: ${count}`));
    chart.append(bar);
  });

  if (data) drawPrecision(chart, x, top, ph, left, pw);
  if (data && data.samples === 0) {
    chart.append(svg('text', { x: left + pw / 2, y: top + ph / 2, class: 'empty' },
      'No comments sampled in this period yet'));
  }
  const now = data ? data.current : { hold: null, reject: null };
  thresholdLine(chart, x, top, ph, now.hold, 'line-now', `now ${fmt(now.hold)}`, 'end');
  thresholdLine(chart, x, top, ph, now.reject, 'line-now line-reject', `reject ${fmt(now.reject)}`, 'end');
  if (hold !== now.hold) thresholdLine(chart, x, top, ph, hold, 'line-candidate', fmt(hold), 'start');
  if (reject !== now.reject) thresholdLine(chart, x, top, ph, reject, 'line-candidate line-reject', `reject ${fmt(reject)}`, 'start');
}

function drawPrecision(chart, x, top, ph, left, pw) {
  const points = state.whatif.thresholds.filter((r) => r.precision !== null)
    .map((r) => `${x(r.threshold).toFixed(1)},${(top + ph - r.precision * ph).toFixed(1)}`);
  for (const [value, label] of [[0, '0%'], [0.5, '50%'], [1, '100%']]) {
    chart.append(svg('text', { x: left + pw + 6, y: top + ph - value * ph + 4, class: 'axis axis-right' }, label));
  }
  if (points.length > 1) chart.append(svg('polyline', { points: points.join(' '), class: 'precision' }));
}

function thresholdLine(chart, x, top, ph, value, className, label, anchor) {
  if (value === null || value === undefined) return;
  const at = x(value);
  chart.append(svg('line', { x1: at, x2: at, y1: top - 4, y2: top + ph, class: className }));
  // Candidates are labelled a line lower than the thresholds in force, so that close lines stay readable.
  const labelY = className.includes('line-candidate') ? 24 : 10;
  chart.append(svg('text', {
    x: anchor === 'end' ? at - 4 : at + 4, y: top + labelY, class: `line-label ${className}`, 'text-anchor': anchor,
  }, label));
}

function onSlider() {
  const value = Math.round(Number($('whatif-slider').value) * 100) / 100;
  const policy = policyOf(state.draft, state.policy);
  policy.labels[state.label].hold = value;
  const input = [...document.querySelectorAll('input.threshold')]
    .find((node) => node.dataset.key === `${policyKey(state.policy)}.labels.${state.label}.hold`);
  if (input) input.value = String(value);
  afterEdit();
  renderWhatIf();
}

function onChartClick(event) {
  const chart = $('whatif-chart');
  const box = chart.getBoundingClientRect();
  const t = ((event.clientX - box.left) / box.width * 640 - 46) / (640 - 46 - 44);
  if (t < 0 || t > 1) return;
  $('whatif-slider').value = String(Math.round(t * 100) / 100);
  onSlider();
}

// ---- narratives --------------------------------------------------------------------------------------------

async function loadNarratives() {
  try {
    state.narratives = (await api('narratives')).narratives;
  } catch (error) {
    notice(`Could not load the narratives: ${error.message}`, true);
    return;
  }
  renderNarratives();
}

function narrativeMatches(n, filter, status) {
  if (status && n.status !== status) return false;
  if (!filter) return true;
  const haystack = [n.id, n.title, n.description, ...n.phrasings, ...n.keywords].join('\n').toLowerCase();
  return haystack.includes(filter);
}

function renderNarratives() {
  const filter = $('narrative-filter').value.trim().toLowerCase();
  const status = $('narrative-status').value;
  const shown = state.narratives.filter((n) => narrativeMatches(n, filter, status));
  $('narrative-count').textContent = `${shown.length} of ${state.narratives.length}`;
  $('narrative-rows').replaceChildren(...shown.map(narrativeRow));
}

function narrativeRow(n) {
  const tr = el('tr', n.status === 'retired' ? 'retired' : '');
  tr.dataset.id = n.id;
  const what = el('td');
  what.append(el('strong', 'narrative-title', n.title), el('div', 'muted small mono', n.id));
  if (n.debunk) {
    const link = el('a', 'small', 'debunk');
    link.href = n.debunk; // validated as http(s) by the server
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    what.append(link);
  }
  const changed = el('td', 'small', n.version ? `v${n.version} · ${n.author} · ${when(n.changedAt)}` : '—');
  const actions = el('td', 'actions');
  const edit = el('button', 'btn btn-quiet', 'Edit');
  edit.type = 'button';
  edit.addEventListener('click', () => openNarrativeForm(n));
  const toggle = el('button', 'btn btn-quiet', n.status === 'retired' ? 'Restore' : 'Retire');
  toggle.type = 'button';
  toggle.addEventListener('click', () => onNarrativeStatus(n, n.status === 'retired' ? 'restore' : 'retire'));
  actions.append(edit, toggle);
  tr.append(what, el('td', 'small', n.source), el('td', `status status-${n.status}`, n.status), changed, actions);
  return tr;
}

function openNarrativeForm(n) {
  state.editing = n ? n.id : '';
  $('narrative-form-title').textContent = n ? `Edit ${n.id}` : 'Add a narrative';
  $('narrative-id').value = n ? n.id : '';
  $('narrative-id').readOnly = Boolean(n);
  $('narrative-title').value = n ? n.title : '';
  $('narrative-description').value = n ? n.description : '';
  $('narrative-phrasings').value = n ? n.phrasings.join('\n') : '';
  $('narrative-keywords').value = n ? n.keywords.join('\n') : '';
  $('narrative-debunk').value = n && n.debunk ? n.debunk : '';
  showNarrativeError('');
  $('narrative-form').hidden = false;
  (n ? $('narrative-title') : $('narrative-id')).focus();
}

function closeNarrativeForm() {
  state.editing = null;
  $('narrative-form').hidden = true;
}

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line);
}

function showNarrativeError(message, field) {
  const node = $('narrative-error');
  node.hidden = !message;
  node.textContent = message || '';
  for (const id of ['id', 'title', 'description', 'phrasings', 'keywords', 'debunk']) {
    $(`narrative-${id}`).classList.toggle('invalid', id === field);
  }
}

async function onNarrativeSave(event) {
  event.preventDefault();
  const id = $('narrative-id').value.trim();
  if (!id) {
    showNarrativeError('A narrative needs an id.', 'id');
    return;
  }
  const body = {
    title: $('narrative-title').value,
    description: $('narrative-description').value,
    phrasings: lines($('narrative-phrasings').value),
    keywords: lines($('narrative-keywords').value),
    debunk: $('narrative-debunk').value.trim() || null,
  };
  $('narrative-save').disabled = true;
  try {
    await api(`narratives/${encodeURIComponent(id)}`, { method: 'PUT', body });
    closeNarrativeForm();
    notice(`Narrative ${id} saved; it is in force now.`);
    await loadNarratives();
  } catch (error) {
    if (error.status === 401) showLogin('Your session ended; sign in again.');
    else showNarrativeError(error.message, error.body.field);
  } finally {
    $('narrative-save').disabled = false;
  }
}

async function onNarrativeStatus(n, action) {
  try {
    await api(`narratives/${encodeURIComponent(n.id)}/${action}`, { method: 'POST' });
    notice(action === 'retire' ? `Narrative ${n.id} retired; it is no longer matched.`
      : `Narrative ${n.id} restored; it is matched again.`);
    await loadNarratives();
  } catch (error) {
    if (error.status === 401) showLogin('Your session ended; sign in again.');
    else notice(`Could not ${action} ${n.id}: ${error.message}`, true);
  }
}

// ---- start -------------------------------------------------------------------------------------------------

async function start() {
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', onLogout);
  $('save').addEventListener('click', onSave);
  $('discard').addEventListener('click', onDiscard);
  $('add-section').addEventListener('submit', onAddSection);
  $('remove-section').addEventListener('click', onRemoveSection);
  $('whatif-slider').addEventListener('input', onSlider);
  $('whatif-chart').addEventListener('click', onChartClick);
  $('whatif-label').addEventListener('change', () => selectLabel($('whatif-label').value));
  $('narrative-new').addEventListener('click', () => openNarrativeForm(null));
  $('narrative-cancel').addEventListener('click', closeNarrativeForm);
  $('narrative-form').addEventListener('submit', onNarrativeSave);
  $('narrative-filter').addEventListener('input', renderNarratives);
  $('narrative-status').addEventListener('change', renderNarratives);
  $('whatif-days').addEventListener('change', () => {
    state.days = Number($('whatif-days').value);
    loadWhatIf();
  });
  try {
    onSession(await api('session'));
  } catch (error) {
    showLogin(error.status === 401 ? '' : `Cannot reach Warden: ${error.message}`);
  }
}

start();
