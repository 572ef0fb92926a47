// Báo cáo định kỳ: a unit's periodic report for a month or a quarter, as a page that prints on A4
// (one table per part, header rows repeated on every page) and as an XLSX download.
import { announce, h, loadInto, select } from './dom.js';
import { formatDate, formatNumber, formatPercent } from './format.js';
import { state } from './state.js';
import { ensurePeriods, periodText, serverToday } from './vocabulary.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The last six months and the last four quarters up to `today` (yyyy-MM-dd), newest first. */
export function periodChoices(today) {
  const [year, month] = today.split('-').map(Number);
  const months = [];
  const quarters = [];
  for (let i = 0; i < 6; i += 1) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  for (let i = 0; i < 4; i += 1) {
    const q = Math.floor((month - 1) / 3) - i;
    const y = year + Math.floor(q / 4);
    quarters.push(`${y}-Q${((q % 4) + 4) % 4 + 1}`);
  }
  return { months, quarters };
}

/** A cell of a report table as a person reads it (the server's typed cell and the column's kind). */
export function cellText(cell, kind) {
  if (cell === null || cell === undefined || cell === '') return '—';
  if (typeof cell === 'object' && cell.date) return formatDate(cell.date);
  if (typeof cell === 'number') {
    if (kind === 'percent') return formatPercent(cell, 1);
    if (kind === 'integer') return formatNumber(cell, 0);
    return formatNumber(cell, 2);
  }
  return String(cell);
}

/** Columns people read: codes ("Mã đơn vị", "Mã nhiệm vụ" …) stay in the XLSX and JSON, not on the page. */
export function readableColumns(columns) {
  return columns.map((c, i) => ({ ...c, index: i })).filter((c) => !c.title.startsWith('Mã '));
}

/** One part of the report: its title and its table, or a line saying there is nothing. */
function part(sheet, index) {
  const numeric = (kind) => ['integer', 'decimal', 'percent'].includes(kind);
  const columns = readableColumns(sheet.columns);
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: numeric(c.kind) ? 'num' : null }, c.title))));
  const body = h('tbody', {}, sheet.rows.map((row) => h('tr', {}, columns.map((c) => h('td', {
    class: [numeric(c.kind) ? 'num' : null, c.kind === 'date' ? 'day' : null, c.title === 'SHA-256' ? 'hash' : null].filter(Boolean).join(' ') || null,
    'data-label': c.title,
  }, cellText(row[c.index], c.kind))))));
  return h('section', { class: 'report-part', id: `report-part-${index}` },
    h('h2', {}, `${index + 1}. ${sheet.name}`),
    sheet.rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'report-table' }, head, body))
      : h('p', { class: 'empty' }, 'Không có mục nào trong kỳ.'));
}

/** The report itself: title, unit, period and dates, then every part. */
function reportView(r) {
  return h('article', { class: 'report', id: 'report', dataset: { period: r.period, unit: r.unitId } },
    h('header', { class: 'report-head' },
      h('h1', {}, `Báo cáo định kỳ ${r.periodText}`),
      h('p', { class: 'report-unit' }, r.unitName),
      h('p', { class: 'muted' }, `Kỳ báo cáo từ ${formatDate(r.from)} đến ${formatDate(r.to)} · số liệu tính đến ngày ${formatDate(r.asOf)} · lập ngày ${formatDate(r.madeOn)}`)),
    r.parts.map(part));
}

/** Renders the periodic report page; `param` may name a period (2026-Q4, 2026-11). */
export async function render(main, param) {
  const today = serverToday() || new Date().toISOString().slice(0, 10);
  const { months, quarters } = periodChoices(today);
  await ensurePeriods([...quarters, ...months]).catch(() => {});
  const chosen = param || quarters[0];
  const options = [...quarters, ...months].map((key) => ({ value: key, text: periodText(key) || key }));
  const period = select({ id: 'report-period', name: 'period' }, options, chosen);
  const xlsx = h('a', { id: 'report-xlsx', class: 'btn btn-secondary', href: '#' }, 'Tải XLSX');
  const print = h('button', { type: 'button', id: 'report-print', class: 'btn btn-secondary' }, 'In báo cáo');
  const form = h('form', { class: 'filters no-print', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'report-period' }, 'Kỳ báo cáo'), period),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', id: 'report-show', class: 'btn btn-primary' }, 'Xem')),
    h('div', { class: 'field field-button' }, xlsx),
    h('div', { class: 'field field-button' }, print));
  const body = h('div', { id: 'report-body' });
  main.append(h('p', { class: 'no-print muted' }, 'Báo cáo của đơn vị đang chọn; in ra A4 khổ ngang, mỗi phần một bảng, tiêu đề bảng lặp lại trên mỗi trang.'), form, body);
  const query = () => new URLSearchParams({ unitId: state.unitId, period: period.value });
  const load = () => {
    xlsx.href = `/export/report?${query()}&format=xlsx`;
    return loadInto(body, async () => {
      const response = await fetch(`/export/report?${query()}`, { credentials: 'same-origin' });
      const json = await response.json();
      if (!response.ok || json.error) throw new Error(json.error?.message || `Lỗi ${response.status}`);
      return json.result;
    }, reportView);
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = `#/bao-cao/${period.value}`; });
  print.addEventListener('click', () => { announce('Đang mở hộp thoại in…'); window.print(); });
  await load();
}
