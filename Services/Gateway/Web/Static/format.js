// Pure formatting helpers (no DOM): dates and numbers the Vietnamese way, through Intl in Vietnam's time zone.

/** The time zone of every date people read. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The parts of `date` in Vietnam: {day, month, year, hour, minute} as two-digit (year four-digit) strings. */
function vietnamParts(date, format = dayFormat) {
  return Object.fromEntries(format.formatToParts(date).filter((p) => p.type !== 'literal').map((p) => [p.type, p.value]));
}

/** A Date from a Date, an ISO date-time, or "yyyy-MM-dd" (a day in Vietnam: its first instant there); null if none. */
function instant(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const text = String(value);
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+07:00` : text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Today in Vietnam as "yyyy-MM-dd" (the browser's zone does not matter). */
export function todayIso(now = new Date()) {
  const p = vietnamParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * Formats a date as dd/MM/yyyy in Vietnam. Accepts "yyyy-MM-dd" (a day in Vietnam), an ISO date-time or a Date
 * (shown as the day it is in Vietnam). Returns "" for empty input, the input for unparsable text.
 */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') return '';
  const d = instant(value);
  if (!d) return String(value);
  const p = vietnamParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Formats an instant as "dd/MM/yyyy HH:mm" in Vietnam. */
export function formatDateTime(value) {
  if (!value) return '';
  const d = instant(value);
  if (!d) return String(value);
  const p = vietnamParts(d, timeFormat);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const numberFormats = new Map();

/** The vi-VN number format with at most `maxFraction` decimals (made once per precision). */
function numberFormat(maxFraction, style = 'decimal') {
  const key = `${style}:${maxFraction}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat('vi-VN', { style, maximumFractionDigits: maxFraction, signDisplay: 'negative' }));
  }
  return numberFormats.get(key);
}

/**
 * Formats a number the Vietnamese way with Intl.NumberFormat('vi-VN'): thousands dot, decimal comma, at most
 * `maxFraction` decimals, trailing zeros dropped (1234.5 → "1.234,5"). Returns "" for null/undefined/NaN.
 */
export function formatNumber(value, maxFraction = 2) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '';
  return numberFormat(maxFraction).format(Number(value));
}

/** Formats a percentage given in percent: 85.46 → "85,5%". */
export function formatPercent(value, maxFraction = 1) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '';
  return numberFormat(maxFraction, 'percent').format(Number(value) / 100);
}

/**
 * Parses a number typed by a Vietnamese user. "1.234,5" → 1234.5; "12,5" → 12.5; "1.234" → 1234;
 * "12.5" (a single dot not followed by exactly three digits) → 12.5. Returns NaN when it is not a number.
 */
export function parseNumber(text) {
  if (typeof text === 'number') return text;
  let s = String(text ?? '').trim().replace(/\s/g, '');
  if (s === '') return NaN;
  if (s.includes(',')) {
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/** numerator / denominator × 100, or null when it cannot be computed. */
export function ratioPercent(numerator, denominator) {
  const a = Number(numerator), b = Number(denominator);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return (a / b) * 100;
}

/** Formats a byte count: 1536 → "1,5 KB". */
export function formatBytes(size) {
  if (size === null || size === undefined) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = Number(size), i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i += 1; }
  return `${formatNumber(n, i === 0 ? 0 : 1)} ${units[i]}`;
}

// Labels and periods come from the server (vocabulary.js). page-tasks.js and page-kpi.js still import these
// from here; the tables are filled from sys.vocabulary, not written in the console.
export {
  EVENT_KINDS, FREQUENCIES, label, MEASURES, periodsBetween, periodText, TASK_STATES,
} from './vocabulary.js';
