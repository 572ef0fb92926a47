// Nhật ký: the audit log with filters (inspector, admin).
import { call } from './api.js';
import { badge, h, loadInto, select, table } from './dom.js';
import { formatDateTime } from './format.js';
import { state } from './state.js';

/** Renders the audit log page. */
export async function render(main) {
  const action = h('input', { id: 'audit-action', name: 'action', placeholder: 'ví dụ: tasks.review' });
  const username = h('input', { id: 'audit-username', name: 'username', autocomplete: 'off' });
  const limit = select({ id: 'audit-limit', name: 'limit' }, [50, 100, 200, 500].map((n) => ({ value: n, text: String(n) })), 100);
  const form = h('form', { class: 'filters', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'audit-action' }, 'Thao tác'), action),
    h('div', { class: 'field' }, h('label', { for: 'audit-username' }, 'Người dùng'), username),
    h('div', { class: 'field' }, h('label', { for: 'audit-limit' }, 'Số dòng'), limit),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', id: 'audit-submit', class: 'btn btn-primary' }, 'Lọc')));
  const body = h('div');
  main.append(h('h1', {}, 'Nhật ký'), form, body);
  const load = () => loadInto(body,
    () => call('auth.audit.list', {
      unitId: state.unitId, limit: Number(limit.value),
      action: action.value.trim() || undefined, username: username.value.trim() || undefined,
    }),
    (r) => table([
      { label: '#', cell: (e) => String(e.seq), class: 'num' },
      { label: 'Thời điểm', cell: (e) => formatDateTime(e.at) },
      { label: 'Thao tác', cell: (e) => e.action || '' },
      { label: 'Người dùng', cell: (e) => e.username || '—' },
      { label: 'Phương thức', cell: (e) => e.method || '' },
      { label: 'Đối tượng', cell: (e) => e.target || '' },
      { label: 'Kết quả', cell: (e) => badge(e.outcome || '', /^(ok|success|allowed)$/i.test(e.outcome || '') ? 'green' : 'red') },
      { label: 'Chi tiết', cell: (e) => e.detail || '' },
    ], r.entries || [], { empty: 'Không có bản ghi nào.', rowAttrs: (e) => ({ class: 'audit-row', dataset: { seq: e.seq } }) }));
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
}
