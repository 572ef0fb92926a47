// Ý kiến trao đổi: comments on a task or a KPI report between the unit and its reviewers, kept with the item,
// oldest first, each with its side (the server's role names) and, where the item has periods, its period.
import { h, loadInto } from './dom.js';
import { formatDateTime } from './format.js';
import { fieldError, runAction } from './forms.js';
import { labelOf, periodText } from './vocabulary.js';

/** The longest comment the server keeps (FreeText), in characters. */
const MAX = 4000;

function commentList(comments) {
  if (!comments.length) return h('p', { class: 'empty' }, 'Chưa có ý kiến nào.');
  return h('ol', { class: 'comments' }, comments.map((c) => h('li', { class: `comment comment-${c.role}`, dataset: { seq: c.seq } },
    h('p', { class: 'muted small' }, [labelOf('roles', c.role), c.username, formatDateTime(c.at), c.period ? periodText(c.period) : null]
      .filter(Boolean).join(' · ')),
    h('p', { class: 'comment-text' }, c.text))));
}

/**
 * The comments of an item with a form to add one: `list()` loads {comments}, `add(text, period)` sends one;
 * `periods` ([{value, text}]) offers a period to comment on, where the item has periods.
 */
export function commentsBlock({ id, list, add, periods }) {
  const listBox = h('div', { class: 'comments-list' });
  const text = h('textarea', { id: `${id}-text`, name: 'text', rows: 3, maxlength: String(MAX) });
  const period = periods?.length ? h('select', { id: `${id}-period`, name: 'period' }, periods.map((p) => h('option', { value: p.value }, p.text))) : null;
  const send = h('button', { type: 'submit', class: 'btn btn-secondary' }, 'Gửi ý kiến');
  const form = h('form', { class: 'form comment-form', novalidate: true },
    period ? h('div', { class: 'field' }, h('label', { for: period.id }, 'Về kỳ báo cáo'), period) : null,
    h('div', { class: 'field' }, h('label', { for: text.id }, `Ý kiến (tối đa ${MAX.toLocaleString('vi-VN')} ký tự)`), text),
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, send));
  const reload = () => loadInto(listBox, list, (r) => commentList(r.comments || []));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ok = await runAction(form, send, async () => {
      const value = text.value.trim();
      if (!value) throw fieldError('text', 'Cần nhập nội dung ý kiến.');
      if (value.length > MAX) throw fieldError('text', `Ý kiến dài ${value.length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${MAX.toLocaleString('vi-VN')} ký tự.`);
      return add(value, period?.value);
    }, 'Đã gửi ý kiến.');
    if (ok !== undefined) {
      text.value = '';
      await reload();
    }
  });
  reload();
  return h('div', { class: 'comments-block', id }, listBox, form);
}
