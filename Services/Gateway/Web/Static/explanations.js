// Yêu cầu giải trình on a task's page: the requests about the task with their answers, a "Yêu cầu giải trình"
// form under each red flag for the steering committee or inspectors at or above the task's unit, and for the
// head of the unit asked a link to answer (on the Giải trình page, where the answer's evidence is uploaded).
import { call } from './api.js';
import { badge, h } from './dom.js';
import { formatDate, todayIso } from './format.js';
import { fieldError, runAction } from './forms.js';
import { fileUrl } from './evidence.js';
import { isWithin, state } from './state.js';
import { labelOf, serverToday } from './vocabulary.js';

const TONES = { awaiting: 'yellow', overdue: 'red', answered: 'green' };

/** Whether the user may ask `unitId` to explain a flag: steering or inspector at it or above (the server checks again). */
export function mayRequest(unitId) {
  return !!state.session?.grants?.some((g) => ['steering', 'inspector'].includes(g.role) && isWithin(unitId, g.unitId));
}

/** Whether the user answers for `unitId`: its own head. */
export function mayAnswer(unitId) {
  return !!state.session?.grants?.some((g) => g.role === 'head' && g.unitId === unitId);
}

/** The flag rule a request (or a flag {kind, rule}) is about, in the server's words: a task's rule or a KPI's. */
export function ruleLabel(item) {
  return labelOf(item.kind === 'kpi' ? 'kpiFlagRules' : 'flagRules', item.rule);
}

/** A request's state as a badge, in the server's words. */
export function explanationBadge(request) {
  return badge(request.stateLabel || request.state, TONES[request.state] || 'grey', { dataset: { state: request.state } });
}

/** The answer given, with its evidence, or nothing yet. */
export function answerView(request) {
  if (!request.answer) return h('p', { class: 'muted' }, 'Chưa trả lời.');
  return h('div', { class: 'explanation-answer' },
    h('p', { class: 'muted small' }, `Trả lời ngày ${formatDate(request.answeredOn)}${request.answeredBy ? ` (${request.answeredBy})` : ''}:`),
    h('p', {}, request.answer),
    request.evidenceIds?.length ? h('ul', { class: 'plain' }, request.evidenceIds.map((id, i) =>
      h('li', {}, h('a', { href: fileUrl({ id }, request.unitId), target: '_blank', rel: 'noopener' }, `Minh chứng ${i + 1}`)))) : null);
}

/** One request: what was asked, by whom and by when, its state and its answer. */
export function explanationItem(request) {
  const open = request.state !== 'answered';
  return h('li', { class: 'explanation', dataset: { id: request.id, state: request.state } },
    h('div', { class: 'badges' }, explanationBadge(request), badge(ruleLabel(request), 'grey')),
    h('p', {}, h('strong', {}, 'Yêu cầu: '), request.question),
    h('p', { class: 'muted small' }, `Do ${request.requestedBy} yêu cầu ngày ${formatDate(request.requestedOn)}; hạn trả lời ${formatDate(request.dueOn)}.`),
    answerView(request),
    open && mayAnswer(request.unitId)
      ? h('p', {}, h('a', { class: 'btn btn-secondary answer-link', href: `#/giai-trinh/${encodeURIComponent(request.id)}` }, 'Trả lời giải trình')) : null);
}

/** The day a week after the server's today (yyyy-MM-dd), the default answer-by date. */
function aWeekOn() {
  const day = new Date(`${serverToday() || todayIso()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

/**
 * The fields of a request (question, answer-by date) and its submit button, as a form: `target()` names the flag
 * ({unitId, kind, itemId, rule, period}); `done()` runs after the server accepted it. `key` keeps ids unique.
 */
export function requestForm(key, target, done, { hidden = false, before = [] } = {}) {
  const question = h('textarea', { id: `explain-question-${key}`, name: 'question', rows: 3, maxlength: 4000, required: true });
  const dueOn = h('input', { id: `explain-due-${key}`, name: 'dueOn', type: 'date', min: serverToday() || todayIso(), value: aWeekOn(), required: true });
  const button = h('button', { type: 'submit', class: 'btn btn-primary explain-submit' }, 'Gửi yêu cầu giải trình');
  const form = h('form', { class: 'form explain-form', dataset: { key }, novalidate: true, hidden },
    ...before,
    h('div', { class: 'field' }, h('label', { for: question.id }, 'Nội dung cần giải trình'), question),
    h('div', { class: 'field' }, h('label', { for: dueOn.id }, 'Hạn trả lời'), dueOn),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, button, async () => {
      const flag = target();
      if (!flag) throw fieldError('flag', 'Cần chọn cờ đỏ cần giải trình.');
      if (!question.value.trim()) throw fieldError('question', 'Cần nêu nội dung đơn vị phải giải trình.');
      if (!dueOn.value) throw fieldError('dueOn', 'Cần chọn hạn trả lời.');
      return call('tasks.explanations.request', { ...flag, question: question.value.trim(), dueOn: dueOn.value });
    }, 'Đã gửi yêu cầu giải trình.');
    if (ok) done();
  });
  return form;
}

/** A "Yêu cầu giải trình" button under a task's red flag that opens the request form. */
function taskFlagRequest(task, flag, reload) {
  const form = requestForm(flag.rule, () => ({ unitId: task.leadUnitId, kind: 'task', itemId: task.id, rule: flag.rule }), reload, { hidden: true });
  const open = h('button', { type: 'button', class: 'btn btn-secondary explain-open', dataset: { rule: flag.rule } }, 'Yêu cầu giải trình');
  open.addEventListener('click', () => { form.hidden = false; open.hidden = true; form.querySelector('textarea').focus(); });
  return h('div', { class: 'explain-request' }, open, form);
}

/**
 * The task page's "Giải trình" block: the requests about `task` (from `tasks.explanations.list`), and a request
 * form for each red flag of the task that has no open request, for those who may ask.
 */
export function taskExplanations(task, requests, reload) {
  const openRules = new Set(requests.filter((r) => r.state !== 'answered').map((r) => r.rule));
  const askable = mayRequest(task.leadUnitId)
    ? (task.flags || []).filter((f) => f.level === 'red' && f.rule !== 'explanationOverdue' && !openRules.has(f.rule)) : [];
  return h('div', { id: 'task-explanations' },
    requests.length ? h('ul', { class: 'plain explanations' }, requests.map(explanationItem))
      : h('p', { class: 'empty' }, 'Chưa có yêu cầu giải trình nào về nhiệm vụ này.'),
    askable.map((f) => h('div', { class: 'explain-flag' },
      h('p', { class: 'muted small' }, `Cờ đỏ: ${f.ruleText || labelOf('flagRules', f.rule) || f.rule}`), taskFlagRequest(task, f, reload))));
}
