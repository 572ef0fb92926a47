// Giải trình: the requests for explanation of the selected unit and the units below it (newest first, by
// state), each with what it is about and its answer; and one request's page, where the head of the unit asked
// answers with text and evidence (uploaded there, kept with the answer).
import { call } from './api.js';
import { h, loadInto, section, select } from './dom.js';
import { evidenceUploader } from './evidence.js';
import { fieldError, runAction } from './forms.js';
import { answerView, explanationBadge, explanationItem, mayAnswer, mayRequest, requestForm, ruleLabel } from './explanations.js';
import { formatDate, periodText } from './format.js';
import { state, unitName } from './state.js';
import { termsOf } from './vocabulary.js';

/** A unit's name, with its commune beside a department's ("Phòng Kinh tế, Xã Bình Tân"). */
function placeName(id) {
  const unit = state.unitsById.get(id);
  const parent = unit?.kind === 'department' ? state.unitsById.get(unit.parentId) : null;
  return parent ? `${unitName(id)}, ${unitName(parent.id)}` : unitName(id);
}

/** What a request is about, as a link: the task's page, or the KPI page for an indicator. */
function subject(request, titles) {
  if (request.kind === 'task') {
    return h('a', { href: `#/nhiem-vu/${encodeURIComponent(request.itemId)}` }, titles.get(request.itemId) || 'Nhiệm vụ');
  }
  return h('a', { href: '#/chi-tieu' }, titles.get(request.itemId) || 'Chỉ tiêu');
}

/** Titles of the tasks and indicators of the selected unit, by id, for naming what requests are about. */
async function titles() {
  const [tasks, indicators] = await Promise.all([
    call('tasks.list', { unitId: state.unitId }).catch(() => ({ tasks: [] })),
    call('metrics.indicators.list', { unitId: state.unitId }).catch(() => ({ indicators: [] })),
  ]);
  return new Map([...(tasks.tasks || []).map((t) => [t.id, t.title]), ...(indicators.indicators || []).map((i) => [i.id, i.name])]);
}

/** The red flags of the selected unit and below that may be explained (tasks' and KPIs'), with none open about them. */
async function askableFlags(requests) {
  const [tasks, kpis] = await Promise.all([
    call('tasks.flags', { unitId: state.unitId, asOf: state.asOf }).catch(() => ({ flags: [] })),
    call('metrics.flags', { unitId: state.unitId, asOf: state.asOf }).catch(() => ({ flags: [] })),
  ]);
  const open = new Set(requests.filter((r) => r.state !== 'answered').map((r) => `${r.unitId}|${r.itemId}|${r.rule}|${r.period || ''}`));
  const flags = [
    ...(tasks.flags || []).filter((f) => f.rule !== 'explanationOverdue')
      .map((f) => ({ unitId: f.unitId, kind: 'task', itemId: f.taskId, rule: f.rule, level: f.level, title: f.taskTitle })),
    ...(kpis.flags || []).map((f) => ({ unitId: f.unitId, kind: 'kpi', itemId: f.indicatorId, rule: f.rule, period: f.period, level: f.level, title: f.indicatorName })),
  ];
  return flags.filter((f) => f.level === 'red' && !open.has(`${f.unitId}|${f.itemId}|${f.rule}|${f.period || ''}`));
}

/** "Yêu cầu giải trình mới": pick one of the red flags below, ask its unit to explain by a date. */
function newRequest(flags, reload) {
  if (!flags.length) return h('p', { class: 'empty' }, 'Không có cờ đỏ nào chưa được yêu cầu giải trình.');
  const options = flags.map((f, i) => ({
    value: String(i),
    text: `${placeName(f.unitId)} — ${f.title} — ${ruleLabel(f)}${f.period ? ` (${periodText(f.period)})` : ''}`,
  }));
  const choice = select({ id: 'explain-flag', name: 'flag' }, options, '0');
  const target = () => {
    const { unitId, kind, itemId, rule, period } = flags[Number(choice.value)] || {};
    return itemId ? { unitId, kind, itemId, rule, period } : null;
  };
  return requestForm('moi', target, reload, {
    before: [h('div', { class: 'field' }, h('label', { for: 'explain-flag' }, `Cờ đỏ (${flags.length})`), choice)],
  });
}

/** Renders the list of the selected unit's requests. */
export async function renderList(main) {
  const states = [{ value: '', text: 'Tất cả' }, ...termsOf('explanationStates').map((t) => ({ value: t.value, text: t.label }))];
  const stateSel = select({ id: 'explanation-state-filter' }, states, '');
  const body = h('div');
  main.append(h('h1', {}, 'Giải trình'), h('p', { class: 'muted' }, `${unitName(state.unitId)} và các đơn vị trực thuộc`),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'explanation-state-filter' }, 'Trạng thái'), stateSel)), body);
  const asking = mayRequest(state.unitId);
  const load = () => loadInto(body,
    async () => {
      const [result, names] = await Promise.all([call('tasks.explanations.list', { unitId: state.unitId }), titles()]);
      return [result, names, asking ? await askableFlags(result.requests || []) : null];
    },
    ([result, names, flags]) => {
      const ask = flags ? section('Yêu cầu giải trình mới') : null;
      ask?.body.append(newRequest(flags, load));
      const requests = (result.requests || []).filter((r) => !stateSel.value || r.state === stateSel.value);
      if (!requests.length) return [ask?.section, h('p', { class: 'empty' }, 'Không có yêu cầu giải trình nào.')].filter(Boolean);
      return [ask?.section, h('p', { class: 'count' }, `${requests.length} yêu cầu`),
        h('ul', { id: 'explanations', class: 'plain explanations' }, requests.map((r) => {
          const item = explanationItem(r);
          item.prepend(h('p', {}, h('strong', {}, placeName(r.unitId)), ' — ', subject(r, names)));
          return item;
        }))].filter(Boolean);
    });
  stateSel.addEventListener('change', load);
  await load();
}

function answerForm(request) {
  const text = h('textarea', { id: 'explanation-answer', name: 'answer', rows: 6, maxlength: 4000, required: true });
  const uploader = evidenceUploader({ unitId: request.unitId, supports: () => `explanation:${request.id}` });
  const button = h('button', { id: 'explanation-submit', type: 'submit', class: 'btn btn-primary' }, 'Gửi trả lời');
  const form = h('form', { id: 'explanation-form', class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'explanation-answer' }, 'Nội dung giải trình'), text),
    uploader.element,
    h('p', { class: 'hint' }, 'Trả lời một lần; yêu cầu và trả lời được lưu cùng cảnh báo và hồ sơ của đơn vị.'),
    h('p', { class: 'form-error', role: 'alert' }), h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, button, async () => {
      if (!text.value.trim()) throw fieldError('answer', 'Cần nhập nội dung giải trình.');
      return call('tasks.explanations.answer', { requestId: request.id, unitId: request.unitId, answer: text.value.trim(), evidenceIds: uploader.ids() });
    }, 'Đã gửi trả lời giải trình.');
    if (ok) window.location.hash = '#/giai-trinh';
  });
  return form;
}

/** Renders one request (looked up among the selected unit's and the user's own units' requests). */
export async function renderDetail(main, id) {
  const box = h('div');
  main.append(h('p', {}, h('a', { href: '#/giai-trinh', class: 'back' }, '← Danh sách giải trình')), box);
  await loadInto(box, async () => {
    const units = [...new Set([state.unitId, ...(state.session.grants || []).map((g) => g.unitId)].filter(Boolean))];
    // The user's units asked at once (not one after another), the page's names beside them.
    const [lists, names] = await Promise.all([
      Promise.all(units.map((unitId) => call('tasks.explanations.list', { unitId }).catch(() => ({ requests: [] })))),
      titles(),
    ]);
    return { request: lists.flatMap((l) => l.requests || []).find((r) => r.id === id) || null, names };
  }, ({ request, names }) => {
    if (!request) return h('p', { class: 'notice' }, 'Không tìm thấy yêu cầu giải trình này trong các đơn vị bạn được xem.');
    return [h('h1', {}, 'Yêu cầu giải trình'),
      h('dl', { class: 'info' },
        h('dt', {}, 'Đơn vị'), h('dd', {}, placeName(request.unitId)),
        h('dt', {}, 'Về'), h('dd', {}, subject(request, names)),
        h('dt', {}, 'Cảnh báo'), h('dd', {}, ruleLabel(request)),
        h('dt', {}, 'Trạng thái'), h('dd', {}, explanationBadge(request)),
        h('dt', {}, 'Nội dung yêu cầu'), h('dd', { id: 'explanation-question' }, request.question),
        h('dt', {}, 'Người yêu cầu'), h('dd', {}, `${request.requestedBy}, ngày ${formatDate(request.requestedOn)}`),
        h('dt', {}, 'Hạn trả lời'), h('dd', {}, formatDate(request.dueOn))),
      request.state !== 'answered' && mayAnswer(request.unitId) ? answerForm(request) : answerView(request)];
  });
}
