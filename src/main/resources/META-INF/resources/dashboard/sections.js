// What each part of the page shows, from the API's answers. errors[] is never swallowed: each entry is written out
// (vendor, code, STALE/PARTIAL warning, the API's message) next to the data it concerns, and a FORBIDDEN personal
// table is replaced by a notice quoting the API, which names the role it needs.

import { DataTable } from './table.js';
import { UsageChart } from './chart.js';
import { dateTime, day, figure, vendorName } from './format.js';

/** Usage figures: GraphQL field and label. */
export const METRICS = [
  ['completionsAccepted', 'Accepted completions'],
  ['completionLinesAccepted', 'Accepted completion lines'],
  ['chatMessages', 'Chat messages'],
  ['agentMessages', 'Agent messages'],
  ['agentLinesAccepted', 'Agent lines accepted'],
  ['activeUsers', 'Active users'],
  ['inputTokens', 'Input tokens'],
  ['outputTokens', 'Output tokens'],
  ['credits', 'Credits (Windsurf)'],
  ['cost', 'Agent cost (Tabnine)'],
];
const DECIMAL = new Set(['credits', 'cost']);

const $ = (id) => document.getElementById(id);
const yesNo = (value) => (value == null ? null : value ? 'yes' : 'no');
const vendorColumn = { key: 'vendor', label: 'Vendor', value: (r) => r.vendor, text: (r) => vendorName(r.vendor) };
const count = (key, label, pick = (r) => r[key]) => ({ key, label, numeric: true, value: pick,
  text: (r) => figure(pick(r), DECIMAL.has(key)) });
const teamNames = (teams) => [...new Set((teams ?? []).map((t) => t.name))].join(', ');

const TABLES = {
  vendors: ['vendors', 'Vendors', [vendorColumn,
    { key: 'configured', label: 'Configured', value: (r) => yesNo(r.configured) },
    { key: 'healthy', label: 'Healthy', value: (r) => yesNo(r.healthy), mark: (r) => (r.healthy ? null : 'bad') },
    { key: 'demo', label: 'Demo data', value: (r) => yesNo(r.demo) },
    { key: 'lastFetchedAt', label: 'Last fetched', value: (r) => r.lastFetchedAt, text: (r) => dateTime(r.lastFetchedAt) },
    { key: 'rateLimitedUntil', label: 'Rate-limited until', value: (r) => r.rateLimitedUntil,
      text: (r) => dateTime(r.rateLimitedUntil) }]],
  freshness: ['freshness', 'Data freshness', [
    { key: 'data', label: 'Data', value: (r) => r.data }, vendorColumn,
    { key: 'fetchedAt', label: 'Fetched from the vendor', value: (r) => r.fetchedAt, text: (r) => dateTime(r.fetchedAt) },
    { key: 'cached', label: 'From cache', value: (r) => yesNo(r.cached) },
    { key: 'stale', label: 'Stale', value: (r) => (r.stale ? 'STALE' : 'no'), mark: (r) => (r.stale ? 'stale' : null) }]],
  utilization: ['utilization', 'Seat utilisation per vendor', [vendorColumn, count('assigned', 'Assigned'),
    count('active', 'Active'), count('idle', 'Idle'), count('neverUsed', 'Never used'), count('pending', 'Pending'),
    count('deactivated', 'Deactivated'),
    { key: 'share', label: 'Active share', numeric: true, value: (r) => (r.assigned ? r.active / r.assigned : null),
      text: (r) => (r.assigned ? `${Math.round((100 * r.active) / r.assigned)} %` : null) }]],
  buckets: ['buckets', 'Usage per vendor and period', [vendorColumn,
    { key: 'from', label: 'From', value: (r) => r.from, text: (r) => day(r.from) },
    { key: 'to', label: 'To (exclusive)', value: (r) => r.to, text: (r) => day(r.to) },
    ...METRICS.map(([key, label]) => count(key, label))]],
  teams: ['team-table', 'Teams', [
    { key: 'name', label: 'Team', value: (r) => r.name }, vendorColumn,
    count('memberCount', 'Members'),
    count('assigned', 'Seats', (r) => r.utilization?.assigned),
    count('active', 'Active seats', (r) => r.utilization?.active),
    count('idle', 'Idle seats', (r) => r.utilization?.idle),
    ...[['activeUsers', 'Active users'], ['completionsAccepted', 'Completions'], ['chatMessages', 'Chat'],
      ['agentMessages', 'Agent'], ['credits', 'Credits'], ['cost', 'Cost']]
      .map(([key, label]) => count(key, label, (r) => r.usage?.[0]?.[key]))]],
  idle: ['idle-table', 'Idle seats', [vendorColumn,
    { key: 'email', label: 'E-mail', value: (r) => r.email }, { key: 'name', label: 'Name', value: (r) => r.name },
    { key: 'lastActiveAt', label: 'Last active', value: (r) => r.lastActiveAt, text: (r) => day(r.lastActiveAt) },
    { key: 'teams', label: 'Teams', value: (r) => teamNames(r.teams) || null }]],
  neverUsed: ['never-used-table', 'Never-used seats', [vendorColumn,
    { key: 'email', label: 'E-mail', value: (r) => r.email }, { key: 'name', label: 'Name', value: (r) => r.name },
    { key: 'teams', label: 'Teams', value: (r) => teamNames(r.teams) || null }]],
  overlapping: ['overlapping-table', 'Overlapping seats', [
    { key: 'email', label: 'E-mail', value: (r) => r.email }, { key: 'name', label: 'Name', value: (r) => r.name },
    { key: 'seats', label: 'Seats', value: (r) => r.accounts.map((a) => `${vendorName(a.vendor)} ${a.status}`).join(', ') },
    { key: 'lastActiveAt', label: 'Last active', value: (r) => r.lastActiveAt, text: (r) => day(r.lastActiveAt) }]],
};
const SMALL = new Set(['vendors', 'freshness', 'utilization']);
const PERSONAL = { idle: 'idle', neverUsed: 'never-used', overlapping: 'overlapping' };

const tables = {};
const freshness = { Seats: [], Usage: [] };
let chart = null;

/** The table named `name`, built on first use (or again after a notice replaced it). */
function table(name) {
  if (!tables[name]) {
    const [slot, caption, columns] = TABLES[name];
    tables[name] = new DataTable($(slot), { columns, caption, filter: !SMALL.has(name), sortable: !SMALL.has(name) });
  }
  return tables[name];
}

/** One entry of errors[] in words: [STALE · ]Tabnine · VENDOR_UNAVAILABLE: the API's message. */
function describe(error) {
  const extensions = error.extensions ?? {};
  const what = [extensions.warning, vendorName(extensions.vendor), extensions.code].filter(Boolean).join(' · ');
  return what ? `${what}: ${error.message}` : error.message;
}

export function showMessages(list, errors) {
  list.replaceChildren(...errors.map((error) => {
    const item = document.createElement('li');
    item.className = error.extensions?.warning ? 'warning' : 'error';
    item.textContent = describe(error);
    return item;
  }));
}

const isPersonalRefusal = (e) => e.extensions?.code === 'FORBIDDEN' && e.path?.[0] === 'seats' && e.path[1] in PERSONAL;

export function showFreshness() {
  const rows = Object.entries(freshness).flatMap(([data, list]) => list.map((f) => ({ data, ...f })));
  table('freshness').setRows(rows);
  $('status').classList.toggle('has-stale', rows.some((r) => r.stale));
}

/** A line under a section's title: each vendor's fetch time, cached or STALE. */
function freshnessLine(target, list) {
  target.replaceChildren(...list.flatMap((f, i) => {
    const parts = [`${i ? ' · ' : 'Data: '}${vendorName(f.vendor)} fetched ${dateTime(f.fetchedAt)}`
      + `${f.cached ? ' (from cache)' : ''}`];
    if (f.stale) {
      const badge = document.createElement('strong');
      badge.className = 'badge stale';
      badge.textContent = 'STALE';
      badge.title = 'The vendor failed; this is its last good data, past its cache lifetime';
      parts.push(' ', badge);
    }
    return parts;
  }));
}

export function showOverview({ data, errors }) {
  table('vendors').setRows(data?.vendors ?? []);
  showMessages($('status-messages'), errors.filter((e) => e.path?.[0] === 'vendors'));
  const seats = data?.seats;
  table('utilization').setRows(seats?.utilization ?? []);
  freshness.Seats = seats?.freshness ?? [];
  showFreshness();
  freshnessLine($('seats-freshness'), freshness.Seats);
  showMessages($('seats-messages'), errors.filter((e) => e.path?.[0] !== 'vendors' && !isPersonalRefusal(e)));
  for (const [field, section] of Object.entries(PERSONAL)) {
    showPersonal(field, $(section), seats?.[field], errors.find((e) => isPersonalRefusal(e) && e.path[1] === field));
  }
}

/** A personal table, or a notice saying why it is not shown (for FORBIDDEN: the role, in the API's words). */
function showPersonal(field, section, rows, refusal) {
  const button = section.querySelector('button.csv');
  if (rows == null) {
    delete tables[field];
    const notice = document.createElement('p');
    notice.className = 'notice';
    notice.textContent = refusal ? `Not shown: ${refusal.message}`
      : 'Not available: the seat report did not arrive (see the messages under Seat utilisation).';
    section.querySelector('.table-slot').replaceChildren(notice);
    button.hidden = true;
    section.dataset.state = refusal ? 'forbidden' : 'missing';
    return;
  }
  button.hidden = false;
  section.dataset.state = 'shown';
  table(field).setRows(rows);
}

export function showUsage({ data, errors }, metric) {
  const buckets = data?.usage?.buckets ?? [];
  freshness.Usage = data?.usage?.freshness ?? [];
  showFreshness();
  freshnessLine($('usage-freshness'), freshness.Usage);
  showMessages($('usage-messages'), errors);
  table('buckets').setRows(buckets);
  chart ??= new UsageChart($('chart'));
  chart.show(buckets, metric, METRICS.find(([key]) => key === metric)[1], vendorName);
}

export function showTeams({ data, errors }) {
  table('teams').setRows(data?.teams ?? []);
  showMessages($('teams-messages'), errors);
}
