// Thẩm định: submitted task claims and KPI reports of the unit and below, with evidence inline, and the decisions
// the server says this user may take on each (`actions` of the item: accept, sendBack).
import { call } from './api.js';
import { h, loadInto, section } from './dom.js';
import { formatDate, formatNumber, formatPercent } from './format.js';
import { fieldError, runAction } from './forms.js';
import { evidenceViewer } from './evidence.js';
import { mapLimit } from './common.js';
import { state, unitName, unitsUnderSelected } from './state.js';
import { ensurePeriods, labelOf, periodText } from './vocabulary.js';

/** The decisions of a review, in the order their buttons appear. */
const DECISIONS = ['accept', 'sendBack'];

async function evidenceFiles(unitId, ids) {
  if (!ids?.length) return [];
  const r = await call('evidence.info', { unitId, ids });
  return r.files || [];
}

/**
 * The decisions of one review item that are among `actions` (the item's, from the server): accept and/or send back
 * with a reason; `decide(decision, reason)` performs the call. No buttons when the item carries no actions; a note
 * when it carries some but no decision for this user.
 */
function decisionForm(key, actions, decide, onDone) {
  if (!Array.isArray(actions)) return null;
  const allowed = DECISIONS.filter((d) => actions.includes(d));
  if (!allowed.length) return h('p', { class: 'muted no-decision' }, 'Bạn không thẩm định hồ sơ này: người đã soạn, gửi hồ sơ hoặc thuộc chính đơn vị đó không tự thẩm định.');
  const reason = allowed.includes('sendBack') ? h('textarea', { class: 'reason', id: `reason-${key}`, name: 'reason', rows: 2 }) : null;
  const accept = allowed.includes('accept') ? h('button', { type: 'button', class: 'btn btn-primary accept' }, labelOf('itemActions', 'accept')) : null;
  const sendBack = reason ? h('button', { type: 'button', class: 'btn btn-danger send-back' }, labelOf('itemActions', 'sendBack')) : null;
  const form = h('form', { class: 'form decision', novalidate: true },
    reason ? h('div', { class: 'field' }, h('label', { for: reason.id }, 'Lý do trả lại (bắt buộc khi trả lại)'), reason) : null,
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, accept, sendBack));
  form.addEventListener('submit', (e) => e.preventDefault());
  const run = async (decision, button) => {
    const ok = await runAction(form, button, async () => {
      if (decision === 'sendBack' && !reason.value.trim()) throw fieldError('reason', 'Cần ghi lý do trả lại để đơn vị biết cần bổ sung gì.');
      return decide(decision, reason?.value.trim());
    }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại hồ sơ cho đơn vị.');
    if (ok !== undefined) onDone(decision);
  };
  accept?.addEventListener('click', () => run('accept', accept));
  sendBack?.addEventListener('click', () => run('sendBack', sendBack));
  return form;
}

function markDone(item, decision) {
  item.classList.add('done');
  item.dataset.decision = decision;
  item.querySelector('form.decision')?.replaceWith(h('p', { class: 'notice' }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại.'));
}

async function taskItems() {
  const r = await call('tasks.list', { unitId: state.unitId, state: 'submitted', asOf: state.asOf });
  const items = await mapLimit(r.tasks || [], 4, async (task) => {
    const events = (await call('tasks.history', { taskId: task.id, unitId: task.leadUnitId })).events || [];
    const claim = [...events].reverse().find((e) => e.kind === 'claim') || {};
    const submit = [...events].reverse().find((e) => e.kind === 'submit') || {};
    const files = await evidenceFiles(task.leadUnitId, claim.evidenceIds);
    return { task, claim, period: submit.period || claim.period, files };
  });
  await ensurePeriods(items.map((i) => i.period));
  return items;
}

function renderTaskItem({ task, claim, period, files }) {
  const item = h('article', { class: 'review-item card-inner', dataset: { task: task.id } },
    h('h3', {}, h('a', { href: `#/nhiem-vu/${encodeURIComponent(task.id)}` }, task.title)),
    h('p', { class: 'muted' }, [unitName(task.leadUnitId), task.deadline ? `Thời hạn ${formatDate(task.deadline)}` : task.timeText,
      period ? periodText(period) : null, `Tiến độ ${formatPercent(task.percent || 0, 0)}`].filter(Boolean).join(' · ')),
    claim.note ? h('p', {}, h('strong', {}, 'Đề nghị: '), claim.note) : null,
    claim.username ? h('p', { class: 'muted small' }, `Người đề nghị: ${claim.username}`) : null,
    evidenceViewer(files, task.leadUnitId));
  const decision = decisionForm(`task-${task.id}`, task.claim?.actions ?? claim.actions ?? task.actions,
    (choice, reason) => call('tasks.review', { taskId: task.id, unitId: task.leadUnitId, decision: choice, reason, period }),
    (choice) => markDone(item, choice));
  if (decision) item.append(decision);
  return item;
}

async function kpiItems() {
  const list = (await call('metrics.indicators.list', { unitId: state.unitId })).indicators || [];
  const under = new Set(unitsUnderSelected());
  const pairs = list.flatMap((ind) => {
    const units = new Set([state.unitId, ...(ind.targets || []).map((t) => t.unitId).filter((u) => under.has(u))]);
    return [...units].map((unitId) => ({ ind, unitId }));
  });
  const found = await mapLimit(pairs, 4, async ({ ind, unitId }) => {
    try {
      const got = await call('metrics.indicators.get', { indicatorId: ind.id, unitId, asOf: state.asOf });
      return (got.reports || []).filter((r) => r.state === 'submitted').map((report) => ({ ind, unitId, report }));
    } catch (err) {
      if (err.code === 'permission_denied' || err.code === 'not_found') return [];
      throw err;
    }
  });
  const items = await mapLimit(found.flat(), 4, async (x) => ({ ...x, files: await evidenceFiles(x.unitId, x.report.evidenceIds) }));
  await ensurePeriods(items.map((i) => i.report.period));
  return items;
}

function renderKpiItem({ ind, unitId, report, files }) {
  const item = h('article', { class: 'review-item card-inner', dataset: { indicator: ind.id, period: report.period, unit: unitId } },
    h('h3', {}, `${ind.code} — ${ind.name}`),
    h('p', { class: 'muted' }, `${unitName(unitId)} · ${periodText(report.period)} · lần ${formatNumber(report.version ?? 1)}`),
    h('p', {}, h('strong', {}, 'Giá trị báo cáo: '), formatNumber(report.value, 4),
      report.denominator ? ` (${formatNumber(report.numerator, 4)} / ${formatNumber(report.denominator, 4)})` : '', ind.unitOfMeasure ? ` ${ind.unitOfMeasure}` : ''),
    report.note ? h('p', {}, h('strong', {}, 'Ghi chú: '), report.note) : null,
    evidenceViewer(files, unitId));
  const decision = decisionForm(`kpi-${ind.id}-${unitId}-${report.period}`, report.actions,
    (choice, reason) => call('metrics.review', { indicatorId: ind.id, unitId, period: report.period, decision: choice, reason }),
    (choice) => markDone(item, choice));
  if (decision) item.append(decision);
  return item;
}

/** Renders the review queue. */
export async function render(main) {
  const tasks = section('Nhiệm vụ chờ thẩm định');
  const kpis = section('Báo cáo chỉ tiêu chờ thẩm định');
  main.append(h('h1', {}, 'Thẩm định'), h('p', { class: 'muted' }, `${unitName(state.unitId)} và các đơn vị trực thuộc`), tasks.section, kpis.section);
  await Promise.all([
    loadInto(tasks.body, taskItems, (items) => (items.length ? items.map(renderTaskItem) : h('p', { class: 'empty' }, 'Không có nhiệm vụ nào chờ thẩm định.'))),
    loadInto(kpis.body, kpiItems, (items) => (items.length ? items.map(renderKpiItem) : h('p', { class: 'empty' }, 'Không có báo cáo chỉ tiêu nào chờ thẩm định.'))),
  ]);
}
