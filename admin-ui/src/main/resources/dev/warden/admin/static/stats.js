// Warden stats page: decisions per moderator and day, hold and overturn rates per reason. Plain ES module, no
// build step. Security rule: every string from the API (moderator names, reasons) enters the DOM through
// textContent or createElement, never innerHTML.


import { $, apiClient } from './api.js';

const api = apiClient();

function cell(row, text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = String(text);
  row.appendChild(td);
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(1)} %`;
}

function render(stats) {
  $('summary').textContent = `Since ${stats.since.slice(0, 10)} (UTC): ${stats.classified} comments classified.`;
  const decisions = $('decisions');
  decisions.replaceChildren();
  for (const d of stats.decisions) {
    const row = document.createElement('tr');
    row.dataset.moderator = d.moderator;
    cell(row, d.day, 'when');
    cell(row, d.moderator);
    cell(row, d.approved, 'approved');
    cell(row, d.rejected, 'rejected');
    cell(row, d.total, 'total');
    decisions.appendChild(row);
  }
  $('decisions-empty').hidden = stats.decisions.length > 0;
  const reasons = $('reasons');
  reasons.replaceChildren();
  for (const r of stats.reasons) {
    const row = document.createElement('tr');
    row.dataset.reason = r.reason;
    cell(row, r.reason);
    cell(row, r.held, 'held');
    cell(row, percent(r.holdRate), 'hold-rate');
    cell(row, r.decided, 'decided');
    cell(row, r.overturned, 'overturned');
    cell(row, percent(r.overturnRate), 'overturn-rate');
    reasons.appendChild(row);
  }
  $('reasons-empty').hidden = stats.reasons.length > 0;
}

function notice(message) {
  $('notice').hidden = !message;
  $('notice').textContent = message;
}

function signedOut(message) {
  $('stats-view').hidden = true;
  $('signed-out').hidden = false;
  $('signed-out-message').textContent = message;
}

async function load() {
  const days = $('days').value || '7';
  history.replaceState(null, '', `?days=${encodeURIComponent(days)}`);
  try {
    render(await api(`stats?days=${encodeURIComponent(days)}`));
    notice('');
  } catch (error) {
    if (error.status === 401) signedOut('Your session has ended. Sign in on the moderation page, then come back.');
    else if (error.status === 403) signedOut('Your account may not read the stats.');
    else notice(`Could not load the stats: ${error.message}`);
  }
}

async function start() {
  const days = new URLSearchParams(location.search).get('days');
  if (days) $('days').value = days;
  $('period').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
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
  $('stats-view').hidden = false;
  load();
}

start();
