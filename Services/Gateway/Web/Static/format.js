// Pure formatting helpers (no DOM): Vietnamese dates, numbers, periods and labels.

/** Pads a number to two digits. */
export function pad2(n) {
  return String(n).padStart(2, '0');
}

/** Today's local date as "yyyy-MM-dd". */
export function todayIso(now = new Date()) {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/**
 * Formats a date as dd/MM/yyyy. Accepts "yyyy-MM-dd" (read as a calendar day, no time zone shift),
 * an ISO date-time (shown in local time) or a Date. Returns "" for empty input, the input for unparsable text.
 */
export function formatDate(value) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Formats an ISO date-time as "dd/MM/yyyy HH:mm" in local time. */
export function formatDateTime(value) {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${formatDate(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * Formats a number the Vietnamese way: thousands dot, decimal comma, at most `maxFraction` decimals,
 * trailing zeros dropped (1234.5 → "1.234,5"). Returns "" for null/undefined/NaN.
 */
export function formatNumber(value, maxFraction = 2) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '';
  const n = Number(value);
  const negative = n < 0;
  let [int, frac = ''] = Math.abs(n).toFixed(maxFraction).split('.');
  frac = frac.replace(/0+$/, '');
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = frac ? `${int},${frac}` : int;
  return negative && text !== '0' ? `-${text}` : text;
}

/** Formats a percentage: 85.46 → "85,5%". */
export function formatPercent(value, maxFraction = 1) {
  const text = formatNumber(value, maxFraction);
  return text === '' ? '' : `${text}%`;
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

/** The period key containing a day: month "2025-11", quarter "2025-Q4", halfYear "2025-H2", year "2025". */
export function periodOf(frequency, isoDay) {
  const [y, m] = isoDay.split('-').map(Number);
  switch (frequency) {
    case 'month': return `${y}-${pad2(m)}`;
    case 'quarter': return `${y}-Q${Math.ceil(m / 3)}`;
    case 'halfYear': return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'year': return `${y}`;
    default: return null;
  }
}

/** The period key just before `key` (same frequency). */
export function previousPeriod(key) {
  let m;
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const y = +m[1], mo = +m[2];
    return mo === 1 ? `${y - 1}-12` : `${y}-${pad2(mo - 1)}`;
  }
  if ((m = /^(\d{4})-([QH])(\d)$/.exec(key))) {
    const y = +m[1], n = +m[3];
    const last = m[2] === 'Q' ? 4 : 2;
    return n === 1 ? `${y - 1}-${m[2]}${last}` : `${y}-${m[2]}${n - 1}`;
  }
  if (/^\d{4}$/.test(key)) return String(+key - 1);
  return null;
}

/**
 * Period keys from the one containing `toIso` back to the one containing `fromIso` (newest first),
 * at most `limit` of them.
 */
export function periodsBetween(frequency, fromIso, toIso, limit = 24) {
  const last = periodOf(frequency, toIso);
  if (!last) return [];
  const first = fromIso ? periodOf(frequency, fromIso) : null;
  const out = [];
  for (let key = last; key && out.length < limit; key = previousPeriod(key)) {
    out.push(key);
    if (key === first || (first && key < first)) break;
  }
  return out;
}

/** Vietnamese name of a period key, as the server writes it: "Tháng 11/2025", "Quý III/2025", "6 tháng cuối năm 2025", "Năm 2025". */
export function periodText(key) {
  let m;
  if (!key) return '';
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return `Tháng ${+m[2]}/${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return `Quý ${['I', 'II', 'III', 'IV'][+m[2] - 1]}/${m[1]}`;
  if ((m = /^(\d{4})-H(\d)$/.exec(key))) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  if (/^\d{4}$/.test(key)) return `Năm ${key}`;
  return key;
}

export const TASK_STATES = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  submitted: 'Chờ thẩm định',
  needsRework: 'Bị trả lại, cần bổ sung',
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
};

export const KPI_STATUSES = {
  met: 'Đạt',
  onTrack: 'Đúng lộ trình',
  atRisk: 'Có nguy cơ không đạt',
  red: 'Cảnh báo đỏ',
  notReported: 'Chưa báo cáo',
  noTarget: 'Chưa có chỉ tiêu',
};

export const REPORT_STATES = {
  draft: 'Bản nháp',
  submitted: 'Chờ thẩm định',
  needsRework: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
};

export const EVENT_KINDS = {
  progress: 'Cập nhật tiến độ',
  claim: 'Đề nghị hoàn thành',
  submit: 'Gửi thẩm định',
  accept: 'Chấp nhận',
  sendBack: 'Trả lại',
  report: 'Báo cáo số liệu',
};

export const FREQUENCIES = { month: 'Hằng tháng', quarter: 'Hằng quý', halfYear: '6 tháng một lần', year: 'Hằng năm' };

export const MEASURES = { percent: 'Tỷ lệ (%)', count: 'Số lượng', index: 'Chỉ số', money: 'Giá trị tiền', done: 'Hoàn thành/chưa' };

export const ROLES = {
  staff: 'Chuyên viên', head: 'Trưởng đơn vị', reviewer: 'Thẩm định', steering: 'Ban Chỉ đạo',
  inspector: 'Kiểm tra', admin: 'Quản trị',
};

/** Looks a key up in one of the label maps above, falling back to the key itself. */
export function label(map, key) {
  return (key && map[key]) || key || '';
}
