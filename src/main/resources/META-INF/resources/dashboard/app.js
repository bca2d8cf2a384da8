// The dashboard: asks the GraphQL API three questions (overview, usage, teams) and shows the answers, with every
// error and warning of errors[] as text. State (window, granularity, chart, idle threshold) lives in the address,
// so a view can be bookmarked or shared: ?days=30, or ?from=2026-11-01&to=2026-11-30 (both days included).

import { download, graphql, SignInRequired, token } from './graphql.js';
import { windowOf, windowText } from './format.js';
import { showFreshness, showMessages, showOverview, showTeams, showUsage, METRICS } from './sections.js';

const OVERVIEW = `query Overview($idleAfterDays: Int) {
  vendors { vendor configured demo healthy lastFetchedAt rateLimitedUntil }
  seats(idleAfterDays: $idleAfterDays) {
    utilization { vendor assigned active idle neverUsed pending deactivated }
    freshness { vendor fetchedAt cached stale }
    idle { vendor email name lastActiveAt teams { name } }
    neverUsed { vendor email name teams { name } }
    overlapping { email name lastActiveAt accounts { vendor status } }
  }
}`;

const USAGE = `query Usage($window: WindowInput!, $granularity: Granularity) {
  usage(window: $window, granularity: $granularity) {
    buckets { vendor from to ${METRICS.map(([key]) => key).join(' ')} }
    freshness { vendor fetchedAt cached stale }
  }
}`;

const TEAMS = `query Teams($window: WindowInput!) {
  teams {
    id vendor name memberCount
    utilization { assigned active idle }
    usage(window: $window, granularity: TOTAL) {
      activeUsers completionsAccepted chatMessages agentMessages credits cost
    }
  }
}`;

const $ = (id) => document.getElementById(id);
const PRESETS = [7, 30, 90];
const GRANULARITIES = ['DAY', 'WEEK', 'MONTH'];

/** The view the address asks for, with defaults: the last 30 days, day by day. */
function readState() {
  const query = new URLSearchParams(location.search);
  const custom = query.get('from') && query.get('to');
  const days = Number(query.get('days'));
  return {
    days: custom ? null : (PRESETS.includes(days) ? days : 30),
    from: custom ? query.get('from') : null,
    to: custom ? query.get('to') : null,
    granularity: GRANULARITIES.includes(query.get('granularity')) ? query.get('granularity') : 'DAY',
    metric: METRICS.some(([key]) => key === query.get('metric')) ? query.get('metric') : METRICS[0][0],
    idleAfterDays: Number(query.get('idleAfterDays')) || 30,
  };
}

const state = readState();
let latestUsage = null;
let usageTicket = 0;
let overviewTicket = 0;

function writeState() {
  const query = new URLSearchParams();
  if (state.days) {
    query.set('days', state.days);
  } else {
    query.set('from', state.from);
    query.set('to', state.to);
  }
  query.set('granularity', state.granularity);
  query.set('metric', state.metric);
  query.set('idleAfterDays', state.idleAfterDays);
  history.replaceState(null, '', `?${query}`);
}

/** Shows the sign-in form with the API's reason; a refused token is forgotten. */
function requireSignIn(message) {
  token.clear();
  $('sign-in').hidden = false;
  $('signed-in').hidden = true;
  $('sign-in-reason').textContent = message;
  $('token').focus();
}

function showSession() {
  $('signed-in').hidden = !token.get();
}

/** Runs `task` with `sections` marked busy; a failure that is no GraphQL answer is shown in `messages`. */
async function busy(sections, messages, task) {
  sections.forEach((section) => $(section).setAttribute('aria-busy', 'true'));
  try {
    await task();
  } catch (error) {
    if (error instanceof SignInRequired) {
      requireSignIn(error.message);
    } else {
      showMessages($(messages), [{ message: `The dashboard could not ask the API: ${error.message}` }]);
    }
  } finally {
    sections.forEach((section) => $(section).setAttribute('aria-busy', 'false'));
  }
}

function loadOverview() {
  const ticket = ++overviewTicket;
  const days = state.idleAfterDays;
  return busy(['status', 'seats', 'idle', 'never-used', 'overlapping'], 'seats-messages', async () => {
    const answer = await graphql(OVERVIEW, { idleAfterDays: days });
    if (ticket === overviewTicket) {
      showOverview(answer);
      $('seats').dataset.idleAfterDays = days;
    }
  });
}

function loadUsage() {
  const ticket = ++usageTicket;
  const window = windowOf(state);
  const granularity = state.granularity;
  const key = `${window.from}/${window.to}/${granularity}`;
  $('window-text').textContent = `Window: ${windowText(window)}`;
  writeState();
  return busy(['usage', 'teams'], 'usage-messages', async () => {
    const variables = { window: { from: window.from, to: window.to } };
    const [usage, teams] = await Promise.all([
      graphql(USAGE, { ...variables, granularity }),
      graphql(TEAMS, variables),
    ]);
    if (ticket !== usageTicket) {
      return; // the user has asked for another window meanwhile
    }
    latestUsage = usage;
    showUsage(usage, state.metric);
    showTeams(teams);
    $('usage').dataset.window = key;
    $('teams').dataset.window = key;
  });
}

async function exportCsv(path) {
  const status = $('export-status');
  status.textContent = 'Preparing the CSV…';
  try {
    const { name, problems } = await download(`/export/${path}`);
    status.textContent = `Downloaded ${name}${problems ? `; incomplete, the API reported: ${problems}` : ''}.`;
  } catch (error) {
    if (error instanceof SignInRequired) {
      requireSignIn(error.message);
    }
    status.textContent = `The CSV export failed: ${error.message}`;
  }
}

function bindControls() {
  const choice = $('window');
  choice.value = state.days ? String(state.days) : 'custom';
  $('custom-window').hidden = Boolean(state.days);
  const current = windowOf(state);
  $('from').value = current.firstDay;
  $('to').value = current.lastDay;
  $('granularity').value = state.granularity;
  $('idle-after').value = state.idleAfterDays;
  const metric = $('metric');
  metric.replaceChildren(...METRICS.map(([key, label]) => new Option(label, key)));
  metric.value = state.metric;

  choice.addEventListener('change', () => {
    if (choice.value === 'custom') {
      $('custom-window').hidden = false;
      $('from').focus();
      return;
    }
    $('custom-window').hidden = true;
    state.days = Number(choice.value);
    loadUsage();
  });
  $('window-controls').addEventListener('submit', (event) => {
    event.preventDefault();
    if (choice.value === 'custom') {
      state.days = null;
      state.from = $('from').value;
      state.to = $('to').value;
    }
    loadUsage();
  });
  $('granularity').addEventListener('change', () => {
    state.granularity = $('granularity').value;
    loadUsage();
  });
  metric.addEventListener('change', () => {
    state.metric = metric.value;
    writeState();
    if (latestUsage) {
      showUsage(latestUsage, state.metric);
    }
  });
  $('seat-controls').addEventListener('submit', (event) => {
    event.preventDefault();
    state.idleAfterDays = Number($('idle-after').value);
    writeState();
    loadOverview();
  });
  $('usage-csv').addEventListener('click', () => {
    const window = windowOf(state);
    exportCsv(`usage.csv?from=${window.firstDay}&to=${window.endDay}&granularity=${state.granularity}`);
  });
  document.querySelectorAll('button[data-export]').forEach((button) => button.addEventListener('click',
    () => exportCsv(`${button.dataset.export}&idleAfterDays=${state.idleAfterDays}`)));
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    token.set($('token').value);
    $('token').value = '';
    $('sign-in').hidden = true;
    showSession();
    loadOverview();
    loadUsage();
  });
  $('sign-out').addEventListener('click', () => {
    token.clear();
    location.reload();
  });
}

bindControls();
showSession();
showFreshness();
loadOverview();
loadUsage();
