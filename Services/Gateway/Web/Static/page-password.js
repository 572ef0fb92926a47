// Change password: asked for at once after an admin's reset, and open to everyone from the header.
import { changePassword } from './api.js';
import { h } from './dom.js';
import { state } from './state.js';

const MIN_LENGTH = 10;

/** Renders the form; `ctx.onChanged(session)` is called once the password is changed. */
export async function render(main, ctx) {
  const field = (id, labelText, autocomplete) => {
    const input = h('input', { id, name: id, type: 'password', autocomplete, required: true });
    return { input, box: h('div', { class: 'field' }, h('label', { for: id }, labelText), input) };
  };
  const current = field('password-current', 'Mật khẩu hiện tại', 'current-password');
  const next = field('password-new', `Mật khẩu mới (ít nhất ${MIN_LENGTH} ký tự)`, 'new-password');
  const again = field('password-again', 'Nhập lại mật khẩu mới', 'new-password');
  const error = h('p', { id: 'password-error', class: 'form-error', role: 'alert' });
  const submit = h('button', { id: 'password-submit', type: 'submit', class: 'btn btn-primary' }, 'Đổi mật khẩu');
  const form = h('form', { class: 'login-form', novalidate: true }, current.box, next.box, again.box, error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!current.input.value) { error.textContent = 'Vui lòng nhập mật khẩu hiện tại.'; current.input.focus(); return; }
    if ([...next.input.value].length < MIN_LENGTH) {
      error.textContent = `Mật khẩu mới cần ít nhất ${MIN_LENGTH} ký tự.`; next.input.focus(); return;
    }
    if (next.input.value !== again.input.value) {
      error.textContent = 'Hai lần nhập mật khẩu mới không khớp.'; again.input.focus(); return;
    }
    submit.disabled = true;
    submit.textContent = 'Đang đổi…';
    try {
      const session = await changePassword(current.input.value, next.input.value);
      await ctx.onChanged(session);
    } catch (err) {
      error.textContent = err.message;
    } finally {
      submit.disabled = false;
      submit.textContent = 'Đổi mật khẩu';
    }
  });
  main.append(h('div', { class: 'login-card card' },
    h('h1', {}, 'Đổi mật khẩu'),
    state.session?.mustChangePassword
      ? h('p', { id: 'password-required', class: 'notice' }, 'Quản trị viên đã đặt lại mật khẩu của bạn. Hãy đặt mật khẩu mới trước khi tiếp tục; các phiên đăng nhập khác sẽ kết thúc.')
      : h('p', { class: 'muted' }, 'Sau khi đổi, các phiên đăng nhập khác của tài khoản này sẽ kết thúc.'),
    form));
}
