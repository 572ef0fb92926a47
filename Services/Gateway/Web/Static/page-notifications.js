// Thông báo: the caller's reminders (newest first, unread marked), marking them read, and their
// mail settings (address, daily digest on or off). Labels are the server's (stageLabel).
import { call } from './api.js';
import { announce, badge, h, loadInto, section, table } from './dom.js';
import { formatDate } from './format.js';

const TONES = { escalated: 'red', overdue: 'red', dueTomorrow: 'yellow', dueInAWeek: 'blue' };

/** Asks the server how many reminders are unread and shows it on the bell; never throws. */
export async function refreshBell() {
  const count = document.getElementById('notif-count');
  const bell = document.getElementById('notif-bell');
  if (!count || !bell) return;
  try {
    const { unread } = await call('tasks.reminders.list', { unreadOnly: true, limit: 1 });
    count.textContent = String(unread);
    count.hidden = unread === 0;
    bell.setAttribute('aria-label', unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo: không có thông báo chưa đọc');
  } catch (err) {
    console.error(err);
  }
}

function remindersTable(result, reload) {
  const markOne = async (id) => {
    await call('tasks.reminders.markRead', { ids: [id] });
    await reload();
  };
  return table([
    { label: 'Ngày', cell: (r) => formatDate(r.raisedOn) },
    { label: 'Mức', cell: (r) => badge(r.stageLabel, TONES[r.stage] || 'grey') },
    { label: 'Nội dung', cell: (r) => h('span', { class: r.read ? 'reminder-read' : 'reminder-unread' }, r.message) },
    { label: 'Hạn', cell: (r) => formatDate(r.dueOn) },
    { label: '', cell: (r) => (r.read ? 'Đã đọc'
      : h('button', { type: 'button', class: 'btn btn-small btn-secondary mark-read', dataset: { id: r.id }, onclick: () => markOne(r.id) },
        'Đánh dấu đã đọc')) },
  ], result.reminders || [], {
    empty: 'Chưa có thông báo nhắc việc nào.',
    rowAttrs: (r) => ({ class: 'reminder-row', dataset: { id: r.id, stage: r.stage, read: String(r.read) } }),
  });
}

function mailForm(preference) {
  const email = h('input', { id: 'mail-email', name: 'email', type: 'email', autocomplete: 'email', value: preference.email || '' });
  const digest = h('input', { id: 'mail-reminders', name: 'reminders', type: 'checkbox', checked: !!preference.reminders });
  const form = h('form', { id: 'mail-form', class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'mail-email' }, 'Địa chỉ thư điện tử'), email),
    h('div', { class: 'field field-check' }, digest, h('label', { for: 'mail-reminders' }, 'Nhận thư tổng hợp nhắc việc mỗi sáng')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'mail-save', class: 'btn btn-primary' }, 'Lưu')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      // An emptied field removes the address: `call` leaves out empty strings, so a blank goes as one space.
      const saved = await call('auth.mail.set', { email: email.value.trim() || ' ', reminders: digest.checked });
      announce(saved.reminders ? 'Đã lưu: thư nhắc việc được gửi mỗi sáng.' : 'Đã lưu: không gửi thư nhắc việc.', 'ok');
    } catch (err) {
      announce(err.message, 'error');
    }
  });
  return form;
}

/** Renders the notifications page. */
export async function render(main) {
  const list = section('Nhắc việc');
  const mail = section('Thư nhắc việc');
  const markAll = h('button', { type: 'button', id: 'mark-all-read', class: 'btn btn-secondary' }, 'Đánh dấu tất cả đã đọc');
  main.append(h('h1', {}, 'Thông báo'), h('div', { class: 'actions' }, markAll), list.section, mail.section);
  const reload = async () => {
    await loadInto(list.body, () => call('tasks.reminders.list', { limit: 200 }), (r) => [
      h('p', { id: 'unread-summary' }, r.unread ? `${r.unread} thông báo chưa đọc.` : 'Không có thông báo chưa đọc.'),
      remindersTable(r, reload),
    ]);
    await refreshBell();
  };
  markAll.addEventListener('click', async () => {
    try {
      await call('tasks.reminders.markRead', {});
      announce('Đã đánh dấu tất cả thông báo là đã đọc.', 'ok');
      await reload();
    } catch (err) {
      announce(err.message, 'error');
    }
  });
  await Promise.all([reload(), loadInto(mail.body, () => call('auth.mail.get', {}), mailForm)]);
}
