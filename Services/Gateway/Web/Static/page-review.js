// Thẩm định: one queue for the selected unit and every unit below it (task claims, KPI values, requests to publish
// evidence), oldest first, filterable by unit, kind and age. Each item offers exactly the decisions the server says
// this user may take; an item they may not decide (their own unit, their own work) is shown with the reason.
import { call } from './api.js';
import { badge, h, loadInto, section, select } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import { fieldError, runAction } from './forms.js';
import { evidenceViewer } from './evidence.js';
import { decide, loadQueue } from './review-queue.js';
import { refreshNavCounts } from './nav-counts.js';
import { state, unitName } from './state.js';
import { ensurePeriods, labelOf, periodText } from './vocabulary.js';

/** The decisions of a review, in the order their buttons appear. */
const DECISIONS = ['accept', 'sendBack'];
/** The age filters offered: waiting more than N days. */
const AGES = [0, 3, 7, 14, 30];

function decisionForm(key, actions, run, onDone) {
  const allowed = DECISIONS.filter((d) => actions.includes(d));
  const reason = allowed.includes('sendBack') ? h('textarea', { class: 'reason', id: `reason-${key}`, name: 'reason', rows: 2 }) : null;
  const accept = allowed.includes('accept') ? h('button', { type: 'button', class: 'btn btn-primary accept' }, labelOf('itemActions', 'accept')) : null;
  const sendBack = reason ? h('button', { type: 'button', class: 'btn btn-danger send-back' }, labelOf('itemActions', 'sendBack')) : null;
  const form = h('form', { class: 'form decision', novalidate: true },
    reason ? h('div', { class: 'field' }, h('label', { for: reason.id }, 'Lý do trả lại (bắt buộc khi trả lại)'), reason) : null,
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, accept, sendBack));
  form.addEventListener('submit', (e) => e.preventDefault());
  const go = async (decision, button) => {
    const ok = await runAction(form, button, async () => {
      if (decision === 'sendBack' && !reason.value.trim()) throw fieldError('reason', 'Cần ghi lý do trả lại để đơn vị biết cần bổ sung gì.');
      return run(decision, reason?.value.trim());
    }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại hồ sơ cho đơn vị.');
    if (ok !== undefined) onDone(decision);
  };
  accept?.addEventListener('click', () => go('accept', accept));
  sendBack?.addEventListener('click', () => go('sendBack', sendBack));
  return form;
}

/** How many items of the list show their evidence open; the others load it when opened (one call each). */
const OPEN_EVIDENCE = 10;

/** The item's evidence, inline for the first items of the list, on demand for the rest of a long queue. */
function evidenceBlock(item, open) {
  if (!item.evidenceIds?.length) return null;
  const body = h('div', { class: 'evidence-body' });
  const details = h('details', { class: 'evidence-details' }, h('summary', {}, `Minh chứng (${item.evidenceIds.length})`), body);
  let loaded = false;
  const load = () => {
    if (!details.open || loaded) return;
    loaded = true;
    loadInto(body, () => call('evidence.info', { unitId: item.unitId, ids: item.evidenceIds }), (r) => evidenceViewer(r.files || [], item.unitId));
  };
  details.addEventListener('toggle', load);
  if (open) {
    details.open = true;
    load();
  }
  return details;
}

function itemLink(item) {
  if (item.kind === 'taskClaim') return h('a', { href: `#/nhiem-vu/${encodeURIComponent(item.itemId)}` }, item.title);
  if (item.kind === 'kpiValue') return h('a', { href: `#/chi-tieu/${encodeURIComponent(item.itemId)}` }, item.title);
  return item.title;
}

function renderItem(item, index) {
  const meta = [unitName(item.unitId), item.period ? periodText(item.period) : null,
    `gửi ngày ${formatDate(item.submittedOn)}`, item.waitingDays ? `chờ ${formatNumber(item.waitingDays)} ngày` : 'gửi hôm nay'];
  const value = item.kind === 'kpiValue' && item.value !== undefined && item.value !== null
    ? h('p', {}, h('strong', {}, 'Giá trị báo cáo: '), formatNumber(item.value, 2),
      item.denominator ? ` (${formatNumber(item.numerator, 2)} / ${formatNumber(item.denominator, 2)})` : '',
      item.unitOfMeasure ? ` ${item.unitOfMeasure}` : '', item.version > 1 ? ` · lần ${formatNumber(item.version)}` : '')
    : null;
  const article = h('article', { class: 'review-item card-inner', dataset: { kind: item.kind, item: item.itemId, unit: item.unitId, period: item.period || '', decide: String(item.canDecide) } },
    h('div', { class: 'review-item-head' }, badge(labelOf('reviewedItems', item.kind), item.kind === 'kpiValue' ? 'blue' : 'grey'),
      h('h3', {}, itemLink(item))),
    h('p', { class: 'muted' }, meta.filter(Boolean).join(' · ')),
    value,
    item.note ? h('p', {}, h('strong', {}, 'Ghi chú của đơn vị: '), item.note) : null,
    evidenceBlock(item, index < OPEN_EVIDENCE));
  if (item.kind === 'taskClaim') article.dataset.task = item.itemId;
  if (item.kind === 'kpiValue') article.dataset.indicator = item.itemId;
  if (item.canDecide) {
    article.append(decisionForm(`${index}`, item.actions || [], (decision, reason) => decide(item, decision, reason), (decision) => {
      article.classList.add('done');
      article.dataset.decision = decision;
      article.querySelector('form.decision')?.replaceWith(h('p', { class: 'notice' }, decision === 'accept' ? 'Đã chấp nhận.' : 'Đã trả lại.'));
      refreshNavCounts();
    }));
  } else {
    article.append(h('p', { class: 'muted no-decision' }, `Bạn không quyết định hồ sơ này: ${item.whyNot || 'không có quyền thẩm định.'}`));
  }
  return article;
}

function filterBar(items, filters, onChange) {
  const units = [...new Set(items.map((i) => i.unitId))].map((id) => ({ value: id, text: unitName(id) }))
    .sort((a, b) => a.text.localeCompare(b.text, 'vi'));
  const kinds = [...new Set(items.map((i) => i.kind))].map((k) => ({ value: k, text: labelOf('reviewedItems', k) }));
  const unit = select({ id: 'queue-unit' }, [{ value: '', text: 'Mọi đơn vị' }, ...units], filters.unit);
  const kind = select({ id: 'queue-kind' }, [{ value: '', text: 'Mọi loại' }, ...kinds], filters.kind);
  const age = select({ id: 'queue-age' }, AGES.map((d) => ({ value: String(d), text: d ? `Chờ hơn ${d} ngày` : 'Mọi thời gian chờ' })), String(filters.age));
  const change = () => onChange({ unit: unit.value, kind: kind.value, age: Number(age.value) });
  [unit, kind, age].forEach((s) => s.addEventListener('change', change));
  return h('div', { class: 'filters queue-filters' },
    h('div', { class: 'field' }, h('label', { for: 'queue-unit' }, 'Đơn vị'), unit),
    h('div', { class: 'field' }, h('label', { for: 'queue-kind' }, 'Loại hồ sơ'), kind),
    h('div', { class: 'field' }, h('label', { for: 'queue-age' }, 'Thời gian chờ'), age));
}

const FILTER_KEY = 'nq57:queue-filters';

/** Renders the review queue. */
export async function render(main) {
  const queue = section('Hồ sơ chờ thẩm định', { id: 'review-queue' });
  main.append(h('h1', {}, 'Thẩm định'), h('p', { class: 'muted' }, `${unitName(state.unitId)} và mọi đơn vị trực thuộc · cũ nhất trước`), queue.section);
  await loadInto(queue.body, async () => {
    const result = await loadQueue(state.unitId);
    await ensurePeriods(result.items.map((i) => i.period));
    return result;
  }, (result) => {
    let filters = { unit: '', kind: '', age: 0 };
    try { filters = { ...filters, ...JSON.parse(sessionStorage.getItem(FILTER_KEY) || '{}') }; } catch { /* defaults */ }
    if (!result.items.some((i) => i.unitId === filters.unit)) filters.unit = '';
    const list = h('div', { class: 'queue-list' });
    const summary = h('p', { class: 'count', id: 'queue-summary' });
    const show = () => {
      const shown = result.items.filter((i) => (!filters.unit || i.unitId === filters.unit) && (!filters.kind || i.kind === filters.kind)
        && (!filters.age || i.waitingDays > filters.age));
      const mine = shown.filter((i) => i.canDecide).length;
      summary.textContent = `${formatNumber(shown.length)} hồ sơ chờ thẩm định, ${formatNumber(mine)} hồ sơ bạn được quyết định.`;
      list.replaceChildren(...(shown.length ? shown.map(renderItem) : [h('p', { class: 'empty' }, 'Không có hồ sơ nào chờ thẩm định.')]));
    };
    const bar = filterBar(result.items, filters, (next) => {
      filters = next;
      sessionStorage.setItem(FILTER_KEY, JSON.stringify(filters));
      show();
    });
    show();
    return [bar, summary, list];
  });
}
