// Thẩm định: submitted task claims and KPI reports of the unit and below, with evidence inline, accept / send back.
import { call } from './api.js';
import { h, loadInto, section } from './dom.js';
import { formatDate, formatNumber, periodText } from './format.js';
import { fieldError, runAction } from './forms.js';
import { evidenceViewer } from './evidence.js';
import { mapLimit } from './common.js';
import { state, unitName, unitsUnderSelected } from './state.js';

async function evidenceFiles(unitId, ids) {
  if (!ids?.length) return [];
  const r = await call('evidence.info', { unitId, ids });
  return r.files || [];
}

/** The accept / send-back controls of one review item; `decide(decision, reason)` performs the call. */
function decisionForm(key, decide, onDone) {
  const reason = h('textarea', { class: 'reason', id: `reason-${key}`, name: 'reason', rows: 2 });
  const accept = h('button', { type: 'button', class: 'btn btn-primary accept' }, 'Chấp nhận');
  const sendBack = h('button', { type: 'button', class: 'btn btn-danger send-back' }, 'Trả lại');
  const form = h('form', { class: 'form decision', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: reason.id }, 'Lý do trả lại (bắt buộc khi trả lại)'), reason),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, accept, sendBack));
  form.addEventListener('submit', (e) => e.preventDefault());
  const run = async (decision, button) => {
    const ok = await runAction(form, button, async () => {
      if (decision === 'sendBack' && !reason.value.trim()) throw fieldError('reason', 'Cần ghi lý do trả lại để đơn vị biết cần bổ sung gì.');
      return decide(decision, reason.value.trim());
    }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại hồ sơ cho đơn vị.');
    if (ok !== undefined) onDone(decision);
  };
  accept.addEventListener('click', () => run('accept', accept));
  sendBack.addEventListener('click', () => run('sendBack', sendBack));
  return form;
}

function markDone(item, decision) {
  item.classList.add('done');
  item.dataset.decision = decision;
  item.querySelector('form.decision')?.replaceWith(h('p', { class: 'notice' }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại.'));
}

async function taskItems() {
  const r = await call('tasks.list', { unitId: state.unitId, state: 'submitted', asOf: state.asOf });
  return mapLimit(r.tasks || [], 4, async (task) => {
    const events = (await call('tasks.history', { taskId: task.id, unitId: task.leadUnitId })).events || [];
    const claim = [...events].reverse().find((e) => e.kind === 'claim') || {};
    const submit = [...events].reverse().find((e) => e.kind === 'submit') || {};
    const files = await evidenceFiles(task.leadUnitId, claim.evidenceIds);
    return { task, claim, period: submit.period || claim.period, files };
  });
}

function renderTaskItem({ task, claim, period, files }) {
  const item = h('article', { class: 'review-item card-inner', dataset: { task: task.id } },
    h('h3', {}, h('a', { href: `#/nhiem-vu/${encodeURIComponent(task.id)}` }, task.title)),
    h('p', { class: 'muted' }, [unitName(task.leadUnitId), task.deadline ? `Thời hạn ${formatDate(task.deadline)}` : task.timeText,
      period ? periodText(period) : null, `Tiến độ ${task.percent || 0}%`].filter(Boolean).join(' · ')),
    claim.note ? h('p', {}, h('strong', {}, 'Đề nghị: '), claim.note) : null,
    claim.username ? h('p', { class: 'muted small' }, `Người đề nghị: ${claim.username}`) : null,
    evidenceViewer(files, task.leadUnitId));
  item.append(decisionForm(`task-${task.id}`,
    (decision, reason) => call('tasks.review', { taskId: task.id, unitId: task.leadUnitId, decision, reason, period }),
    (decision) => markDone(item, decision)));
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
  return mapLimit(found.flat(), 4, async (x) => ({ ...x, files: await evidenceFiles(x.unitId, x.report.evidenceIds) }));
}

function renderKpiItem({ ind, unitId, report, files }) {
  const item = h('article', { class: 'review-item card-inner', dataset: { indicator: ind.id, period: report.period, unit: unitId } },
    h('h3', {}, `${ind.code} — ${ind.name}`),
    h('p', { class: 'muted' }, `${unitName(unitId)} · ${periodText(report.period)} · lần ${report.version ?? 1}`),
    h('p', {}, h('strong', {}, 'Giá trị báo cáo: '), formatNumber(report.value, 4),
      report.denominator ? ` (${formatNumber(report.numerator, 4)} / ${formatNumber(report.denominator, 4)})` : '', ind.unitOfMeasure ? ` ${ind.unitOfMeasure}` : ''),
    report.note ? h('p', {}, h('strong', {}, 'Ghi chú: '), report.note) : null,
    evidenceViewer(files, unitId));
  item.append(decisionForm(`kpi-${ind.id}-${unitId}-${report.period}`,
    (decision, reason) => call('metrics.review', { indicatorId: ind.id, unitId, period: report.period, decision, reason }),
    (decision) => markDone(item, decision)));
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
