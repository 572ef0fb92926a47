// DOM helpers: elements are built with createElement/textContent only (never innerHTML with data).

const SVG_NS = 'http://www.w3.org/2000/svg';

function applyAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { if (v !== null && v !== undefined) el.dataset[k] = v; });
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Creates an HTML element. `attrs` keys: class, text, dataset, on<event> (listener), value/checked/selected
 * (properties), anything else as an attribute (true → empty attribute, false/null → omitted).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  appendChildren(el, children);
  return el;
}

/** Creates an SVG element with attributes and children. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  appendChildren(el, children);
  return el;
}

/** Removes all children of an element and returns it. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** Shows a message in the page's aria-live status region (#status). kind: "ok" | "error" | "info". */
export function announce(message, kind = 'info') {
  const box = document.getElementById('status');
  if (!box) return;
  box.className = `status status-${kind}`;
  box.textContent = message;
}

/** A "Đang tải…" placeholder. */
export function loadingBox(text = 'Đang tải…') {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** An error box with the server's message and a "Thử lại" button calling `retry`. */
export function errorBox(err, retry) {
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', {}, h('strong', {}, 'Không tải được dữ liệu. '), err?.message || ''),
    retry ? h('button', { type: 'button', class: 'btn', onclick: retry }, 'Thử lại') : null);
}

/**
 * Loads data into `container`: shows "Đang tải…", then `render(data)`'s nodes, or an error box whose
 * "Thử lại" repeats the load. Resolves (never rejects) once something has been rendered.
 */
export async function loadInto(container, load, render) {
  clear(container).append(loadingBox());
  container.setAttribute('aria-busy', 'true');
  try {
    const data = await load();
    clear(container);
    appendChildren(container, [await render(data)]);
  } catch (err) {
    console.error(err);
    clear(container).append(errorBox(err, () => loadInto(container, load, render)));
  } finally {
    container.removeAttribute('aria-busy');
  }
}

/** A section with a heading and a body element to fill; returns {section, body}. */
export function section(title, attrs = {}) {
  const body = h('div', { class: 'section-body' });
  const sec = h('section', { class: 'card', ...attrs }, h('h2', {}, title), body);
  return { section: sec, body };
}

/**
 * A table in a horizontally scrollable wrapper. columns: [{label, cell(row) → Node|string, class?}];
 * rowAttrs(row) gives each tr's attributes.
 */
export function table(columns, rows, { caption, rowAttrs, empty = 'Không có dữ liệu.' } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {},
        columns.map((c) => h('td', { class: c.class, 'data-label': c.label }, c.cell(row))))))));
}

/** A labelled form field: label + control (+ hint). The control must have an id. */
export function field(labelText, control, hint) {
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}

/** A <select> built from [{value, text}] with one value selected. */
export function select(attrs, options, selected) {
  return h('select', attrs, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(selected ?? '') }, o.text)));
}

/**
 * `content` behind a one-line summary on a phone (under 600 px), closed unless `open`; on a wider screen always open,
 * the summary hidden (class `fold-on-phone` in app.css).
 */
export function foldOnPhone(id, summary, content, open = false) {
  const phone = typeof window !== 'undefined' && window.matchMedia && window.matchMedia('(max-width: 600px)').matches;
  const fold = h('details', { class: 'fold-on-phone', id }, h('summary', {}, summary), content);
  fold.open = !phone || Boolean(open);
  return fold;
}

/** A small coloured badge; `tone` is one of red, yellow, green, blue, grey. */
export function badge(text, tone = 'grey', attrs = {}) {
  return h('span', { ...attrs, class: `badge badge-${tone}` }, text);
}

/** Offers text as a file download through a Blob URL. */
export function downloadText(fileName, mediaType, text) {
  const blob = new Blob([text], { type: mediaType || 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName || 'du-lieu.csv', class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
