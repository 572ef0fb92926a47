// Evidence: a drag-and-drop uploader (XHR progress, list with SHA-256 prefixes) and an inline viewer.
import { call, upload } from './api.js';
import { announce, clear, h } from './dom.js';
import { formatBytes, formatDateTime } from './format.js';

/** The URL of an evidence file's bytes. */
export function fileUrl(file, unitId) {
  return `/files/${encodeURIComponent(file.id)}?unitId=${encodeURIComponent(file.unitId || unitId)}`;
}

let rulesPromise = null;

/** The server's upload rules (evidence.limits), asked once per page load; null when they cannot be had. */
export function uploadRules() {
  if (!rulesPromise) rulesPromise = call('evidence.limits').catch(() => { rulesPromise = null; return null; });
  return rulesPromise;
}

/** Why `file` cannot be sent under `rules` (empty, or over the size limit), in the server's words; null when it may be. */
export function localRefusal(file, rules) {
  if (!rules) return null;
  if (file.size === 0) return `Tệp "${file.name}" rỗng (0 byte), không có gì để tải lên. ${rules.summary}`;
  if (file.size > rules.maxBytes) return `Tệp "${file.name}" lớn hơn giới hạn ${rules.maxSizeText} cho mỗi tệp nên không được tải lên. ${rules.summary}`;
  return null;
}

/**
 * An evidence uploader for one item's draft. options: unitId, supports() → "task:ID" | "task:ID/PERIOD" | "kpi:ID/PERIOD".
 * The files live on the server as they are uploaded (evidence.attached lists them, from any browser, and after a
 * send-back too); "Bỏ" takes one off the draft and "Thay" replaces it (evidence.detach). Returns {element, ids(), ready}.
 */
export function evidenceUploader({ unitId, supports }) {
  const item = supports();
  let files = [];
  const input = h('input', { type: 'file', id: 'evidence-input', multiple: true, class: 'file-input' });
  const replaceInput = h('input', { type: 'file', id: 'evidence-replace-input', class: 'file-input', hidden: true });
  const progress = h('progress', { id: 'evidence-progress', max: 100, value: 0, 'aria-label': 'Tiến độ tải lên' });
  const progressText = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const list = h('ul', { id: 'evidence-list', class: 'evidence-list', 'aria-busy': 'true' });
  const drop = h('div', { id: 'evidence-drop', class: 'drop-zone', tabindex: '0', role: 'button',
    'aria-describedby': 'evidence-drop-hint' },
    h('p', { id: 'evidence-drop-hint' }, 'Kéo thả tệp minh chứng vào đây, hoặc bấm để chọn tệp.'));
  // The limits and types as the server enforces them, shown before anyone uploads.
  const rulesText = h('p', { id: 'evidence-rules', class: 'hint' });
  let rules = null;
  uploadRules().then((r) => {
    rules = r;
    if (!r) return;
    rulesText.textContent = r.summary;
    drop.setAttribute('aria-describedby', 'evidence-drop-hint evidence-rules');
    const accept = r.types.flatMap((t) => [...t.extensions, t.mediaType]).join(',');
    input.setAttribute('accept', accept);
    replaceInput.setAttribute('accept', accept);
  });

  const say = (text, tone) => { progressText.textContent = text; announce(text, tone); };
  // Takes a file off the draft on the server, then off the list.
  const detach = async (f) => {
    try {
      await call('evidence.detach', { id: f.id, unitId });
      files = files.filter((x) => x.id !== f.id);
      renderList();
      return true;
    } catch (err) {
      say(`Không bỏ được tệp ${f.fileName || f.id}: ${err.message}`, 'error');
      return false;
    }
  };
  let replacing = null;
  const renderList = () => {
    clear(list);
    if (!files.length) list.append(h('li', { class: 'empty' }, 'Chưa có tệp minh chứng nào.'));
    for (const f of files) {
      const name = f.fileName || f.id;
      list.append(h('li', { dataset: { evidence: f.id } },
        h('a', { href: fileUrl(f, unitId), target: '_blank', rel: 'noopener' }, name),
        h('span', { class: 'muted' }, ` · ${formatBytes(f.size)} · ${f.uploadedBy || ''} ${formatDateTime(f.uploadedAt)} · SHA-256 `),
        h('code', { title: f.sha256 || '' }, (f.sha256 || '').slice(0, 12)),
        h('button', { type: 'button', class: 'btn btn-small btn-link evidence-replace', 'aria-label': `Thay tệp ${name}`,
          onclick: () => { replacing = f; replaceInput.click(); } }, 'Thay'),
        h('button', { type: 'button', class: 'btn btn-small btn-link evidence-remove', 'aria-label': `Bỏ tệp ${name}`,
          onclick: async () => { if (await detach(f)) say(`Đã bỏ tệp ${name} khỏi hồ sơ.`, 'ok'); } }, 'Bỏ')));
    }
  };

  // Uploads one file for the item; resolves with its info, or null when refused (said on screen).
  const uploadOne = async (file) => {
    const refusal = localRefusal(file, rules);
    if (refusal) { say(refusal, 'error'); return null; }
    const url = `/api/evidence/upload?unitId=${encodeURIComponent(unitId)}&fileName=${encodeURIComponent(file.name)}`
      + `&supports=${encodeURIComponent(item)}`;
    progress.value = 0;
    progressText.textContent = `Đang tải lên ${file.name}…`;
    drop.classList.add('busy');
    try {
      const info = await upload(url, file, (pct) => { progress.value = pct; progressText.textContent = `Đang tải lên ${file.name}: ${pct}%`; });
      progress.value = 100;
      const stored = { fileName: file.name, size: file.size, ...info };
      files = [...files.filter((x) => x.id !== stored.id), stored];
      renderList();
      say(`Đã tải lên tệp minh chứng ${file.name}.`, 'ok');
      return stored;
    } catch (err) {
      say(`Không tải lên được ${file.name}: ${err.message}`, 'error');
      return null;
    } finally {
      drop.classList.remove('busy');
    }
  };
  const uploadFiles = async (fileList) => {
    for (const file of [...fileList]) await uploadOne(file);
    input.value = '';
  };

  input.addEventListener('change', () => { if (input.files.length) uploadFiles(input.files); });
  replaceInput.addEventListener('change', async () => {
    const old = replacing;
    const file = replaceInput.files[0];
    replaceInput.value = '';
    replacing = null;
    if (!old || !file) return;
    // The new file goes up first: if it is refused, the old one stays on the draft.
    if (await uploadOne(file) && await detach(old)) say(`Đã thay ${old.fileName || old.id} bằng ${file.name}.`, 'ok');
  });
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dragover'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragover'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragover');
    if (e.dataTransfer?.files?.length) uploadFiles(e.dataTransfer.files);
  });
  list.append(h('li', { class: 'empty' }, 'Đang tải danh sách tệp…'));
  // The draft's files as the server holds them.
  const ready = call('evidence.attached', { unitId, supports: item }).then((r) => {
    files = [...(r.files || []), ...files.filter((f) => !(r.files || []).some((x) => x.id === f.id))];
  }).catch((err) => {
    say(`Không tải được danh sách minh chứng: ${err.message}`, 'error');
  }).finally(() => {
    list.removeAttribute('aria-busy');
    list.dataset.loaded = 'true';
    renderList();
  });

  const element = h('fieldset', { class: 'evidence' }, h('legend', {}, 'Minh chứng'),
    drop, rulesText,
    h('div', { class: 'field' }, h('label', { for: 'evidence-input' }, 'Hoặc chọn tệp từ máy'), input, replaceInput),
    h('div', { class: 'progress-row' }, progress, progressText),
    h('h3', { class: 'small-heading' }, 'Tệp đã tải lên'), list);
  return { element, ids: () => files.map((f) => f.id), ready };
}

/** Shows evidence files inline: PDFs in an iframe, images in an img, other files as a download link. */
export function evidenceViewer(files, unitId) {
  if (!files.length) return h('p', { class: 'empty' }, 'Không có tệp minh chứng.');
  return h('div', { class: 'evidence-viewer' }, files.map((f) => {
    const url = fileUrl(f, unitId);
    const type = f.mediaType || '';
    let body;
    if (type === 'application/pdf') body = h('iframe', { src: url, title: `Minh chứng: ${f.fileName}`, loading: 'lazy' });
    else if (type.startsWith('image/')) body = h('img', { src: url, alt: `Minh chứng: ${f.fileName}`, loading: 'lazy' });
    else body = h('p', {}, 'Không xem trực tiếp được loại tệp này.');
    return h('figure', { class: 'evidence-file', dataset: { evidence: f.id } }, body,
      h('figcaption', {},
        h('a', { href: url, target: '_blank', rel: 'noopener' }, f.fileName || f.id),
        h('span', { class: 'muted' }, ` · ${formatBytes(f.size)} · ${f.uploadedBy || ''} ${formatDateTime(f.uploadedAt)} · SHA-256 `),
        h('code', { title: f.sha256 || '' }, (f.sha256 || '').slice(0, 12))));
  }));
}
