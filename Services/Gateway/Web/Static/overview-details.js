// Tổng quan, below the summary: task and KPI dashboards, an indicator's series, the unit's history.
import { call } from './api.js';
import { badge, h, loadInto, section, select, table } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import { lineChart, stackedBars } from './charts.js';
import { csvButton, kpiTone } from './common.js';
import { namesIn, state, unitName } from './state.js';
import { labelOf, periodText, termsOf } from './vocabulary.js';
import { targetText } from './targets.js';

/** The order of task states in the bars (done first); a state the server adds comes last. */
const DONE_FIRST = ['completedOnTime', 'completedLate', 'submitted', 'inProgress', 'needsRework', 'notStarted'];

/** Task states in display order: done first. */
export function stateOrder() {
  const known = termsOf('taskStates').map((t) => t.value);
  return [...DONE_FIRST.filter((k) => known.includes(k)), ...known.filter((k) => !DONE_FIRST.includes(k))];
}

function barRow(entry, labelText) {
  const by = entry.byState || {};
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  return {
    label: labelText,
    total,
    done: (by.completedOnTime || 0) + (by.completedLate || 0),
    segments: stateOrder().map((k) => ({ key: k, value: by[k] || 0, text: labelOf('taskStates', k) })),
  };
}

function legend() {
  return stateOrder().map((k) => ({ key: k, text: labelOf('taskStates', k) }));
}

function renderTaskDashboard([dash, plans]) {
  const groupTitles = new Map();
  (plans.plans || []).forEach((p) => (p.groups || []).forEach((g) => { if (!groupTitles.has(g.code)) groupTitles.set(g.code, g.title); }));
  const t = dash.total || { byState: {} };
  return [
    h('ul', { class: 'chips' },
      stateOrder().map((k) => h('li', { class: `chip state-${k}` }, `${labelOf('taskStates', k)}: ${formatNumber(t.byState?.[k] || 0)}`)),
      h('li', { class: 'chip chip-red' }, `Cờ đỏ: ${formatNumber(t.red || 0)}`),
      h('li', { class: 'chip chip-yellow' }, `Cảnh báo: ${formatNumber(t.yellow || 0)}`)),
    h('h3', {}, 'Theo nhóm nhiệm vụ'),
    (dash.byGroup || []).length
      ? stackedBars(dash.byGroup.map((g) => barRow(g, `${g.key}. ${groupTitles.get(g.key) || ''}`.trim())), { title: 'Hoàn thành theo nhóm nhiệm vụ', legend: legend() })
      : h('p', { class: 'empty' }, 'Chưa có nhiệm vụ.'),
    h('h3', {}, 'Theo đơn vị'),
    (dash.byUnit || []).length
      ? stackedBars(dash.byUnit.map((u) => barRow(u, unitName(u.key))), { title: 'Hoàn thành theo đơn vị', legend: legend() })
      : h('p', { class: 'empty' }, 'Chưa có nhiệm vụ.'),
  ];
}

/** The KPI table with its status chips and CSV export. */
export function renderKpiDashboard(d) {
  const by = d.total?.byStatus || {};
  return [
    h('ul', { class: 'chips' }, termsOf('completionStatuses').map((k) =>
      h('li', { class: `chip chip-${kpiTone(k.value)}`, dataset: { status: k.value } }, `${k.label}: ${formatNumber(by[k.value] || 0)}`))),
    table([
      { label: 'Mã', cell: (i) => i.code },
      { label: 'Chỉ tiêu', cell: (i) => h('a', { href: `#/chi-tieu/${encodeURIComponent(i.indicatorId)}` }, i.name) },
      { label: 'Kết quả', cell: (i) => i.valueText || '—', class: 'num' },
      { label: 'Mục tiêu', cell: (i) => targetText(i.target), class: 'num' },
      { label: 'Lộ trình', cell: (i) => formatNumber(i.expected) || '—', class: 'num' },
      { label: 'Đánh giá', cell: (i) => h('div', {}, badge(i.statusLabel || i.statusText || labelOf('completionStatuses', i.status), kpiTone(i.status)),
        i.explanation ? h('p', { class: 'muted small' }, namesIn(i.explanation)) : null) },
    ], d.indicators || [], { empty: 'Chưa có chỉ tiêu.' }),
    h('div', { class: 'actions' }, csvButton(() => ({ view: 'dashboard', unitId: state.unitId, asOf: state.asOf }))),
  ];
}

/** A unit's renames, merges and splits, each with its day, the units on each side and why (labels from the server). */
function renderUnitHistory(r) {
  const unit = r.unit || {};
  const ended = unit.endedOn
    ? h('p', { class: 'muted', dataset: { ended: unit.endedOn } }, `Thôi tồn tại từ ${formatDate(unit.endedOn)}; kế thừa: ${(unit.successorIds || []).map(unitName).join(', ')}`)
    : null;
  const sides = (c) => (c.kind === 'rename'
    ? `${c.previousName || ''} → ${c.newName || ''}`
    : `${(c.fromUnitIds || []).map(unitName).join(', ')} → ${(c.toUnitIds || []).map(unitName).join(', ')}`);
  return [
    ended,
    table([
      { label: 'Từ ngày', cell: (c) => formatDate(c.effectiveOn) },
      { label: 'Thay đổi', cell: (c) => c.kindLabel },
      { label: 'Đơn vị', cell: sides },
      { label: 'Lý do', cell: (c) => c.reason || '' },
      { label: 'Người ghi', cell: (c) => c.username || '' },
    ], r.history || [], { empty: 'Đơn vị chưa đổi tên, sáp nhập hay chia tách.', rowAttrs: (c) => ({ dataset: { change: c.kind } }) }),
  ];
}

/** Renders the series chart block with its indicator picker. */
function renderSeriesPicker(list) {
  const indicators = list.indicators || [];
  if (!indicators.length) return h('p', { class: 'empty' }, 'Chưa có chỉ tiêu.');
  const saved = sessionStorage.getItem('nq57:overview-indicator');
  const picked = indicators.some((i) => i.id === saved) ? saved : indicators[0].id;
  const picker = select({ id: 'series-indicator' }, indicators.map((i) => ({ value: i.id, text: `${i.code} — ${i.name}` })), picked);
  const chart = h('div', { class: 'chart-box' });
  const load = () => loadInto(chart,
    () => call('metrics.series', { indicatorId: picker.value, unitId: state.unitId, asOf: state.asOf }),
    (r) => (r.points || []).length
      ? lineChart(r.points.map((p) => ({ label: p.periodText || periodText(p.period), value: p.value?.value ?? null, valueText: p.value?.valueText, expected: p.expected ?? null })),
        { title: `${r.indicator?.name || ''} theo thời gian` })
      : h('p', { class: 'empty' }, 'Chưa có số liệu theo kỳ.'));
  picker.addEventListener('change', () => { sessionStorage.setItem('nq57:overview-indicator', picker.value); load(); });
  return load().then(() => [
    h('div', { class: 'field field-inline' }, h('label', { for: 'series-indicator' }, 'Chỉ tiêu'), picker),
    chart,
    h('div', { class: 'actions' }, csvButton(() => ({ view: 'series', unitId: state.unitId, indicatorId: picker.value, asOf: state.asOf }))),
  ]);
}

/**
 * Appends the detail sections (task bars by group and unit, KPI table, series, unit history) to `main`;
 * `kpi` is the metrics.dashboard answer already fetched for the headline (or a promise of it).
 */
export function renderDetails(main, { unitId, asOf, kpi }) {
  const tasks = section('Tiến độ hoàn thành nhiệm vụ', { id: 'overview-task-bars' });
  const kpiBlock = section('Tình hình thực hiện chỉ tiêu', { id: 'overview-kpi' });
  const series = section('Chỉ tiêu theo thời gian');
  const history = section('Lịch sử đơn vị', { class: 'card card-unit-history' });
  main.append(h('div', { class: 'grid-2' }, tasks.section, kpiBlock.section), series.section, history.section);
  return Promise.all([
    loadInto(tasks.body, () => Promise.all([call('tasks.dashboard', { unitId, asOf }), call('tasks.plans.list', { unitId })]), renderTaskDashboard),
    loadInto(kpiBlock.body, () => kpi, renderKpiDashboard),
    loadInto(series.body, () => call('metrics.indicators.list', { unitId }), renderSeriesPicker),
    loadInto(history.body, () => call('auth.units.get', { unitId, asOf }), renderUnitHistory),
  ]);
}
