// Công khai: the public summary of plans and indicators, readable without logging in.
import { call } from './api.js';
import { badge, h, loadInto, table } from './dom.js';
import { formatDate, formatNumber, formatPercent } from './format.js';
import { labelOf } from './vocabulary.js';

function planItem(plan) {
  const pct = plan.completedPercent;
  return h('article', { class: 'public-plan card-inner' },
    h('h3', {}, [plan.number, plan.title].filter(Boolean).join(' — ')),
    h('p', { class: 'muted' }, `Ban hành ngày ${formatDate(plan.issuedOn)} · ${formatNumber(plan.taskCount)} nhiệm vụ`),
    h('div', { class: 'progress-row' },
      h('progress', { max: 100, value: Math.max(0, Math.min(100, pct || 0)), 'aria-label': 'Tỷ lệ hoàn thành' }),
      h('span', {}, `Hoàn thành ${formatPercent(pct || 0)}`)),
    h('ul', { class: 'chips' }, Object.entries(plan.byState || {}).map(([st, n]) =>
      h('li', { class: `chip state-${st}` }, `${labelOf('taskStates', st)}: ${formatNumber(n)}`))));
}

/** The province: the public page shows it and every unit below it. */
async function provinceId() {
  const units = (await call('auth.units.list', {})).units || [];
  return (units.find((u) => u.kind === 'province') || units[0] || {}).id || 'vn';
}

/** Plans (tasks.public) and indicators (metrics.public) grouped by the unit that issued them. */
async function load() {
  const unitId = await provinceId();
  const [tasks, metrics, units] = await Promise.all([
    call('tasks.public', { unitId }), call('metrics.public', { unitId }), call('auth.units.list', { under: unitId }),
  ]);
  const names = new Map((units.units || []).map((u) => [u.id, u.name]));
  const byUnit = new Map();
  const entry = (id) => {
    if (!byUnit.has(id)) byUnit.set(id, { unitId: id, unitName: names.get(id), plans: [], indicators: [] });
    return byUnit.get(id);
  };
  for (const plan of tasks.plans || []) entry(plan.issuingUnitId).plans.push({ ...plan, taskCount: (plan.tasks || []).length });
  for (const indicator of metrics.indicators || []) entry(indicator.ownerUnitId).indicators.push(indicator);
  return { asOf: tasks.asOf, units: [...byUnit.values()] };
}

/** Renders the public page. */
export async function render(main) {
  main.append(h('h1', {}, 'Công khai kết quả thực hiện'));
  const body = h('div');
  main.append(body);
  await loadInto(body, load, (r) => [
    h('p', { class: 'muted' }, `Số liệu tính đến ngày ${formatDate(r.asOf)}.`),
    (r.units || []).length ? null : h('p', { class: 'empty' }, 'Chưa có thông tin công khai.'),
    (r.units || []).map((u) => h('section', { class: 'card' },
      h('h2', {}, u.unitName || u.unitId),
      (u.plans || []).length ? (u.plans || []).map(planItem) : h('p', { class: 'empty' }, 'Chưa có kế hoạch công khai.'),
      (u.indicators || []).length ? h('div', {}, h('h3', {}, 'Chỉ tiêu'), table([
        { label: 'Mã', cell: (i) => i.code },
        { label: 'Chỉ tiêu', cell: (i) => i.name },
        { label: 'Kết quả', cell: (i) => i.valueText || '—', class: 'num' },
        { label: 'Mục tiêu', cell: (i) => i.target || '—', class: 'num' },
        { label: 'Đánh giá', cell: (i) => badge(i.statusLabel || i.statusText || labelOf('completionStatuses', i.status), i.status === 'red' ? 'red' : i.status === 'met' ? 'green' : 'grey') },
      ], u.indicators)) : null)),
  ]);
}
