// The server's words: labels of states, statuses, roles, bands, flag rules and actions, and reporting periods
// with their names and bounds, from sys.vocabulary (loaded once at start, kept in memory). The console keeps
// no label or calendar of its own: what is not here is shown as the server sent it.
import { call } from './api.js';

/** How many periods of each kind are loaded around the day being viewed (two years of months). */
export const PERIODS_LOADED = 24;

let words = new Map();        // list name → Map(value → {value, label, detail})
let periods = new Map();      // period key → {key, kind, label, start, end}
let loadedDay = null;         // the day the loaded periods are around
let today = null;             // today by the gateway's clock

// Tables by value, for pages that still import them from format.js (page-tasks.js, page-kpi.js): filled
// from the server's vocabulary when it loads, never written here.
export const TASK_STATES = {};
export const EVENT_KINDS = {};
export const FREQUENCIES = {};
export const MEASURES = {};

function fill(table, entries) {
  Object.keys(table).forEach((key) => delete table[key]);
  entries.forEach(([value, text]) => { table[value] = text; });
}

function pairs(list) {
  return [...(words.get(list)?.values() || [])].map((t) => [t.value, t.label]);
}

/** Takes a vocabulary object as sys.vocabulary answers it (its lists, periods and today). */
export function useVocabulary(vocabulary) {
  words = new Map();
  for (const [name, list] of Object.entries(vocabulary || {})) {
    if (Array.isArray(list) && name !== 'periods') words.set(name, new Map(list.map((t) => [t.value, t])));
  }
  periods = new Map();
  addPeriods(vocabulary?.periods);
  today = vocabulary?.today || null;
  fill(TASK_STATES, pairs('taskStates'));
  fill(EVENT_KINDS, pairs('taskHistoryKinds'));
  fill(FREQUENCIES, pairs('periodKinds'));
  fill(MEASURES, pairs('measures'));
}

/** Adds periods (from sys.vocabulary) to those known. */
export function addPeriods(list) {
  (list || []).forEach((p) => periods.set(p.key, p));
}

/** Loads the vocabulary with the periods around `day` (yyyy-MM-dd; the server's today when absent). */
export async function loadVocabulary(day) {
  const vocabulary = await call('sys.vocabulary', { day, count: PERIODS_LOADED });
  useVocabulary(vocabulary);
  loadedDay = day || vocabulary.today;
}

/** Makes sure the periods around `day` are known (one call when the day is new). */
export async function ensurePeriodsAround(day) {
  if (!day || day === loadedDay) return;
  const r = await call('sys.vocabulary', { day, count: PERIODS_LOADED });
  addPeriods(r.periods);
  loadedDay = day;
}

/** Makes sure the named period keys are known (one call for those that are not). */
export async function ensurePeriods(keys) {
  const missing = [...new Set((keys || []).filter((k) => k && !periods.has(k)))];
  if (!missing.length) return;
  const r = await call('sys.vocabulary', { keys: missing, count: 1, kind: 'year' });
  addPeriods(r.periods);
}

/** Today by the gateway's clock (yyyy-MM-dd), once the vocabulary is loaded; null before. */
export function serverToday() {
  return today;
}

/** The label of `value` in list `list` (e.g. 'taskStates', 'completionStatuses'); the value itself when unknown. */
export function labelOf(list, value) {
  if (value === null || value === undefined || value === '') return '';
  return words.get(list)?.get(value)?.label || String(value);
}

/** The longer wording of `value` in `list` (a flag rule as the plans state it), or ''. */
export function detailOf(list, value) {
  return words.get(list)?.get(value)?.detail || '';
}

/** The terms of a list, in the order of the server type's cases: [{value, label, detail}]. */
export function termsOf(list) {
  return [...(words.get(list)?.values() || [])];
}

/** The value of `list` whose value or label is `text` (a server that sends the label instead of the value). */
export function valueOf(list, text) {
  const terms = words.get(list);
  if (!terms || !text) return null;
  if (terms.has(text)) return text;
  return termsOf(list).find((t) => t.label === text)?.value || null;
}

/** Looks a key up in one of the tables by value above, falling back to the key itself. */
export function label(table, key) {
  return (key && table[key]) || key || '';
}

/** The Vietnamese name of a period key, as the server names it ("Quý IV/2026"); the key itself when unknown. */
export function periodText(key) {
  if (!key) return '';
  return periods.get(key)?.label || key;
}

/** The known period of kind `kind` that contains `day` (yyyy-MM-dd), or null. */
export function periodOf(kind, day) {
  for (const p of periods.values()) if (p.kind === kind && p.start <= day && day <= p.end) return p.key;
  return null;
}

/**
 * Period keys of kind `kind` from the one containing `toDay` back to the one containing `fromDay` (newest first,
 * the first always), at most `limit`, from the periods the server named.
 */
export function periodsBetween(kind, fromDay, toDay, limit = PERIODS_LOADED) {
  const newest = [...periods.values()].filter((p) => p.kind === kind && p.start <= toDay)
    .sort((a, b) => (a.start < b.start ? 1 : -1));
  const out = [];
  for (const p of newest) {
    if (out.length >= limit || (out.length && fromDay && p.end < fromDay)) break;
    out.push(p.key);
  }
  return out;
}
