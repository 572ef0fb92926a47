// HTTP access: JSON calls to /api/METHOD with the CSRF header, re-login on 401 and retry, XHR uploads.
import { withProgramme } from './programme-filter.js';

let csrfToken = null;
let reloginHandler = null;

/** An error answered by the server (or a network failure, status 0). `message` is Vietnamese, for people. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || 'Đã có lỗi xảy ra. Vui lòng thử lại.');
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

/** Remembers the CSRF token sent with every POST. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

/**
 * Sets the function called when a request answers 401 while logged in: it must resolve once the user has
 * logged in again (the request is then retried) or reject if they gave up.
 */
export function setReloginHandler(fn) {
  reloginHandler = fn;
}

const FALLBACK_MESSAGES = {
  0: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  401: 'Phiên đăng nhập đã hết hạn.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  429: 'Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.',
};

function errorFrom(status, body) {
  const e = body && body.error;
  return new ApiError(status, e?.code || 'unknown', e?.message || FALLBACK_MESSAGES[status] || `Máy chủ báo lỗi (${status}).`, e?.details);
}

function headers(json) {
  const out = { Accept: 'application/json' };
  if (json) out['Content-Type'] = 'application/json';
  if (csrfToken) out['X-CSRF-Token'] = csrfToken;
  return out;
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'unavailable', FALLBACK_MESSAGES[0]);
  }
  let body = null;
  if (response.status !== 204) {
    try { body = await response.json(); } catch { body = null; }
  }
  return { status: response.status, ok: response.ok, body };
}

async function withRelogin(attempt) {
  try {
    return await attempt();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && reloginHandler) {
      await reloginHandler();
      return withRelogin(attempt);
    }
    throw err;
  }
}

/** Calls `POST /api/METHOD` with JSON params and returns `result`; on 401 asks to log in again and retries. */
export function call(method, params = {}) {
  const clean = Object.fromEntries(Object.entries(withProgramme(method, params)).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return withRelogin(async () => {
    const r = await send(`/api/${method}`, { method: 'POST', headers: headers(true), body: JSON.stringify(clean) });
    if (!r.ok) throw errorFrom(r.status, r.body);
    return r.body ? r.body.result : null;
  });
}

/** `GET /auth/session` → {session} when logged in, or {session: null, identityLogin}. */
export async function getSession() {
  const r = await send('/auth/session', { method: 'GET', headers: headers(false) });
  if (r.ok) {
    setCsrfToken(r.body.csrfToken);
    return { session: r.body, identityLogin: !!r.body.identityLogin };
  }
  if (r.status === 401) return { session: null, identityLogin: !!r.body?.identityLogin };
  throw errorFrom(r.status, r.body);
}

/** `POST /auth/login`; resolves with the session or throws ApiError (401 wrong password, 429 too many tries). */
export async function login(username, password) {
  const r = await send('/auth/login', { method: 'POST', headers: headers(true), body: JSON.stringify({ username, password }) });
  if (!r.ok) {
    const err = errorFrom(r.status, r.body);
    if (r.status === 401 && !r.body?.error?.message) err.message = 'Tên đăng nhập hoặc mật khẩu không đúng.';
    throw err;
  }
  setCsrfToken(r.body.csrfToken);
  return r.body;
}

/** `POST /auth/password`: changes the logged-in account's password; resolves with the renewed session. */
export async function changePassword(currentPassword, newPassword) {
  const r = await send('/auth/password', { method: 'POST', headers: headers(true), body: JSON.stringify({ currentPassword, newPassword }) });
  if (!r.ok) throw errorFrom(r.status, r.body);
  setCsrfToken(r.body.csrfToken);
  return r.body;
}

/** `POST /auth/logout`. */
export async function logout() {
  await send('/auth/logout', { method: 'POST', headers: headers(false) });
  setCsrfToken(null);
}

/**
 * Streams a file as the raw body of a POST (XMLHttpRequest for progress events); `onProgress(percent)`.
 * Resolves with `result`; on 401 asks to log in again and retries.
 */
export function upload(url, file, onProgress) {
  return withRelogin(() => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body.result);
      else reject(errorFrom(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'unavailable', FALLBACK_MESSAGES[0])));
    xhr.send(file);
  }));
}
