// How the dashboard writes figures, dates and windows. Every date is UTC, as in the API.

const DAY_MS = 86_400_000;

/** Windsurf, Tabnine: the vendor enum as people write it. */
export function vendorName(vendor) {
  return vendor ? vendor.charAt(0) + vendor.slice(1).toLowerCase() : '';
}

/** A figure for a table cell: thousands separators, two decimal places for decimal figures (credits, cost). */
export function figure(value, decimals = false) {
  if (value == null) {
    return null;
  }
  return decimals
    ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : value.toLocaleString('en-US');
}

/** 2026-11-01 */
export function day(instant) {
  return instant ? new Date(instant).toISOString().slice(0, 10) : null;
}

/** 2026-11-01 09:30 UTC */
export function dateTime(instant) {
  return instant ? `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC` : null;
}

function midnight(date) {
  return `${date}T00:00:00Z`;
}

function addDays(date, days) {
  return new Date(Date.parse(midnight(date)) + days * DAY_MS).toISOString().slice(0, 10);
}

export function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The window the user chose, as the API takes it: half-open [from, to) at UTC midnights. "Last N days" ends with
 * today (included), so it is [today - N + 1, tomorrow), as the README's examples have it; a custom window includes
 * its last day.
 */
export function windowOf(choice) {
  const first = choice.days ? addDays(today(), 1 - choice.days) : choice.from;
  const end = choice.days ? addDays(today(), 1) : addDays(choice.to, 1);
  return { from: midnight(first), to: midnight(end), firstDay: first, lastDay: addDays(end, -1), endDay: end };
}

/** The window in words, for the page. */
export function windowText(window) {
  const days = Math.round((Date.parse(window.to) - Date.parse(window.from)) / DAY_MS);
  return `${window.firstDay} to ${window.lastDay} (UTC), ${days} day${days === 1 ? '' : 's'}`;
}
