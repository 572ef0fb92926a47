// Tổng quan: flags, task completion by group and unit, KPI status, KPI series chart, unit ranking.
import { call } from './api.js';
import { badge, h, loadInto, section, select, table } from './dom.js';
import { formatDate, formatNumber, formatPercent } from './format.js';
import { lineChart, stackedBars } from './charts.js';
import { csvButton, flagList, kpiTone } from './common.js';
import { state, unitName } from './state.js';
import { ensurePeriods, labelOf, periodText, termsOf, valueOf } from './vocabulary.js';
import { targetText } from './targets.js';

/** The order of task states in the bars (done first); a state the server adds comes last. */
const DONE_FIRST = ['completedOnTime', 'completedLate', 'submitted', 'inProgress', 'needsRework', 'notStarted'];

function stateOrder() {
  const known = termsOf('taskStates').map((t) => t.value);
  return [...DONE_FIRST.filter((k) => known.includes(k)), ...known.filter((k) => !DONE_FIRST.includes(k))];
}

/** The colour of a score band (by the band's value; the server may send its label). */
function bandTone(band) {
  return { excellent: 'green', good: 'green', fair: 'yellow', poor: 'red' }[valueOf('scoreBands', band)] || 'grey';
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

function renderKpiDashboard(d) {
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
        i.explanation ? h('p', { class: 'muted small' }, i.explanation) : null) },
    ], d.indicators || [], { empty: 'Chưa có chỉ tiêu.' }),
    h('div', { class: 'actions' }, csvButton(() => ({ view: 'dashboard', unitId: state.unitId, asOf: state.asOf }))),
  ];
}

function renderScores(r) {
  return [
    r.formula ? h('p', { class: 'muted' }, `Cách tính: ${r.formula}`) : null,
    table([
      { label: 'Hạng', cell: (u) => (u.rank ? formatNumber(u.rank) : '—'), class: 'num' },
      { label: 'Đơn vị', cell: (u) => unitName(u.unitId) },
      { label: 'Đến hạn', cell: (u) => formatNumber(u.due), class: 'num' },
      { label: 'Đúng hạn', cell: (u) => formatNumber(u.onTime), class: 'num' },
      { label: 'Tỷ lệ', cell: (u) => (u.percent === null || u.percent === undefined ? '—' : formatPercent(u.percent)), class: 'num' },
      { label: 'Xếp loại', cell: (u) => badge(u.bandLabel || labelOf('scoreBands', u.band), bandTone(u.band)) },
      { label: 'Diễn giải', cell: (u) => u.explanation || '' },
    ], r.units || [], { empty: 'Chưa có đơn vị nào có nhiệm vụ đến hạn.', rowAttrs: (u) => ({ dataset: { unit: u.unitId } }) }),
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

/** Renders the overview page; resolves when every block has rendered (data or error). */
export async function render(main) {
  const { unitId, asOf } = state;
  main.append(h('h1', {}, 'Tổng quan'),
    h('p', { class: 'muted' }, `${unitName(unitId)} · số liệu đến ngày ${formatDate(asOf)}`));
  const flags = section('Cờ đỏ và cảnh báo', { class: 'card card-flags' });
  const tasks = section('Tiến độ hoàn thành nhiệm vụ');
  const kpi = section('Tình hình thực hiện chỉ tiêu');
  const series = section('Chỉ tiêu theo thời gian');
  const scores = section('Xếp hạng đơn vị');
  const history = section('Lịch sử đơn vị', { class: 'card card-unit-history' });
  main.append(flags.section, h('div', { class: 'grid-2' }, tasks.section, kpi.section), series.section, scores.section, history.section);
  await Promise.all([
    loadInto(flags.body, async () => {
      const answers = await Promise.all([call('tasks.flags', { unitId, asOf }),
        call('metrics.flags', { unitId, asOf }).catch((err) => ({ flags: [], error: err }))]);
      await ensurePeriods(answers.flatMap((a) => (a.flags || []).map((f) => f.period)));
      return answers;
    },
    ([t, m]) => [flagList([...(t.flags || []), ...(m.flags || [])], 'flags'),
      m.error ? h('p', { class: 'form-error' }, `Không tải được cảnh báo chỉ tiêu: ${m.error.message}`) : null]),
    loadInto(tasks.body, () => Promise.all([call('tasks.dashboard', { unitId, asOf }), call('tasks.plans.list', { unitId })]), renderTaskDashboard),
    loadInto(kpi.body, () => call('metrics.dashboard', { unitId, asOf }), renderKpiDashboard),
    loadInto(series.body, () => call('metrics.indicators.list', { unitId }), renderSeriesPicker),
    loadInto(scores.body, () => call('tasks.scores', { unitId, asOf }), renderScores),
    loadInto(history.body, () => call('auth.units.get', { unitId, asOf }), renderUnitHistory),
  ]);
}
