// Tổng quan, the first screen: headline figures, then "where to act" (the units below, most red flags first),
// then the flags grouped by unit and rule, and the monthly trends. Data from one call (tasks.overview) plus the KPI
// dashboard's totals.
import { badge, h, table } from './dom.js';
import { formatDate, formatNumber, formatPercent } from './format.js';
import { lineChart } from './charts.js';
import { kpiTone } from './common.js';
import { stateOrder } from './overview-details.js';
import { overviewHash } from './overview-link.js';
import { scoreCell, unitLink } from './overview-ranking.js';
import { hasRole, namesIn, unitName } from './state.js';
import { labelOf, termsOf } from './vocabulary.js';

/** Rows of "where to act" shown before "Xem tất cả". */
const TOP_UNITS = 8;
/** Flag groups shown before "Xem tất cả". */
const TOP_GROUPS = 8;

function tile(key, label, value, sub, tone) {
  return h('div', { class: ['tile', tone ? `tile-${tone}` : null], dataset: { tile: key } },
    h('span', { class: 'tile-label' }, label),
    h('strong', { class: 'tile-value' }, value),
    sub ? h('span', { class: 'tile-sub' }, sub) : null);
}

/** "Quá hạn 3 · Thiếu báo cáo 9", each a link that filters the flags by that rule when `filters` is given. */
function byRule(counts, filters) {
  const entries = Object.entries(counts || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  return entries.flatMap(([rule, n], i) => [
    i ? ' · ' : null,
    filters
      ? h('a', { href: overviewHash({ ...filters, rule }), dataset: { rule } }, `${labelOf('flagRules', rule)} ${formatNumber(n)}`)
      : `${labelOf('flagRules', rule)} ${formatNumber(n)}`,
  ]);
}

/** "3 đề nghị hoàn thành · 1 báo cáo chỉ tiêu · 2 đề nghị công khai", the kinds that wait. */
function waitingParts(waiting) {
  const parts = [[waiting.taskClaim, 'đề nghị hoàn thành'], [waiting.kpiValue, 'báo cáo chỉ tiêu'], [waiting.publication, 'đề nghị công khai minh chứng']]
    .filter(([n]) => n > 0).map(([n, text]) => `${formatNumber(n)} ${text}`);
  return parts.length ? parts.join(' · ') : 'Không có hồ sơ nào chờ';
}

/** The "Chờ thẩm định" tile: everything waiting below the unit (from the review queues, which are today's), or the
 * task claims alone when the queues could not be read. */
function reviewTile(hd, waiting, past) {
  const count = waiting ? waiting.total : hd.waitingReview;
  const value = hasRole('reviewer') ? h('a', { href: '#/tham-dinh' }, formatNumber(count)) : formatNumber(count);
  const sub = waiting ? [waitingParts(waiting), past ? h('span', { class: 'muted' }, ' (hiện tại)') : null] : 'đề nghị hoàn thành, báo cáo kỳ';
  return tile('review', 'Chờ thẩm định', value, sub, count ? 'blue' : null);
}

/** The headline tiles: tasks by state, on-time rate, red flags by rule, KPIs by status, reviews waiting, period reports.
 * `waiting` counts the review queues by kind (null if unread); `past` says the overview is of a past day. */
export function renderHeadline(o, kpi, filters, waiting, past) {
  const hd = o.headline;
  const states = stateOrder().filter((k) => hd.byState?.[k]).map((k) => `${labelOf('taskStates', k)} ${formatNumber(hd.byState[k])}`).join(' · ');
  const kpiBy = kpi?.total?.byStatus || {};
  const kpiTotal = Object.values(kpiBy).reduce((a, b) => a + b, 0);
  const kpiParts = termsOf('completionStatuses').filter((t) => kpiBy[t.value])
    .map((t) => h('span', { class: `kpi-part tone-${kpiTone(t.value)}` }, `${t.label} ${formatNumber(kpiBy[t.value])}`));
  return h('section', { id: 'overview-headline', class: 'headline', 'aria-label': 'Số liệu chính' },
    tile('tasks', 'Nhiệm vụ', formatNumber(hd.tasks), states || 'Chưa có nhiệm vụ'),
    tile('on-time', 'Đúng hạn', hd.onTimePercent === null || hd.onTimePercent === undefined ? '—' : formatPercent(hd.onTimePercent),
      `${formatNumber(hd.tasksOnTime)}/${formatNumber(hd.tasksDue)} nhiệm vụ đến hạn`),
    tile('red', 'Cờ đỏ', formatNumber(hd.red), byRule(hd.redByRule, filters) || 'Không có cờ đỏ', hd.red ? 'red' : 'green'),
    tile('reports', 'Báo cáo định kỳ', hd.reportsDue ? `${formatNumber(hd.reportsOnTime)}/${formatNumber(hd.reportsDue)}` : '—',
      hd.reportsDue ? `kỳ đúng hạn; thiếu ${formatNumber(hd.reportsMissing)} kỳ` : 'Chưa có kỳ nào đến hạn', hd.reportsMissing ? 'yellow' : null),
    tile('kpi', 'Chỉ tiêu', kpi ? formatNumber(kpiTotal) : '—', kpi ? kpiParts.flatMap((p, i) => [i ? ' · ' : null, p]) : 'Không tải được chỉ tiêu'),
    reviewTile(hd, waiting, past));
}

/** "Nơi cần xử lý": the units directly below, most red flags first, each one click from its own overview.
 * `waiting` maps each unit to what waits for review in it and below (all kinds); without it, task claims alone. */
export function renderWhereToAct(o, waiting) {
  const rows = o.units || [];
  if (!rows.length) return h('p', { class: 'empty' }, 'Đơn vị này không có đơn vị trực thuộc; xem cờ đỏ theo nhiệm vụ bên dưới.');
  const columns = [
    { label: 'Đơn vị', cell: (u) => unitLink(u.unitId) },
    { label: 'Cờ đỏ', cell: (u) => (u.red ? badge(formatNumber(u.red), 'red') : h('span', { class: 'muted' }, '0')), class: 'num' },
    { label: 'Theo loại', cell: (u) => h('span', { class: 'small' }, byRule(u.redByRule) || '—') },
    { label: 'Điểm', cell: (u) => scoreCell(u.score) },
    { label: 'Hạng', cell: (u) => (u.score.rank ? formatNumber(u.score.rank) : h('span', { class: 'muted', title: u.score.notRanked || '' }, '—')), class: 'num' },
    { label: 'Chờ thẩm định', cell: (u) => formatNumber(waiting ? waiting.get(u.unitId) || 0 : u.waitingReview), class: 'num' },
  ];
  const attrs = (u) => ({ class: 'act-row', dataset: { unit: u.unitId, red: u.red } });
  const top = table(columns, rows.slice(0, TOP_UNITS), { rowAttrs: attrs });
  if (rows.length <= TOP_UNITS) return top;
  const more = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'where-to-act-all' }, `Xem tất cả ${formatNumber(rows.length)} đơn vị`);
  const box = h('div', {}, top, h('div', { class: 'actions' }, more));
  more.addEventListener('click', () => box.replaceChildren(table(columns, rows, { rowAttrs: attrs })));
  return box;
}

function groupTitle(g) {
  return g.areaUnitId && g.areaUnitId !== g.unitId ? `${unitName(g.areaUnitId)} › ${unitName(g.unitId)}` : unitName(g.unitId);
}

function flagGroup(g) {
  return h('details', { class: `flag-group flag-${g.level}`, dataset: { rule: g.rule, level: g.level, unit: g.unitId, area: g.areaUnitId, count: g.count } },
    h('summary', {},
      badge(g.level === 'red' ? 'Cờ đỏ' : 'Cảnh báo', g.level === 'red' ? 'red' : 'yellow'), ' ',
      h('strong', {}, groupTitle(g)), ` — ${labelOf('flagRules', g.rule)}: ${formatNumber(g.count)}`),
    h('ul', { class: 'flag-items' }, g.items.map((item) => h('li', { dataset: { task: item.taskId } },
      h('a', { href: `#/nhiem-vu/${encodeURIComponent(item.taskId)}` }, item.taskTitle || item.taskId),
      h('p', { class: 'small' }, namesIn(item.detail)),
      h('p', { class: 'muted small' }, `Từ ngày ${formatDate(item.since)}`)))));
}

/** Flags grouped by unit and rule (most first); `loadAll()` gives the full flat list, one click away. */
export function renderFlagGroups(o, loadAll) {
  const groups = o.flagGroups || [];
  const list = h('div', { id: 'flag-groups', class: 'flag-groups' }, groups.slice(0, TOP_GROUPS).map(flagGroup));
  const buttons = h('div', { class: 'actions' });
  if (groups.length > TOP_GROUPS) {
    const more = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'flag-groups-all' }, `Xem tất cả ${formatNumber(groups.length)} nhóm`);
    more.addEventListener('click', () => { list.replaceChildren(...groups.map(flagGroup)); more.remove(); });
    buttons.append(more);
  }
  const full = h('div', { id: 'flags-full' });
  const all = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'flags-full-open' }, 'Danh sách đầy đủ từng cảnh báo');
  all.addEventListener('click', async () => { all.disabled = true; await loadAll(full); all.remove(); });
  buttons.append(all);
  return [groups.length ? list : h('p', { class: 'empty' }, 'Không có cờ đỏ hay cảnh báo nào.'), buttons, full];
}

/** Month labels "MM/yyyy". */
function monthLabel(key) {
  const [y, m] = key.split('-');
  return `${m}/${y}`;
}

/** The KPI-completion chart: the share of the unit's indicators due that were met or on track at each month's end. */
function kpiTrendChart(kpiTrend) {
  const months = kpiTrend?.months || [];
  if (!months.length) return h('p', { class: 'empty' }, 'Không tải được xu hướng chỉ tiêu.');
  if (months.every((m) => m.percent == null)) {
    return h('figure', { class: 'chart-figure chart-empty' }, h('figcaption', { class: 'chart-title' }, 'Tỷ lệ chỉ tiêu đạt hoặc đúng lộ trình (%)'),
      h('p', { class: 'empty' }, 'Đơn vị chưa có chỉ tiêu nào đến kỳ báo cáo và có mục tiêu để so sánh.'));
  }
  return lineChart(months.map((m) => ({ label: monthLabel(m.month), value: m.percent,
    valueText: m.percent == null ? 'chưa có chỉ tiêu đến kỳ' : `${formatPercent(m.percent)} (${formatNumber(m.achieved)}/${formatNumber(m.assessed)})` })),
  { title: 'Tỷ lệ chỉ tiêu đạt hoặc đúng lộ trình (%)', valueLabel: 'Đạt, đúng lộ trình (%)', expectedLabel: null, yMax: 100, caption: true });
}

/** Three monthly charts: the on-time rate, the red flags open at each month's end, and KPI completion. */
export function renderTrend(o, kpiTrend) {
  const trend = o.trend || [];
  if (!trend.length) return h('p', { class: 'empty' }, 'Chưa có số liệu theo tháng.');
  return h('div', { class: 'grid-2 tight trend' },
    lineChart(trend.map((m) => ({ label: monthLabel(m.month), value: m.onTimePercent, valueText: m.onTimePercent === null ? '' : formatPercent(m.onTimePercent) })),
      { title: 'Tỷ lệ nhiệm vụ đến hạn hoàn thành đúng hạn (%)', valueLabel: 'Đúng hạn (%)', expectedLabel: null, yMax: 100, caption: true }),
    lineChart(trend.map((m) => ({ label: monthLabel(m.month), value: m.red })),
      { title: 'Cờ đỏ đang mở cuối tháng', valueLabel: 'Cờ đỏ', expectedLabel: null, caption: true }),
    kpiTrendChart(kpiTrend));
}
