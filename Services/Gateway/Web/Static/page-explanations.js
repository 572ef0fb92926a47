// Giải trình: the requests for explanation of the selected unit and the units below it (newest first, by
// state), each with what it is about and its answer; and one request's page, where the head of the unit asked
// answers with text and evidence (uploaded there, kept with the answer).
import { call } from './api.js';
import { h, loadInto, select } from './dom.js';
import { evidenceUploader } from './evidence.js';
import { fieldError, runAction } from './forms.js';
import { answerView, explanationBadge, explanationItem, mayAnswer } from './explanations.js';
import { formatDate } from './format.js';
import { state, unitName } from './state.js';
import { labelOf, termsOf } from './vocabulary.js';

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

/** Renders the list of the selected unit's requests. */
export async function renderList(main) {
  const states = [{ value: '', text: 'Tất cả' }, ...termsOf('explanationStates').map((t) => ({ value: t.value, text: t.label }))];
  const stateSel = select({ id: 'explanation-state-filter' }, states, '');
  const body = h('div');
  main.append(h('h1', {}, 'Giải trình'), h('p', { class: 'muted' }, `${unitName(state.unitId)} và các đơn vị trực thuộc`),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'explanation-state-filter' }, 'Trạng thái'), stateSel)), body);
  const load = () => loadInto(body,
    () => Promise.all([call('tasks.explanations.list', { unitId: state.unitId }), titles()]),
    ([result, names]) => {
      const requests = (result.requests || []).filter((r) => !stateSel.value || r.state === stateSel.value);
      if (!requests.length) return h('p', { class: 'empty' }, 'Không có yêu cầu giải trình nào.');
      return [h('p', { class: 'count' }, `${requests.length} yêu cầu`),
        h('ul', { id: 'explanations', class: 'plain explanations' }, requests.map((r) => {
          const item = explanationItem(r);
          item.prepend(h('p', {}, h('strong', {}, unitName(r.unitId)), ' — ', subject(r, names)));
          return item;
        }))];
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
    for (const unitId of units) {
      const found = (await call('tasks.explanations.list', { unitId }).catch(() => ({ requests: [] }))).requests?.find((r) => r.id === id);
      if (found) return { request: found, names: await titles() };
    }
    return { request: null };
  }, ({ request, names }) => {
    if (!request) return h('p', { class: 'notice' }, 'Không tìm thấy yêu cầu giải trình này trong các đơn vị bạn được xem.');
    return [h('h1', {}, 'Yêu cầu giải trình'),
      h('dl', { class: 'info' },
        h('dt', {}, 'Đơn vị'), h('dd', {}, unitName(request.unitId)),
        h('dt', {}, 'Về'), h('dd', {}, subject(request, names)),
        h('dt', {}, 'Cảnh báo'), h('dd', {}, labelOf('flagRules', request.rule) || request.rule),
        h('dt', {}, 'Trạng thái'), h('dd', {}, explanationBadge(request)),
        h('dt', {}, 'Nội dung yêu cầu'), h('dd', { id: 'explanation-question' }, request.question),
        h('dt', {}, 'Người yêu cầu'), h('dd', {}, `${request.requestedBy}, ngày ${formatDate(request.requestedOn)}`),
        h('dt', {}, 'Hạn trả lời'), h('dd', {}, formatDate(request.dueOn))),
      request.state !== 'answered' && mayAnswer(request.unitId) ? answerForm(request) : answerView(request)];
  });
}
