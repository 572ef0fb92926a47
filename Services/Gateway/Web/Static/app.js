// Entry point: session, header (unit and date filters, nav per role), routing to pages, the re-login dialog.
import { ApiError, call, getSession, login, logout, setReloginHandler } from './api.js';
import { announce, clear, errorBox, h, loadingBox } from './dom.js';
import { todayIso } from './format.js';
import { clearAllDrafts } from './forms.js';
import { startRouter } from './router.js';
import { mountProgrammeSelector, selectedProgramme } from './programme-filter.js';
import { overviewHash } from './overview-link.js';
import { hasRole, loadUnits, saveSelection, state, unitName } from './state.js';
import { ensurePeriodsAround, labelOf, loadVocabulary, serverToday } from './vocabulary.js';
import * as overview from './page-overview.js';
import * as tasks from './page-tasks.js';
import * as kpi from './page-kpi.js';
import * as review from './page-review.js';
import * as myWork from './page-my-work.js';
import { refreshNavCounts } from './nav-counts.js';
import * as audit from './page-audit.js';
import * as publicPage from './page-public.js';
import * as loginPage from './page-login.js';
import * as passwordPage from './page-password.js';
import * as notifications from './page-notifications.js';
import * as explanations from './page-explanations.js';
import * as report from './page-report.js';

const PAGES = {
  'tong-quan': { title: 'Tổng quan', render: (main, param) => overview.render(main, param) },
  'nhiem-vu': { title: 'Nhiệm vụ', render: (main, param) => (param ? tasks.renderDetail(main, param) : tasks.renderList(main)) },
  'chi-tieu': { title: 'Chỉ tiêu', render: (main, param) => kpi.render(main, param) },
  'viec-cua-toi': { title: 'Việc của tôi', roles: ['staff', 'head'], render: (main) => myWork.render(main) },
  'tham-dinh': { title: 'Thẩm định', roles: ['reviewer'], render: (main) => review.render(main) },
  'giai-trinh': { title: 'Giải trình', roles: ['head', 'steering', 'inspector'],
    render: (main, param) => (param ? explanations.renderDetail(main, param) : explanations.renderList(main)) },
  'bao-cao': { title: 'Báo cáo định kỳ', render: (main, param) => report.render(main, param) },
  'nhat-ky': { title: 'Nhật ký', roles: ['inspector', 'admin'], render: (main) => audit.render(main) },
  'cong-khai': { title: 'Công khai', public: true, render: (main) => publicPage.render(main) },
  'dang-nhap': { title: 'Đăng nhập', public: true, render: (main) => loginPage.render(main, { onLogin }) },
  'thong-bao': { title: 'Thông báo', render: (main) => notifications.render(main) },
  'doi-mat-khau': { title: 'Đổi mật khẩu', render: (main) => passwordPage.render(main, { onChanged: onPasswordChanged }) },
};

const $ = (id) => document.getElementById(id);
let route = { page: 'tong-quan', param: null };

/** What is followed: the programme chosen in the header, the only one there is, or all of them. */
function followedTitle() {
  const code = selectedProgramme();
  const chosen = state.programmes.find((p) => p.code === code) || (state.programmes.length === 1 ? state.programmes[0] : null);
  return `Theo dõi thực hiện ${chosen ? chosen.shortName : 'nghị quyết, chương trình'}`;
}

/** The header title, the footer (with the unit being viewed) and the tab title follow the programme and the unit. */
function updateTitles(pageTitle) {
  const title = followedTitle();
  $('brand-name').textContent = title;
  $('footer').textContent = `Hệ thống ${title.charAt(0).toLowerCase()}${title.slice(1)}${state.session && state.unitId ? ` — ${unitName(state.unitId)}` : ''}`;
  if (pageTitle) document.title = `${pageTitle} — ${title}`;
}
let renderSeq = 0;

function fillHeader() {
  const loggedIn = !!state.session;
  $('nav').hidden = !loggedIn;
  $('header-controls').hidden = !loggedIn;
  $('notif-bell').hidden = !loggedIn;
  $('header-toggle').hidden = !loggedIn;
  if (!loggedIn) return;
  const unitSelect = clear($('unit-select'));
  state.units.forEach((u) => unitSelect.append(h('option', { value: u.id, selected: u.id === state.unitId }, `${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`)));
  $('date-filter').value = state.asOf;
  const s = state.session;
  $('current-user').textContent = s.displayName || s.username;
  $('current-user').title = [...new Set((s.grants || []).map((g) => `${labelOf('roles', g.role)} — ${g.unitName || g.unitId || ''}`))].join('\n');
  document.querySelectorAll('#nav a[data-nav]').forEach((a) => {
    const def = PAGES[a.dataset.nav];
    a.parentElement.hidden = !!def?.roles && !hasRole(...def.roles);
  });
}

function markNav(page) {
  document.querySelectorAll('a[data-nav]').forEach((a) => {
    if (a.dataset.nav === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  $('header-login').hidden = !!state.session || page === 'dang-nhap';
}

/** Renders the current route into a fresh <main data-page>, then marks it data-loaded="true". */
async function renderRoute(focus = false) {
  const seq = ++renderSeq;
  let { page } = route;
  const { param } = route;
  if (!PAGES[page]) { location.replace('#/tong-quan'); return; }
  if (!state.session && !PAGES[page].public) page = 'dang-nhap';
  if (state.session && page === 'dang-nhap') { location.replace('#/tong-quan'); return; }
  // After an admin's reset, nothing else works until the password is changed: ask for it first.
  if (state.session?.mustChangePassword && PAGES[page].public !== true) page = 'doi-mat-khau';
  const def = PAGES[page];
  markNav(page);
  updateTitles(def.title);
  const main = h('main', { id: 'main', dataset: { page }, tabindex: '-1' });
  $('page').replaceChildren(main);
  if (focus) main.focus({ preventScroll: true });
  if (def.roles && !hasRole(...def.roles)) {
    main.append(h('h1', {}, def.title), h('p', { class: 'notice' }, 'Tài khoản của bạn không có quyền xem trang này.'));
  } else {
    try {
      await ensurePeriodsAround(state.asOf);
      await def.render(main, param);
      updateTitles(def.title);
    } catch (err) {
      console.error(err);
      main.append(errorBox(err, () => renderRoute()));
    }
  }
  if (seq === renderSeq) main.dataset.loaded = 'true';
  if (state.session && !state.session.mustChangePassword && page !== 'thong-bao') notifications.refreshBell();
  if (state.session && !state.session.mustChangePassword) refreshNavCounts();
}

async function startSession(session) {
  state.session = session;
  await loadUnits();
  fillHeader();
}

/** Called by the change-password page: the session carries on with the new password. */
async function onPasswordChanged(session) {
  state.session = session;
  fillHeader();
  announce('Đã đổi mật khẩu.', 'ok');
  if (route.page === 'doi-mat-khau') location.hash = '#/tong-quan';
  else renderRoute(true);
}

/** Called by the login page after a successful login. */
async function onLogin(session) {
  await startSession(session);
  announce(`Xin chào ${session.displayName || session.username}.`, 'ok');
  if (route.page === 'dang-nhap') location.hash = '#/tong-quan';
  else renderRoute(true);
}

// Re-login dialog: a request answered 401 waits here; the request is retried after a successful login.
let pendingRelogin = null;
let settleRelogin = null;

function relogin() {
  if (!state.session) return Promise.reject(new ApiError(401, 'unauthenticated', 'Bạn cần đăng nhập để tiếp tục.'));
  if (pendingRelogin) return pendingRelogin;
  pendingRelogin = new Promise((resolve, reject) => {
    settleRelogin = { resolve, reject };
    const dialog = $('relogin');
    $('relogin-username').value = state.session.username || '';
    $('relogin-password').value = '';
    $('relogin-error').textContent = '';
    $('relogin-vneid').hidden = !state.identityLogin;
    if (!dialog.open) dialog.showModal();
    ($('relogin-username').value ? $('relogin-password') : $('relogin-username')).focus();
  }).finally(() => { pendingRelogin = null; settleRelogin = null; });
  return pendingRelogin;
}

function wireRelogin() {
  const dialog = $('relogin');
  const submit = $('relogin-submit');
  $('relogin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = $('relogin-username').value.trim();
    const password = $('relogin-password').value;
    if (!username || !password) { $('relogin-error').textContent = 'Vui lòng nhập tên đăng nhập và mật khẩu.'; return; }
    submit.disabled = true;
    try {
      const session = await login(username, password);
      state.session = { ...state.session, ...session };
      const settle = settleRelogin;
      settleRelogin = null;
      dialog.close();
      announce('Đã đăng nhập lại. Đang tiếp tục thao tác…', 'ok');
      settle?.resolve();
    } catch (err) {
      $('relogin-error').textContent = err.message;
      $('relogin-password').value = '';
      $('relogin-password').focus();
    } finally {
      submit.disabled = false;
    }
  });
  $('relogin-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    settleRelogin?.reject(new ApiError(401, 'unauthenticated', 'Chưa đăng nhập lại nên thao tác chưa được thực hiện. Nội dung bạn nhập vẫn được giữ.'));
  });
  setReloginHandler(relogin);
}

function wireHeader() {
  $('unit-select').addEventListener('change', (e) => {
    state.unitId = e.target.value;
    saveSelection();
    // The overview keeps its unit in the URL: a new unit is a new address (its other filters dropped).
    const next = overviewHash({ unitId: state.unitId });
    if (route.page === 'tong-quan' && location.hash !== next) location.hash = next;
    else renderRoute();
  });
  // On a phone the unit, programme and date controls fold away behind one button.
  $('header-toggle').addEventListener('click', () => {
    const open = document.querySelector('.topbar').classList.toggle('controls-open');
    $('header-toggle').setAttribute('aria-expanded', String(open));
  });
  $('date-filter').addEventListener('change', (e) => {
    const value = e.target.value;
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    state.asOf = value || serverToday() || todayIso();
    e.target.value = state.asOf;
    saveSelection();
    renderRoute();
  });
  $('logout').addEventListener('click', async () => {
    try { await logout(); } catch { /* the session is dropped locally anyway */ }
    clearAllDrafts();
    sessionStorage.clear();
    state.session = null;
    fillHeader();
    announce('Bạn đã đăng xuất.', 'info');
    renderRoute();
  });
  $('skip-link').addEventListener('click', () => $('main')?.focus());
}

async function boot() {
  wireHeader();
  wireRelogin();
  $('page').replaceChildren(loadingBox());
  try {
    // The server's words (labels, periods, today) before anything is shown; the session beside them.
    const [{ session, identityLogin }, , listed] = await Promise.all([getSession(), loadVocabulary(), call('tasks.programmes.list').catch(() => null)]);
    state.programmes = listed?.programmes || [];
    mountProgrammeSelector($('programme-select'), state.programmes, () => renderRoute());
    updateTitles();
    state.identityLogin = identityLogin;
    if (session) await startSession(session);
    else fillHeader();
  } catch (err) {
    $('page').replaceChildren(errorBox(err, () => { window.location.reload(); }));
    return;
  }
  startRouter((next, fromHashChange) => {
    route = next;
    if (fromHashChange) announce('', 'info');
    renderRoute(fromHashChange);
  });
}

boot();
