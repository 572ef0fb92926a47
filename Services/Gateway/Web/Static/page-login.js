// Login screen: username/password, VNeID when configured, link to the public page.
import { login } from './api.js';
import { h } from './dom.js';
import { state } from './state.js';

/** Renders the login form; `ctx.onLogin(session)` is called after a successful login. */
export async function render(main, ctx) {
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { id: 'login-submit', type: 'submit', class: 'btn btn-primary' }, 'Đăng nhập');
  const error = h('p', { id: 'login-error', class: 'form-error', role: 'alert' });
  const form = h('form', { class: 'login-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, 'Tên đăng nhập'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Mật khẩu'), password),
    error, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if (!username.value.trim() || !password.value) {
      error.textContent = 'Vui lòng nhập tên đăng nhập và mật khẩu.';
      (username.value.trim() ? password : username).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Đang đăng nhập…';
    try {
      const session = await login(username.value.trim(), password.value);
      await ctx.onLogin(session);
    } catch (err) {
      error.textContent = err.message;
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Đăng nhập';
    }
  });
  main.append(h('div', { class: 'login-card card' },
    h('h1', {}, 'Đăng nhập'),
    h('p', { class: 'muted' }, 'Hệ thống theo dõi thực hiện Nghị quyết 57 — dành cho cán bộ, công chức được phân quyền.'),
    form,
    state.identityLogin ? h('div', { class: 'login-alt' }, h('p', { class: 'divider' }, 'hoặc'),
      h('a', { id: 'login-vneid', class: 'btn btn-secondary btn-block', href: '/auth/vneid/start' }, 'Đăng nhập bằng VNeID')) : null,
    h('p', { class: 'login-public' }, h('a', { id: 'link-public', href: '#/cong-khai' }, 'Xem thông tin công khai (không cần đăng nhập)'))));
}
