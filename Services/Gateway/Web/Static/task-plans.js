// A task's plans on its page: its own plan and those it is linked into, each with its programme, and for a
// reviewer or steering member above it, "Gắn vào kế hoạch khác" and "Bỏ liên kết" (tasks.plans.link/unlink).
// A linked task is reported once: the page says so, so nobody reports it again under the other plan.
import { call } from './api.js';
import { badge, h, select } from './dom.js';
import { formatDate } from './format.js';
import { runAction } from './forms.js';
import { state, unitName } from './state.js';

/** The programme's short name ("NQ 71") from the header's list, or its code. */
function programmeName(code) {
  return state.programmes.find((p) => p.code === code)?.shortName || code;
}

function planLine(entry, task, reload) {
  const { plan } = entry;
  const unlink = entry.mayUnlink ? h('button', { type: 'button', class: 'btn btn-link unlink-plan', dataset: { plan: plan.id } }, 'Bỏ liên kết') : null;
  const item = h('li', { class: 'task-plan', dataset: { plan: plan.id, home: String(entry.home) } },
    badge(programmeName(plan.programme), entry.home ? 'blue' : 'grey'), ' ',
    h('strong', {}, `Kế hoạch ${plan.number}`), ` (${unitName(plan.issuingUnitId)}, ${formatDate(plan.issuedOn)})`,
    entry.home ? h('span', { class: 'muted small' }, ' · kế hoạch gốc') : h('span', { class: 'muted small' }, ' · được gắn vào'),
    h('p', { class: 'muted small' }, plan.title), unlink, h('p', { class: 'form-error', role: 'alert' }));
  unlink?.addEventListener('click', async () => {
    const ok = await runAction(item, unlink,
      () => call('tasks.plans.unlink', { planId: plan.id, taskId: task.id, unitId: plan.issuingUnitId }), 'Đã bỏ liên kết.');
    if (ok) reload();
  });
  return item;
}

function linkForm(task, linkable, reload) {
  const choice = select({ id: 'link-plan', name: 'planId' },
    linkable.map((p) => ({ value: p.id, text: `${p.number} — ${p.title}` })), linkable[0]?.id);
  const button = h('button', { id: 'link-plan-submit', type: 'submit', class: 'btn btn-secondary' }, 'Gắn vào kế hoạch');
  const form = h('form', { id: 'link-plan-form', class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'link-plan' }, 'Gắn vào kế hoạch khác'), choice),
    h('p', { class: 'hint' }, 'Nhiệm vụ vẫn thuộc kế hoạch gốc; tiến độ, minh chứng và thẩm định là một, được tính một lần.'),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const plan = linkable.find((p) => p.id === choice.value);
    const ok = await runAction(form, button,
      () => call('tasks.plans.link', { planId: plan.id, taskId: task.id, unitId: plan.issuingUnitId }), `Đã gắn vào kế hoạch ${plan.number}.`);
    if (ok) reload();
  });
  return form;
}

/**
 * The "Kế hoạch và chương trình" block of a task's page, from `tasks.plans.ofTask` (`plans`); `reload` redraws
 * the page after a link or unlink.
 */
export function taskPlans(task, plans, reload) {
  const list = h('ul', { id: 'task-plans', class: 'plain task-plans' }, plans.plans.map((entry) => planLine(entry, task, reload)));
  const note = plans.plans.length > 1
    ? h('p', { class: 'muted small' }, `Nhiệm vụ thuộc ${plans.plans.length} kế hoạch và được báo cáo một lần cho tất cả.`) : null;
  return h('div', {}, list, note, plans.linkable.length ? linkForm(task, plans.linkable, reload) : null);
}
