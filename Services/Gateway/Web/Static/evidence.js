// Evidence: a drag-and-drop uploader (XHR progress, list with SHA-256 prefixes) and an inline viewer.
import { upload } from './api.js';
import { announce, clear, h } from './dom.js';
import { formatBytes, formatDateTime } from './format.js';
import { clearDraft, readDraft, writeDraft } from './forms.js';

/** The URL of an evidence file's bytes. */
export function fileUrl(file, unitId) {
  return `/files/${encodeURIComponent(file.id)}?unitId=${encodeURIComponent(file.unitId || unitId)}`;
}

/**
 * An evidence uploader. options: unitId, supports() → "task:ID" | "kpi:ID/PERIOD", draftKey (uploaded files
 * are kept there so a reload or re-login loses nothing). Returns {element, ids(), reset()}.
 */
export function evidenceUploader({ unitId, supports, draftKey }) {
  let files = readDraft(draftKey)?.files || [];
  const input = h('input', { type: 'file', id: 'evidence-input', multiple: true, class: 'file-input' });
  const progress = h('progress', { id: 'evidence-progress', max: 100, value: 0, 'aria-label': 'Tiến độ tải lên' });
  const progressText = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const list = h('ul', { id: 'evidence-list', class: 'evidence-list' });
  const drop = h('div', { id: 'evidence-drop', class: 'drop-zone', tabindex: '0', role: 'button',
    'aria-describedby': 'evidence-drop-hint' },
    h('p', { id: 'evidence-drop-hint' }, 'Kéo thả tệp minh chứng (PDF, ảnh, văn bản) vào đây, hoặc bấm để chọn tệp.'));

  const save = () => writeDraft(draftKey, { files });
  const renderList = () => {
    clear(list);
    if (!files.length) list.append(h('li', { class: 'empty' }, 'Chưa có tệp minh chứng nào.'));
    for (const f of files) {
      list.append(h('li', { dataset: { evidence: f.id } },
        h('a', { href: fileUrl(f, unitId), target: '_blank', rel: 'noopener' }, f.fileName || f.id),
        h('span', { class: 'muted' }, ` · ${formatBytes(f.size)} · SHA-256 `),
        h('code', { title: f.sha256 || '' }, (f.sha256 || '').slice(0, 12)),
        h('button', { type: 'button', class: 'btn btn-small btn-link', 'aria-label': `Bỏ tệp ${f.fileName || f.id}`,
          onclick: () => { files = files.filter((x) => x.id !== f.id); save(); renderList(); } }, 'Bỏ')));
    }
  };

  const uploadFiles = async (fileList) => {
    for (const file of [...fileList]) {
      const url = `/api/evidence/upload?unitId=${encodeURIComponent(unitId)}&fileName=${encodeURIComponent(file.name)}`
        + `&supports=${encodeURIComponent(supports())}`;
      progress.value = 0;
      progressText.textContent = `Đang tải lên ${file.name}…`;
      drop.classList.add('busy');
      try {
        const info = await upload(url, file, (pct) => { progress.value = pct; progressText.textContent = `Đang tải lên ${file.name}: ${pct}%`; });
        progress.value = 100;
        files = [...files.filter((x) => x.id !== info.id), { fileName: file.name, size: file.size, ...info }];
        save();
        renderList();
        progressText.textContent = `Đã tải lên ${file.name}.`;
        announce(`Đã tải lên tệp minh chứng ${file.name}.`, 'ok');
      } catch (err) {
        progressText.textContent = `Không tải lên được ${file.name}: ${err.message}`;
        announce(`Không tải lên được ${file.name}: ${err.message}`, 'error');
      } finally {
        drop.classList.remove('busy');
      }
    }
    input.value = '';
  };

  input.addEventListener('change', () => { if (input.files.length) uploadFiles(input.files); });
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dragover'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragover'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragover');
    if (e.dataTransfer?.files?.length) uploadFiles(e.dataTransfer.files);
  });
  renderList();

  const element = h('fieldset', { class: 'evidence' }, h('legend', {}, 'Minh chứng'),
    drop,
    h('div', { class: 'field' }, h('label', { for: 'evidence-input' }, 'Hoặc chọn tệp từ máy'), input),
    h('div', { class: 'progress-row' }, progress, progressText),
    h('h3', { class: 'small-heading' }, 'Tệp đã tải lên'), list);
  return {
    element,
    ids: () => files.map((f) => f.id),
    reset: () => { files = []; clearDraft(draftKey); renderList(); },
  };
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
