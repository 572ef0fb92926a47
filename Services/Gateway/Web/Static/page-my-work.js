// Việc của tôi: for staff and heads, what their units owe: items sent back (the reason on top), overdue items,
// the next due date of every task, recurring report and KPI period, and drafts waiting for the head's submission.
// Section names and their order are the server's (`workSections`); each heading carries its count.
import { call } from './api.js';
import { badge, h, loadInto } from './dom.js';
import { formatDate, formatNumber } from './format.js';
import { runAction } from './forms.js';
import { loadMyWork, sectionOrder } from './my-work.js';
import { refreshNavCounts } from './nav-counts.js';
import { unitName } from './state.js';
import { detailOf, ensurePeriods, labelOf, periodText } from './vocabulary.js';

/** How many items of a long section show before "Xem tất cả". */
const FIRST = 20;
const TONES = { sentBack: 'red', overdue: 'red', due: 'blue', draft: 'yellow' };
const KIND_NAMES = { task: 'Nhiệm vụ', kpi: 'Chỉ tiêu' };

function itemLink(item) {
  const href = item.kind === 'task' ? `#/nhiem-vu/${encodeURIComponent(item.itemId)}` : `#/chi-tieu/${encodeURIComponent(item.itemId)}`;
  return h('a', { href }, item.title);
}

function dueText(item) {
  if (!item.dueOn) return null;
  if (item.daysLate > 0) return `Hạn ${formatDate(item.dueOn)} · trễ ${formatNumber(item.daysLate)} ngày`;
  return `Hạn ${formatDate(item.dueOn)}`;
}

function submitButton(item, card) {
  if (!(item.actions || []).includes('submit')) return null;
  const button = h('button', { type: 'button', class: 'btn btn-primary submit-draft' }, labelOf('itemActions', 'submit'));
  const form = h('form', { class: 'form inline-action', novalidate: true }, h('p', { class: 'form-error', role: 'alert' }), button);
  form.addEventListener('submit', (e) => e.preventDefault());
  button.addEventListener('click', async () => {
    const ok = await runAction(form, button, () => (item.kind === 'task'
      ? call('tasks.submit', { taskId: item.itemId, unitId: item.unitId, period: item.period })
      : call('metrics.submit', { indicatorId: item.itemId, unitId: item.unitId, period: item.period })), 'Đã gửi thẩm định.');
    if (ok !== undefined) {
      card.classList.add('done');
      form.replaceWith(h('p', { class: 'notice' }, 'Đã gửi thẩm định.'));
      refreshNavCounts();
    }
  });
  return form;
}

function renderItem(item) {
  const card = h('article', { class: 'work-item card-inner', dataset: { section: item.section, kind: item.kind, item: item.itemId, period: item.period || '' } });
  const missed = item.missedPeriods > 1 ? `thiếu ${formatNumber(item.missedPeriods)} kỳ báo cáo, từ ${periodText(item.period)}` : null;
  // Element.append writes null as the text "null": leave out the parts an item does not have.
  card.append(...[
    item.section === 'sentBack'
      ? h('p', { class: 'work-reason' }, h('strong', {}, 'Lý do trả lại: '), item.reason || '(không ghi lý do)',
        item.sentBackOn ? h('span', { class: 'muted' }, ` · ngày ${formatDate(item.sentBackOn)}`) : null)
      : null,
    h('div', { class: 'work-item-head' }, badge(KIND_NAMES[item.kind] || item.kind, 'grey'), h('h3', {}, itemLink(item))),
    h('p', { class: 'muted' }, [unitName(item.unitId), dueText(item), missed].filter(Boolean).join(' · ')),
    submitButton(item, card)].filter(Boolean));
  return card;
}

function renderSection(name, items) {
  const list = h('div', { class: 'work-list' });
  const showAll = h('button', { type: 'button', class: 'btn btn-secondary show-all' }, `Xem tất cả (${formatNumber(items.length)})`);
  const fill = (all) => list.replaceChildren(...(items.length ? (all ? items : items.slice(0, FIRST)).map(renderItem)
    : [h('p', { class: 'empty' }, 'Không có việc nào.')]));
  showAll.addEventListener('click', () => { fill(true); showAll.remove(); });
  fill(false);
  const heading = h('h2', {}, labelOf('workSections', name), ' ', badge(formatNumber(items.length), items.length ? TONES[name] : 'grey'));
  // An empty section is one line: its name and 0, so what needs doing stays on the first screen of a phone.
  if (!items.length) return h('section', { class: 'card work-section empty-section', id: `viec-${name}`, dataset: { section: name, count: '0' } }, heading);
  return h('section', { class: 'card work-section', id: `viec-${name}`, dataset: { section: name, count: String(items.length) } },
    heading, h('p', { class: 'muted' }, detailOf('workSections', name)),
    list, items.length > FIRST ? showAll : null);
}

/** Renders Việc của tôi. */
export async function render(main) {
  const body = h('div', { id: 'my-work' });
  main.append(h('h1', {}, 'Việc của tôi'), body);
  await loadInto(body, async () => {
    const work = await loadMyWork();
    await ensurePeriods(work.items.map((i) => i.period));
    return work;
  }, (work) => {
    const sections = sectionOrder();
    const bySection = new Map(sections.map((s) => [s, work.items.filter((i) => i.section === s)]));
    const tabs = h('nav', { class: 'work-tabs', 'aria-label': 'Các nhóm việc' }, sections.map((s) => h('a', { href: `#/viec-cua-toi`, class: 'work-tab', dataset: { section: s },
      onclick: (e) => { e.preventDefault(); document.getElementById(`viec-${s}`)?.scrollIntoView({ behavior: 'smooth' }); } },
    labelOf('workSections', s), ' ', badge(formatNumber(bySection.get(s).length), bySection.get(s).length ? TONES[s] : 'grey'))));
    return [h('p', { class: 'muted' }, `Đến ngày ${formatDate(work.asOf)}`), tabs, ...sections.map((s) => renderSection(s, bySection.get(s)))];
  });
}
