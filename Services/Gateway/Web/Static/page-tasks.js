// Nhiệm vụ: the unit's task list with filters, and a task's page (info, flags, progress, evidence, claim, history).
import { ApiError, call } from './api.js';
import { badge, clear, foldOnPhone, h, loadInto, section, select, table } from './dom.js';
import { EVENT_KINDS, FREQUENCIES, formatDate, formatDateTime, label, periodsBetween, periodText, TASK_STATES } from './format.js';
import { bindDraft, fieldError, runAction } from './forms.js';
import { evidenceUploader, fileUrl } from './evidence.js';
import { taskTone } from './common.js';
import { taskPlans } from './task-plans.js';
import { taskExplanations } from './explanations.js';
import { commentsBlock } from './comments.js';
import { state, unitName } from './state.js';
import { exportUrl } from './common.js';

const FILTER_KEY = 'nq57:task-filters';

/** Whether the server offers `action` to this user on the task itself or on any of its claims (its period reports). */
function offers(task, action) {
  return (task.actions || []).includes(action) || (task.claims || []).some((c) => (c.actions || []).includes(action));
}

/** The task's state as a badge, in the server's words. */
function stateBadge(task) {
  return badge(task.stateLabel || task.state, taskTone(task.state), { dataset: { state: task.state } });
}

function taskTable(tasks, plansById) {
  return table([
    { label: 'Nhiệm vụ', cell: (t) => h('div', {},
      h('a', { class: 'task-link', href: `#/nhiem-vu/${encodeURIComponent(t.id)}` }, t.title),
      h('p', { class: 'muted small' }, [plansById.get(t.planId) ? `Kế hoạch ${plansById.get(t.planId).number}` : null, t.groupCode ? `Nhóm ${t.groupCode}` : null].filter(Boolean).join(' · '))) },
    { label: 'Chủ trì', cell: (t) => unitName(t.leadUnitId) },
    { label: 'Thời hạn', cell: (t) => h('div', {}, t.deadline ? formatDate(t.deadline) : (t.timeText || '—'),
      t.recurrence ? h('p', { class: 'muted small' }, label(FREQUENCIES, t.recurrence)) : null,
      t.overdue ? badge('Quá hạn', 'red') : null) },
    { label: 'Trạng thái', cell: (t) => stateBadge(t) },
    { label: 'Tiến độ', cell: (t) => h('div', { class: 'progress-row' },
      h('progress', { max: 100, value: t.percent || 0, 'aria-label': `Tiến độ ${t.percent || 0}%` }), `${t.percent || 0}%`) },
    { label: 'Cờ', cell: (t) => {
      const red = (t.flags || []).filter((f) => f.level === 'red').length;
      const yellow = (t.flags || []).length - red;
      return h('div', { class: 'badges' }, red ? badge(`${red} cờ đỏ`, 'red') : null, yellow ? badge(`${yellow} cảnh báo`, 'yellow') : null);
    } },
  ], tasks, {
    empty: 'Không có nhiệm vụ nào phù hợp.',
    rowAttrs: (t) => ({ class: ['task-row', t.overdue ? 'row-overdue' : null], dataset: { task: t.id, state: t.state } }),
  });
}

/** Download links for the tasks, flags and ranking of the chosen unit and day, each as CSV and XLSX (folded on a phone). */
function taskExports() {
  const views = [['tasks', 'Nhiệm vụ'], ['flags', 'Cảnh báo'], ['scores', 'Xếp hạng']];
  const links = h('p', { class: 'export-buttons', id: 'task-exports' }, 'Tải về: ', views.flatMap(([view, text]) => ['csv', 'xlsx'].map((format) => h('a', {
    class: 'btn btn-secondary btn-small', download: '', dataset: { view, format },
    href: exportUrl('/export/tasks', { view, format, unitId: state.unitId, asOf: state.asOf }),
  }, `${text} (${format.toUpperCase()})`))));
  return foldOnPhone('task-exports-fold', 'Tải về (CSV, XLSX)', links);
}

/** Renders the task list of the selected unit. */

export async function renderList(main) {
  let saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(FILTER_KEY) || '{}'); } catch { saved = {}; }
  const stateSel = select({ id: 'task-state-filter' },
    [{ value: '', text: 'Tất cả trạng thái' }, ...Object.entries(TASK_STATES).map(([value, text]) => ({ value, text }))], saved.state);
  const planSel = select({ id: 'task-plan-filter' }, [{ value: '', text: 'Tất cả kế hoạch' }], '');
  const body = h('div');
  main.append(h('h1', {}, 'Nhiệm vụ'), h('p', { class: 'muted' }, `${unitName(state.unitId)} và các đơn vị trực thuộc`),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'task-state-filter' }, 'Trạng thái'), stateSel),
      h('div', { class: 'field' }, h('label', { for: 'task-plan-filter' }, 'Kế hoạch'), planSel)),
    taskExports(),
    body);
  const load = () => loadInto(body,
    () => Promise.all([
      call('tasks.list', { unitId: state.unitId, state: stateSel.value, planId: planSel.value, asOf: state.asOf }),
      call('tasks.plans.list', { unitId: state.unitId }),
    ]),
    ([t, p]) => {
      const plans = p.plans || [];
      if (planSel.options.length === 1) {
        plans.forEach((pl) => planSel.append(h('option', { value: pl.id, selected: pl.id === saved.planId }, `${pl.number} — ${pl.title}`)));
        if (saved.planId && planSel.value !== saved.planId) planSel.value = '';
      }
      const tasks = t.tasks || [];
      return [h('p', { class: 'count' }, `${tasks.length} nhiệm vụ`), taskTable(tasks, new Map(plans.map((pl) => [pl.id, pl])))];
    });
  const onFilter = () => {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify({ state: stateSel.value, planId: planSel.value }));
    load();
  };
  stateSel.addEventListener('change', onFilter);
  planSel.addEventListener('change', onFilter);
  if (saved.planId) {
    // The plan options arrive with the first load; filter by the saved plan once they are there.
    await load();
    if (planSel.value) await load();
    return;
  }
  await load();
}

async function fetchTask(taskId) {
  const candidates = [...new Set([state.unitId, ...(state.session.grants || []).map((g) => g.unitId)].filter(Boolean))];
  let lastError = null;
  for (const unitId of candidates) {
    try {
      const task = await call('tasks.get', { taskId, unitId, asOf: state.asOf });
      const [history, plans, explanations] = await Promise.all([call('tasks.history', { taskId, unitId }),
        call('tasks.plans.ofTask', { taskId, unitId }), call('tasks.explanations.list', { unitId, itemId: taskId })]);
      return { task, events: history.events || [], plans, explanations: explanations.requests || [] };
    } catch (err) {
      if (!(err instanceof ApiError) || !['permission_denied', 'not_found'].includes(err.code)) throw err;
      lastError = err;
    }
  }
  throw lastError || new ApiError(404, 'not_found', 'Không tìm thấy nhiệm vụ.');
}

function infoList(task) {
  const row = (dt, dd) => [h('dt', {}, dt), h('dd', {}, dd)];
  return h('dl', { class: 'info' },
    row('Trạng thái', h('span', { id: 'task-state', dataset: { state: task.state }, class: 'state-text' }, task.stateLabel || task.state)),
    row('Tiến độ', h('div', { class: 'progress-row' }, h('progress', { max: 100, value: task.percent || 0, 'aria-label': 'Tiến độ' }), `${task.percent || 0}%`)),
    row('Nhóm nhiệm vụ', task.groupCode || '—'),
    row('Đơn vị chủ trì', unitName(task.leadUnitId)),
    row('Thời gian thực hiện', h('span', { id: 'task-time-text' }, task.timeText || '—')),
    row('Thời hạn', h('span', { id: 'task-deadline', dataset: { kind: task.deadlineKind || '' } },
      task.deadline ? formatDate(task.deadline) : (task.deadlineKindLabel || '—'), task.overdue ? [' ', badge('Quá hạn', 'red')] : null)),
    task.deadlineNote ? row('Ghi chú thời hạn', h('span', { id: 'task-deadline-note' }, task.deadlineNote)) : null,
    task.recurrence ? row('Định kỳ', label(FREQUENCIES, task.recurrence)) : null,
    row('Ngày giao', formatDate(task.assignedOn) || '—'));
}

function taskFlags(flags) {
  if (!flags?.length) return h('p', { class: 'empty' }, 'Không có cờ đỏ hay cảnh báo.');
  return h('ul', { id: 'task-flags', class: 'flags' }, flags.map((f) => h('li', { class: `flag flag-${f.level}`, dataset: { rule: f.rule, level: f.level } },
    badge(f.level === 'red' ? 'Cờ đỏ' : 'Cảnh báo', f.level === 'red' ? 'red' : 'yellow'),
    h('div', { class: 'flag-body' }, h('strong', {}, f.ruleText || f.rule),
      f.since ? h('p', { class: 'muted' }, `Từ ngày ${formatDate(f.since)}`) : null, f.detail ? h('p', {}, f.detail) : null))));
}

function progressForm(task, reload) {
  const percent = h('input', { id: 'progress-percent', name: 'percent', type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric', value: task.percent ?? 0, required: true });
  const note = h('textarea', { id: 'progress-note', name: 'note', rows: 3 });
  const difficulties = h('textarea', { id: 'progress-difficulties', name: 'difficulties', rows: 2 });
  const button = h('button', { id: 'progress-submit', type: 'submit', class: 'btn btn-primary' }, 'Cập nhật tiến độ');
  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'progress-percent' }, 'Tỷ lệ hoàn thành (%)'), percent),
    h('div', { class: 'field' }, h('label', { for: 'progress-note' }, 'Kết quả thực hiện'), note),
    h('div', { class: 'field' }, h('label', { for: 'progress-difficulties' }, 'Khó khăn, vướng mắc'), difficulties),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  const draft = bindDraft(form, `progress:${task.id}`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, button, async () => {
      const value = Number(percent.value);
      if (percent.value === '' || !Number.isInteger(value) || value < 0 || value > 100) throw fieldError('percent', 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.');
      return call('tasks.progress', { taskId: task.id, unitId: task.leadUnitId, percent: value, note: note.value.trim(), difficulties: difficulties.value.trim() });
    }, 'Đã cập nhật tiến độ.');
    if (ok) { draft.clear(); reload(); }
  });
  return form;
}

function claimForms(task, reload) {
  const periods = task.recurrence ? periodsBetween(task.recurrence, task.assignedOn, state.asOf) : [];
  const period = task.recurrence
    ? select({ id: 'claim-period', name: 'period' }, periods.map((p) => ({ value: p, text: periodText(p) })), periods[0]) : null;
  // The draft's evidence lives on the server, per task (per period for a recurring one).
  const evidenceSlot = h('div', { class: 'evidence-slot' });
  let uploader = null;
  const showEvidence = () => {
    uploader = evidenceUploader({ unitId: task.leadUnitId, supports: () => (period ? `task:${task.id}/${period.value}` : `task:${task.id}`) });
    uploader.element.querySelector('#evidence-drop').dataset.field = 'evidenceIds';
    clear(evidenceSlot).append(uploader.element);
  };
  showEvidence();
  period?.addEventListener('change', showEvidence);
  const note = h('textarea', { id: 'claim-note', name: 'note', rows: 3 });
  const button = h('button', { id: 'claim-submit', type: 'submit', class: 'btn btn-primary' }, 'Đề nghị hoàn thành');
  const form = h('form', { class: 'form', novalidate: true },
    period ? h('div', { class: 'field' }, h('label', { for: 'claim-period' }, 'Kỳ báo cáo'), period) : null,
    evidenceSlot,
    h('div', { class: 'field' }, h('label', { for: 'claim-note' }, 'Ghi chú đề nghị hoàn thành'), note),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  const draft = bindDraft(form, `claim:${task.id}`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, button, async () => {
      const evidenceIds = uploader.ids();
      if (!evidenceIds.length) throw fieldError('evidenceIds', 'Cần tải lên ít nhất một tệp minh chứng trước khi đề nghị hoàn thành.');
      return call('tasks.claim', { taskId: task.id, unitId: task.leadUnitId, evidenceIds, note: note.value.trim(), period: period?.value });
    }, 'Đã gửi đề nghị hoàn thành.');
    if (ok) { draft.clear(); reload(); }
  });

  let submitForm = null;
  if (offers(task, 'submit')) {
    const send = h('button', { id: 'submit-review', type: 'submit', class: 'btn btn-secondary' }, 'Gửi thẩm định');
    submitForm = h('form', { class: 'form', novalidate: true },
      h('p', { class: 'hint' }, 'Trưởng đơn vị kiểm tra hồ sơ đề nghị hoàn thành rồi gửi Văn phòng Đảng ủy thẩm định.'),
      h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, send));
    submitForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const ok = await runAction(submitForm, send,
        () => call('tasks.submit', { taskId: task.id, unitId: task.leadUnitId, period: period?.value }), 'Đã gửi hồ sơ đi thẩm định.');
      if (ok) reload();
    });
    // "Gửi thẩm định" only for a claim of the chosen period that has something to send.
    const claimFor = (p) => (task.claims || []).find((c) => (c.period || null) === (p || null));
    const showSubmit = () => {
      const c = claimFor(period?.value);
      submitForm.hidden = !(c && (c.actions || []).includes('submit') && (c.evidenceIds || []).length);
    };
    showSubmit();
    period?.addEventListener('change', showSubmit);
  }
  return [form, submitForm];
}

/** "Đặt thời hạn": a deadline decided with its reason, for those the server offers it to. */
function deadlineForm(task, reload) {
  const day = h('input', { id: 'deadline-day', name: 'deadline', type: 'date', min: task.assignedOn, required: true, value: task.deadline || '' });
  const reason = h('textarea', { id: 'deadline-reason', name: 'reason', rows: 2, required: true });
  const button = h('button', { id: 'deadline-submit', type: 'submit', class: 'btn btn-primary' }, 'Đặt thời hạn');
  const form = h('form', { id: 'deadline-form', class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'deadline-day' }, 'Thời hạn'), day),
    h('div', { class: 'field' }, h('label', { for: 'deadline-reason' }, 'Lý do'), reason),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, button, async () => {
      if (!day.value) throw fieldError('deadline', 'Cần chọn thời hạn.');
      if (!reason.value.trim()) throw fieldError('reason', 'Cần nêu lý do quyết định thời hạn.');
      return call('tasks.setDeadline', { taskId: task.id, unitId: task.leadUnitId, deadline: day.value, reason: reason.value.trim() });
    }, 'Đã ghi quyết định thời hạn.');
    if (ok) reload();
  });
  return form;
}

// Why each claim waiting for rework was sent back (the last send-back of its period), for the top of the page.
function sendBackNotices(task, events) {
  return (task.claims || []).filter((c) => c.state === 'needsRework').map((c) => {
    const back = [...events].reverse().find((e) => e.kind === 'sendBack' && (e.period || null) === (c.period || null));
    return h('div', { class: 'notice notice-warning send-back-reason', role: 'note', dataset: { period: c.period || '' } },
      h('strong', {}, `${c.stateLabel}${c.period ? ` — ${periodText(c.period)}` : ''}. `),
      back ? `Lý do trả lại (${formatDateTime(back.at)}${back.username ? `, ${back.username}` : ''}): ` : 'Đã bị trả lại. ',
      back?.note ? h('q', {}, back.note) : null);
  });
}

function historyTable(task, events) {
  return table([
    { label: 'Thời điểm', cell: (e) => formatDateTime(e.at) },
    { label: 'Hoạt động', cell: (e) => label(EVENT_KINDS, e.kind) },
    { label: 'Người thực hiện', cell: (e) => e.username || '—' },
    { label: 'Tiến độ', cell: (e) => (e.percent === null || e.percent === undefined ? '' : `${e.percent}%`), class: 'num' },
    { label: 'Kỳ', cell: (e) => periodText(e.period) },
    { label: 'Nội dung', cell: (e) => h('div', {},
      e.newDeadline ? h('p', { class: 'deadline-change' }, `${e.previousDeadline ? formatDate(e.previousDeadline) : '—'} → ${formatDate(e.newDeadline)}`) : null,
      e.note ? h('p', {}, e.note) : null, e.difficulties ? h('p', { class: 'muted' }, `Khó khăn: ${e.difficulties}`) : null) },
    { label: 'Minh chứng', cell: (e) => h('ul', { class: 'plain' }, (e.evidenceIds || []).map((id, i) =>
      h('li', {}, h('a', { href: fileUrl({ id }, task.leadUnitId), target: '_blank', rel: 'noopener' }, `Tệp ${i + 1}`)))) },
  ], [...events].reverse(), { empty: 'Chưa có hoạt động nào.', rowAttrs: (e) => ({ dataset: { seq: e.seq, kind: e.kind } }) });
}

/** Ý kiến trao đổi on the task (and, for a recurring task, on each of its claimed periods). */
function taskComments(task) {
  const comments = section('Ý kiến trao đổi');
  const periods = task.recurrence ? (task.claims || []).filter((c) => c.period).map((c) => ({ value: c.period, text: periodText(c.period) })).reverse() : null;
  comments.body.append(commentsBlock({
    id: 'task-comments',
    list: () => call('tasks.comments.list', { taskId: task.id, unitId: task.leadUnitId }),
    add: (text, period) => call('tasks.comments.add', { taskId: task.id, unitId: task.leadUnitId, period, text }),
    periods: periods?.length ? periods : null,
  }));
  return comments.section;
}

/** Renders one task's page. */
export async function renderDetail(main, taskId) {
  const box = h('div');
  main.append(h('p', {}, h('a', { href: '#/nhiem-vu', class: 'back' }, '← Danh sách nhiệm vụ')), box);
  const reload = () => loadInto(box, () => fetchTask(taskId), ({ task, events, plans, explanations }) => {
    // What this user may do comes with the task from the server (its actions and its claims' actions).
    const info = section('Thông tin nhiệm vụ');
    info.body.append(infoList(task), h('h3', {}, 'Kế hoạch và chương trình'), taskPlans(task, plans, reload),
      h('h3', {}, 'Cờ đỏ và cảnh báo'), taskFlags(task.flags), h('h3', {}, 'Giải trình'), taskExplanations(task, explanations, reload));
    const parts = [h('h1', {}, task.title), ...sendBackNotices(task, events), info.section];
    const work = [];
    if (offers(task, 'progress')) {
      const progress = section('Cập nhật tiến độ');
      progress.body.append(progressForm(task, reload));
      work.push(progress.section);
    }
    if (offers(task, 'draft') || offers(task, 'submit')) {
      const claim = section('Đề nghị hoàn thành');
      claim.body.append(...claimForms(task, reload).filter(Boolean));
      work.push(claim.section);
    }
    if (offers(task, 'setDeadline')) {
      const deadline = section('Đặt thời hạn');
      deadline.body.append(deadlineForm(task, reload));
      work.push(deadline.section);
    }
    if (work.length) parts.push(h('div', { class: 'grid-2' }, ...work));
    if (offers(task, 'accept')) {
      parts.push(h('p', { class: 'notice' }, 'Nhiệm vụ đang chờ thẩm định. ', h('a', { href: '#/tham-dinh' }, 'Mở trang Thẩm định')));
    }
    const history = section('Nhật ký thực hiện');
    history.body.append(historyTable(task, events));
    parts.push(history.section, taskComments(task));
    return parts;
  });
  await reload();
}
