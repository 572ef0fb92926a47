// Pieces shared by several pages: tones for states, flag lists, task state badges, CSV export.
import { call } from './api.js';
import { announce, badge, h } from './dom.js';
import { formatDate } from './format.js';
import { namesIn, unitName } from './state.js';
import { detailOf, labelOf, periodText } from './vocabulary.js';
import { downloadText } from './dom.js';

/** The colour tone of a task state. */
export function taskTone(stateKey) {
  return { completedOnTime: 'green', completedLate: 'green', submitted: 'blue', needsRework: 'yellow', inProgress: 'blue' }[stateKey] || 'grey';
}

/** The colour tone of a KPI status. */
export function kpiTone(status) {
  return { met: 'green', onTrack: 'green', atRisk: 'yellow', red: 'red' }[status] || 'grey';
}

/** A badge with a task's Vietnamese state name: `text` when the item carries it (its `stateLabel`), else the vocabulary's. */
export function taskStateBadge(stateKey, attrs = {}, text = null) {
  return badge(text || labelOf('taskStates', stateKey), taskTone(stateKey), { ...attrs, dataset: { state: stateKey } });
}

/** Red flags first, then warnings; the order within a level is kept. */
export function sortFlags(flags) {
  const rank = (f) => (f.level === 'red' ? 0 : 1);
  return flags.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

/** A `ul#flags`-style list of task and KPI flags (li.flag with data-rule, data-level, data-task/data-indicator). */
export function flagList(flags, id) {
  if (!flags.length) return h('div', {}, h('ul', { id, class: 'flags' }), h('p', { class: 'empty' }, 'Không có cờ đỏ hay cảnh báo nào.'));
  return h('ul', { id, class: 'flags' }, sortFlags(flags).map((f) => {
    const isTask = !!f.taskId;
    return h('li', {
      class: `flag flag-${f.level}`,
      dataset: { rule: f.rule, level: f.level, task: f.taskId, indicator: isTask ? null : f.indicatorId, unit: f.unitId },
    },
    badge(f.level === 'red' ? 'Cờ đỏ' : 'Cảnh báo', f.level === 'red' ? 'red' : 'yellow'),
    h('div', { class: 'flag-body' },
      h('strong', {}, f.ruleText || detailOf('flagRules', f.rule) || labelOf('flagRules', f.rule)),
      h('p', {}, isTask
        ? h('a', { href: `#/nhiem-vu/${encodeURIComponent(f.taskId)}` }, f.taskTitle || f.taskId)
        : h('a', { href: `#/chi-tieu/${encodeURIComponent(f.indicatorId)}` }, f.indicatorName || f.indicatorId)),
      h('p', { class: 'muted' }, [
        f.since ? `Từ ngày ${formatDate(f.since)}` : null,
        f.period ? `Kỳ: ${periodText(f.period)}` : null,
        `Đơn vị chịu trách nhiệm: ${unitName(f.unitId)}`,
      ].filter(Boolean).join(' · ')),
      f.detail ? h('p', {}, namesIn(f.detail)) : null));
  }));
}

/** "Tải CSV" (metrics.export with `params()`, saved as CSV) and "Tải XLSX" (the same table from /export/kpi). */
export function csvButton(params) {
  const xlsx = h('a', { class: 'btn btn-secondary btn-small', href: '#', download: '' }, 'Tải XLSX');
  xlsx.addEventListener('click', () => { xlsx.href = exportUrl('/export/kpi', params()); });
  return h('span', { class: 'export-buttons' }, csvOnlyButton(params), xlsx);
}

/** `path` with `params` (those given) as its query. */
export function exportUrl(path, params) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') query.set(k, String(v)); });
  return `${path}?${query}`;
}

function csvOnlyButton(params) {
  const button = h('button', { type: 'button', class: 'btn btn-secondary btn-small' }, 'Tải CSV');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = await call('metrics.export', params());
      downloadText(r.fileName, r.mediaType, r.csv);
      announce(`Đã tạo tệp ${r.fileName} (${r.rows} dòng).`, 'ok');
    } catch (err) {
      announce(err.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** Runs `fn` over items with at most `limit` calls at a time; resolves with results in order. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
