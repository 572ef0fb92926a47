// Form helpers: drafts kept in sessionStorage, field error highlighting, running an action with feedback.
import { announce, h } from './dom.js';

const DRAFT_PREFIX = 'nq57:draft:';

/** Reads a stored draft object (or null). */
export function readDraft(key) {
  try { return JSON.parse(sessionStorage.getItem(DRAFT_PREFIX + key) || 'null'); } catch { return null; }
}

/** Stores a draft object (merged into what is stored under the key). */
export function writeDraft(key, patch) {
  sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify({ ...(readDraft(key) || {}), ...patch }));
}

/** Forgets a draft. */
export function clearDraft(key) {
  sessionStorage.removeItem(DRAFT_PREFIX + key);
}

/** Forgets every draft (on logout). */
export function clearAllDrafts() {
  Object.keys(sessionStorage).filter((k) => k.startsWith(DRAFT_PREFIX)).forEach((k) => sessionStorage.removeItem(k));
}

function draftFields(form) {
  return [...form.elements].filter((el) => el.name && el.type !== 'file' && el.type !== 'password' && el.type !== 'submit' && el.type !== 'button');
}

/**
 * Keeps the named fields of `form` in sessionStorage under `key` as the user types, and restores them now
 * (dispatching `input` so live computations update). Returns {clear()} to forget the draft after success.
 */
export function bindDraft(form, key) {
  const saved = readDraft(key);
  if (saved?.fields) {
    for (const el of draftFields(form)) {
      if (!(el.name in saved.fields)) continue;
      if (el.type === 'checkbox') el.checked = !!saved.fields[el.name];
      else if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === saved.fields[el.name])) continue;
      else el.value = saved.fields[el.name];
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  let cleared = false;
  const save = () => {
    if (cleared) return; // the form is being replaced after success; a late blur/change must not store it again
    const fields = {};
    draftFields(form).forEach((el) => { fields[el.name] = el.type === 'checkbox' ? el.checked : el.value; });
    writeDraft(key, { fields });
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { clear: () => { cleared = true; clearDraft(key); } };
}

/** Removes the error marks of a form. */
export function clearErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((el) => { el.removeAttribute('aria-invalid'); el.classList.remove('invalid'); });
  form.querySelectorAll('.form-error').forEach((el) => { el.textContent = ''; });
}

/** Shows an error on a form: its message, and the input named by err.details.field highlighted and focused. */
export function showError(form, err) {
  clearErrors(form);
  const fieldName = err?.details?.field;
  const input = fieldName ? form.querySelector(`[name="${CSS.escape(fieldName)}"], [data-field="${CSS.escape(fieldName)}"]`) : null;
  if (input) {
    input.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
  let box = form.querySelector('.form-error');
  if (!box) { box = h('p', { class: 'form-error', role: 'alert' }); form.append(box); }
  box.textContent = err?.message || 'Đã có lỗi xảy ra.';
  announce(box.textContent, 'error');
}

/**
 * Runs an action for a form button: disables the button while it runs, announces `success` afterwards,
 * shows the error on the form otherwise. Resolves with the action's result (or undefined on error).
 */
export async function runAction(form, button, action, success) {
  clearErrors(form);
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  announce('Đang gửi…', 'info');
  try {
    const result = await action();
    if (success) announce(success, 'ok');
    return result;
  } catch (err) {
    showError(form, err);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A local validation error shaped like the server's (so showError highlights the field). */
export function fieldError(field, message) {
  return Object.assign(new Error(message), { details: { field } });
}
