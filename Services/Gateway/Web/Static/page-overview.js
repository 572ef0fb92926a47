// Tổng quan: what a leader reads in one screen (headline figures, then where to act), then flags grouped by unit and
// rule, monthly trends, the ranking and the details. Unit, plan, group and rule filters live in the URL hash.
import { call } from './api.js';
import { badge, foldOnPhone, h, loadInto, section, select } from './dom.js';
import { formatDate } from './format.js';
import { flagList } from './common.js';
import { renderDetails } from './overview-details.js';
import { overviewHash, parseFilters } from './overview-link.js';
import { renderScores } from './overview-ranking.js';
import { waitingByKind, waitingByUnit } from './overview-waiting.js';
import { loadQueue } from './review-queue.js';
import { renderFlagGroups, renderHeadline, renderTrend, renderWhereToAct } from './overview-summary.js';
import { ancestry, saveSelection, state, unitName } from './state.js';
import { ensurePeriods, termsOf } from './vocabulary.js';

/** The units from the top of what the user sees down to `unitId`, each a link to its overview. */
function breadcrumb(unitId) {
  const chain = ancestry(unitId).filter((id) => state.unitsById.has(id)).reverse();
  if (chain.length < 2) return null;
  return h('nav', { class: 'breadcrumb', 'aria-label': 'Cấp đơn vị' },
    h('ol', {}, chain.map((id, i) => h('li', {}, i === chain.length - 1
      ? h('span', { 'aria-current': 'page' }, unitName(id))
      : h('a', { href: overviewHash({ unitId: id }), dataset: { unit: id } }, unitName(id))))));
}

/** The filter bar: plan, task group and flag rule; each change rewrites the URL. */
function filterBar(filters, plans) {
  const go = (change) => { location.hash = overviewHash({ ...filters, ...change }); };
  const plan = (plans.plans || []).find((p) => p.id === filters.planId);
  const groups = new Map();
  (plan ? [plan] : plans.plans || []).forEach((p) => (p.groups || []).forEach((g) => { if (!groups.has(g.code)) groups.set(g.code, g.title); }));
  const planSelect = select({ id: 'filter-plan' }, [{ value: '', text: 'Tất cả kế hoạch' },
    ...(plans.plans || []).map((p) => ({ value: p.id, text: `${p.number} — ${unitName(p.issuingUnitId)}` }))], filters.planId);
  const groupSelect = select({ id: 'filter-group' }, [{ value: '', text: 'Tất cả nhóm' },
    ...[...groups].map(([code, title]) => ({ value: code, text: `${code}. ${title}` }))], filters.groupCode);
  const ruleSelect = select({ id: 'filter-rule' }, [{ value: '', text: 'Mọi loại cảnh báo' },
    ...termsOf('flagRules').map((t) => ({ value: t.value, text: t.label }))], filters.rule);
  planSelect.addEventListener('change', () => go({ planId: planSelect.value, groupCode: '' }));
  groupSelect.addEventListener('change', () => go({ groupCode: groupSelect.value }));
  ruleSelect.addEventListener('change', () => go({ rule: ruleSelect.value }));
  const any = filters.planId || filters.groupCode || filters.rule;
  const form = h('form', { class: 'filters overview-filters', role: 'search', 'aria-label': 'Lọc tổng quan', onsubmit: (e) => e.preventDefault() },
    h('div', { class: 'field' }, h('label', { for: 'filter-plan' }, 'Kế hoạch'), planSelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-group' }, 'Nhóm nhiệm vụ'), groupSelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-rule' }, 'Loại cảnh báo'), ruleSelect),
    any ? h('a', { class: 'btn btn-link btn-small', href: overviewHash({ unitId: filters.unitId }), id: 'filter-clear' }, 'Bỏ lọc') : null);
  // On a phone the three filters fold away behind one line, so the figures come first; open when a filter is in force.
  return foldOnPhone('overview-filters-fold', any ? 'Bộ lọc đang dùng' : 'Lọc kế hoạch, nhóm, cảnh báo', form, any);
}

/** "số liệu đến ngày …" with how the task states were found: replayed from the history, or today's. */
function asOfLine(unitId, asOf, states) {
  const replayed = states?.basis === 'replayed';
  return h('p', { class: 'muted as-of', dataset: { basis: states?.basis || '' } },
    `${unitName(unitId)} · số liệu đến ngày ${formatDate(asOf)} · `,
    badge(replayed ? 'Tính lại theo lịch sử' : 'Hiện tại', replayed ? 'blue' : 'grey'), ' ',
    h('span', { class: 'small' }, states?.note || ''));
}

/** The whole flat list of task and KPI flags (the old view), loaded on demand. */
async function loadAllFlags(box, unitId, asOf) {
  await loadInto(box, async () => {
    const answers = await Promise.all([call('tasks.flags', { unitId, asOf }),
      call('metrics.flags', { unitId, asOf }).catch((err) => ({ flags: [], error: err }))]);
    await ensurePeriods(answers.flatMap((a) => (a.flags || []).map((f) => f.period)));
    return answers;
  }, ([t, m]) => [flagList([...(t.flags || []), ...(m.flags || [])], 'flags'),
    m.error ? h('p', { class: 'form-error' }, `Không tải được cảnh báo chỉ tiêu: ${m.error.message}`) : null]);
}

/** Renders the overview page; resolves when every block has rendered (data or error). */
export async function render(main, param) {
  const filters = parseFilters(param);
  if (filters.unitId && filters.unitId !== state.unitId && state.unitsById.has(filters.unitId)) {
    state.unitId = filters.unitId;
    saveSelection();
    const headerSelect = document.getElementById('unit-select');
    if (headerSelect) headerSelect.value = state.unitId;
  }
  filters.unitId = state.unitId;
  const { unitId, asOf } = state;
  const heading = h('div', { class: 'overview-heading' }, h('h1', {}, `Tổng quan: ${unitName(unitId)}`), breadcrumb(unitId));
  const dateLine = h('div', { id: 'overview-as-of' });
  const filterBox = h('div', { id: 'overview-filters' });
  const headline = h('div', { id: 'overview-headline-box' });
  const act = section('Nơi cần xử lý', { id: 'where-to-act' });
  const flags = section('Cờ đỏ theo đơn vị và loại', { id: 'overview-flags', class: 'card card-flags' });
  const trend = section('Xu hướng theo tháng', { id: 'overview-trend' });
  const scores = section('Xếp hạng đơn vị', { id: 'overview-scores' });
  main.append(heading, dateLine, filterBox, headline, act.section, flags.section, trend.section, scores.section);

  const kpi = call('metrics.dashboard', { unitId, asOf });
  const kpiTrend = call('metrics.trend', { unitId, asOf }).catch(() => null);
  const queue = loadQueue(unitId).catch(() => null);
  const overview = call('tasks.overview', { unitId, asOf, planId: filters.planId || undefined, groupCode: filters.groupCode || undefined,
    rule: filters.rule || undefined });
  await Promise.all([
    loadInto(filterBox, () => call('tasks.plans.list', { unitId }), (plans) => filterBar(filters, plans)),
    loadInto(headline, () => Promise.all([overview, kpi.catch(() => null), queue]), ([o, k, q]) => {
      dateLine.replaceChildren(asOfLine(unitId, o.asOf, o.states));
      return renderHeadline(o, k, filters, q && waitingByKind(q.items), o.states?.basis === 'replayed');
    }),
    loadInto(act.body, () => Promise.all([overview, queue]), ([o, q]) => renderWhereToAct(o, q && waitingByUnit(q.items, unitId))),
    loadInto(flags.body, () => overview, (o) => renderFlagGroups(o, (box) => loadAllFlags(box, unitId, asOf))),
    loadInto(trend.body, () => Promise.all([overview, kpiTrend]), ([o, t]) => renderTrend(o, t)),
    loadInto(scores.body, () => call('tasks.scores', { unitId, asOf }), renderScores),
    renderDetails(main, { unitId, asOf, kpi }),
  ]);
}
