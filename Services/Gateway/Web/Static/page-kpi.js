// Chỉ tiêu: the unit's indicators; per indicator its status, report form per period, reports, series and roll-up.
import { call } from './api.js';
import { badge, clear, h, loadInto, section, select, table } from './dom.js';
import { FREQUENCIES, formatNumber, formatPercent, label, MEASURES, parseNumber, periodsBetween, periodText, ratioPercent } from './format.js';
import { clearDraft, clearErrors, fieldError, readDraft, runAction, writeDraft } from './forms.js';
import { evidenceUploader } from './evidence.js';
import { lineChart } from './charts.js';
import { csvButton, kpiTone } from './common.js';
import { commentsBlock } from './comments.js';
import { periodOf } from './vocabulary.js';
import { namesIn, state, unitName } from './state.js';
import { measureText, milestoneText, targetText } from './targets.js';

const PICK_KEY = 'nq57:kpi-indicator';

function currentTarget(indicator) {
  const mine = (indicator.targets || []).filter((t) => t.unitId === state.unitId);
  const upcoming = mine.filter((t) => !t.due || t.due >= state.asOf).sort((a, b) => String(a.due).localeCompare(String(b.due)));
  return upcoming[0] || mine[mine.length - 1] || null;
}

function indicatorTable(indicators, open) {
  return table([
    { label: 'Mã', cell: (i) => i.code, class: 'nowrap' },
    { label: 'Chỉ tiêu', cell: (i) => h('button', { type: 'button', class: 'btn-link kpi-open', 'aria-controls': 'kpi-detail', onclick: (e) => { e.stopPropagation(); open(i); } }, i.name) },
    { label: 'Nhóm', cell: (i) => i.group || '' },
    { label: 'Đo lường', cell: (i) => measureText(label(MEASURES, i.measure), i.unitOfMeasure) },
    { label: 'Tần suất', cell: (i) => label(FREQUENCIES, i.frequency) },
    { label: 'Mục tiêu', cell: (i) => { const t = currentTarget(i); return t ? `${targetText(t.target)}${t.milestone ? ` (${milestoneText(t.milestone)})` : ''}` : '—'; }, class: 'num nowrap' },
  ], indicators, {
    empty: 'Đơn vị chưa có chỉ tiêu nào.',
    rowAttrs: (i) => ({ class: 'kpi-row', dataset: { indicator: i.id }, onclick: () => open(i) }),
  });
}

// What the caller may do for a period, as the server says: its report's actions, or those for a period not reported yet.
function actionsFor(reports, newReportActions, period) {
  const r = reports.find((x) => x.period === period);
  return r ? (r.actions || []) : (newReportActions || []);
}

// The period chosen in each indicator's form, so a save (which reloads the page part) keeps it.
const PERIOD_KEY = 'nq57:kpi-period:';

/**
 * The report form of an indicator. Every period has its own figures, note, typed draft and evidence:
 * choosing a period shows that period's (the draft typed for it, else its stored report, else nothing),
 * never what was on screen for another one.
 */
function reportForm(indicator, reports, newReportActions, seriesPoints, reload) {
  const ratio = indicator.rollUp === 'weightedRatio';
  const texts = new Map((seriesPoints || []).map((p) => [p.period, p.periodText]));
  const keys = new Set([...periodsBetween(indicator.frequency, null, state.asOf, 12), ...texts.keys(), ...reports.map((r) => r.period)]);
  const periods = [...keys].filter((k) => k && k <= (periodsBetween(indicator.frequency, null, state.asOf, 1)[0] || '9999')).sort().reverse();
  // The default is the last period that has ended (the one a report is due for), not the one under way;
  // the period chosen before a save or a reload stays chosen.
  const current = periodsBetween(indicator.frequency, null, state.asOf, 1)[0];
  const chosen = sessionStorage.getItem(PERIOD_KEY + indicator.id);
  const due = periods.includes(chosen) ? chosen : (periods.find((k) => k < current) || periods[0]);
  const period = select({ id: 'kpi-period', name: 'period' }, periods.map((p) => ({ value: p, text: texts.get(p) || periodText(p) })), due);
  const input = (id, name) => h('input', { id, name, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const value = ratio ? null : input('kpi-value', 'value');
  const numerator = ratio ? input('kpi-numerator', 'numerator') : null;
  const denominator = ratio ? input('kpi-denominator', 'denominator') : null;
  const computed = ratio ? h('output', { id: 'kpi-percent', for: 'kpi-numerator kpi-denominator', 'aria-live': 'polite' }, '—') : null;
  const note = h('textarea', { id: 'kpi-note', name: 'note', rows: 3 });
  const reportState = h('p', { id: 'kpi-report-state', class: 'muted' });
  const evidenceSlot = h('div', { class: 'evidence-slot' });
  const save = h('button', { id: 'kpi-submit', type: 'submit', class: 'btn btn-primary' }, 'Lưu báo cáo');
  const send = h('button', { id: 'kpi-send', type: 'button', class: 'btn btn-secondary' }, 'Gửi thẩm định');
  const form = h('form', { class: 'form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'kpi-period' }, 'Kỳ báo cáo'), period), reportState,
    ratio ? h('div', { class: 'grid-2 tight' },
      h('div', { class: 'field' }, h('label', { for: 'kpi-numerator' }, 'Tử số'), numerator),
      h('div', { class: 'field' }, h('label', { for: 'kpi-denominator' }, 'Mẫu số'), denominator)) : null,
    ratio ? h('p', { class: 'computed' }, 'Tỷ lệ tính được: ', computed) : null,
    value ? h('div', { class: 'field' }, h('label', { for: 'kpi-value' }, `Giá trị thực hiện${indicator.unitOfMeasure ? ` (${indicator.unitOfMeasure})` : ''}`), value,
      h('p', { class: 'hint' }, indicator.measure === 'done' ? 'Nhập 1 nếu đã hoàn thành, 0 nếu chưa.' : 'Dùng dấu phẩy cho phần thập phân, ví dụ 1.234,5.')) : null,
    h('div', { class: 'field' }, h('label', { for: 'kpi-note' }, 'Ghi chú'), note),
    evidenceSlot,
    h('p', { class: 'form-error', role: 'alert' }),
    h('div', { class: 'actions' }, save, send));

  const figures = [numerator, denominator, value, note].filter(Boolean);
  const draftKey = () => `kpi:${indicator.id}:${period.value}`;
  let uploader = null;
  const updatePercent = () => {
    if (!ratio) return;
    const pct = ratioPercent(parseNumber(numerator.value), parseNumber(denominator.value));
    computed.textContent = pct === null ? '—' : formatPercent(pct, 2);
  };
  // Shows the chosen period: its state and actions, and its figures, note and evidence in the fields.
  const showPeriod = () => {
    const r = reports.find((x) => x.period === period.value);
    reportState.textContent = r ? `Kỳ này: ${r.stateLabel}, lần ${r.version}${r.reason ? ` — lý do trả lại: ${r.reason}` : ''}.` : 'Kỳ này chưa có báo cáo.';
    reportState.dataset.period = period.value;
    const actions = actionsFor(reports, newReportActions, period.value);
    save.hidden = !actions.includes('draft');
    send.hidden = !actions.includes('submit');
    const stored = r ? { numerator: formatNumber(r.numerator, 4), denominator: formatNumber(r.denominator, 4), value: formatNumber(r.value, 4), note: r.note || '' } : {};
    const typed = readDraft(draftKey())?.fields || {};
    for (const el of figures) el.value = el.name in typed ? typed[el.name] : (stored[el.name] ?? '');
    uploader = evidenceUploader({ unitId: state.unitId, supports: () => `kpi:${indicator.id}/${period.value}` });
    clear(evidenceSlot).append(uploader.element);
    updatePercent();
  };
  form.addEventListener('input', (e) => {
    updatePercent();
    if (figures.includes(e.target)) writeDraft(draftKey(), { fields: Object.fromEntries(figures.map((el) => [el.name, el.value])) });
  });
  period.addEventListener('change', () => {
    sessionStorage.setItem(PERIOD_KEY + indicator.id, period.value);
    clearErrors(form);
    showPeriod();
  });
  showPeriod();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const sent = period.value;
    const ok = await runAction(form, save, async () => {
      const params = { indicatorId: indicator.id, unitId: state.unitId, period: sent, note: note.value.trim(), evidenceIds: uploader.ids() };
      if (!params.period) throw fieldError('period', 'Chọn kỳ báo cáo.');
      if (ratio) {
        params.numerator = parseNumber(numerator.value);
        params.denominator = parseNumber(denominator.value);
        if (!Number.isFinite(params.numerator)) throw fieldError('numerator', 'Tử số phải là một số.');
        if (!Number.isFinite(params.denominator) || params.denominator <= 0) throw fieldError('denominator', 'Mẫu số phải là số lớn hơn 0.');
      } else {
        params.value = parseNumber(value.value);
        if (!Number.isFinite(params.value)) throw fieldError('value', 'Giá trị phải là một số, ví dụ 1.234,5.');
      }
      return call('metrics.report', params);
    }, `Đã lưu báo cáo ${periodText(sent)}.`);
    if (ok !== undefined) {
      clearDraft(`kpi:${indicator.id}:${sent}`);
      sessionStorage.setItem(PERIOD_KEY + indicator.id, sent);
      reload();
    }
  });
  send.addEventListener('click', async () => {
    const sent = period.value;
    const ok = await runAction(form, send, () => call('metrics.submit', { indicatorId: indicator.id, unitId: state.unitId, period: sent }),
      `Đã gửi báo cáo ${periodText(sent)} đi thẩm định.`);
    if (ok !== undefined) { sessionStorage.setItem(PERIOD_KEY + indicator.id, sent); reload(); }
  });
  return form;
}

function reportsTable(reports) {
  return table([
    { label: 'Kỳ', cell: (r) => periodText(r.period) },
    { label: 'Trạng thái', cell: (r) => badge(r.stateLabel, { accepted: 'green', submitted: 'blue', needsRework: 'yellow' }[r.state] || 'grey') },
    { label: 'Giá trị', cell: (r) => formatNumber(r.value, 4), class: 'num' },
    { label: 'Tử số / Mẫu số', cell: (r) => (r.denominator ? `${formatNumber(r.numerator, 4)} / ${formatNumber(r.denominator, 4)}` : ''), class: 'num' },
    { label: 'Lần', cell: (r) => String(r.version ?? ''), class: 'num' },
    { label: 'Được chấp nhận', cell: (r) => formatNumber(r.acceptedValue, 4), class: 'num' },
    { label: 'Lý do trả lại', cell: (r) => r.reason || '' },
  ], reports, { empty: 'Chưa có báo cáo nào.', rowAttrs: (r) => ({ dataset: { period: r.period, state: r.state } }) });
}

function rollupBlock(indicatorId) {
  const box = h('div');
  loadInto(box, () => call('metrics.rollup', { indicatorId, unitId: state.unitId, asOf: state.asOf }), (r) => {
    if (!(r.children || []).length) return h('p', { class: 'empty' }, 'Đơn vị không có đơn vị trực thuộc báo cáo chỉ tiêu này.');
    return [
      r.explanation ? h('p', { class: 'muted' }, namesIn(r.explanation)) : null,
      table([
        { label: 'Hạng', cell: (c) => String(c.rank ?? ''), class: 'num' },
        { label: 'Đơn vị', cell: (c) => unitName(c.unitId) },
        { label: 'Giá trị', cell: (c) => c.valueText || formatNumber(c.value), class: 'num' },
        { label: 'Tử số / Mẫu số', cell: (c) => (c.denominator ? `${formatNumber(c.numerator)} / ${formatNumber(c.denominator)}` : ''), class: 'num' },
        { label: 'Đánh giá', cell: (c) => badge(c.statusLabel || '', kpiTone(c.status)) },
      ], r.children),
      (r.missing || []).length ? h('p', { class: 'form-error' }, `Chưa báo cáo: ${r.missing.map(unitName).join(', ')}`) : null,
      h('div', { class: 'actions' }, csvButton(() => ({ view: 'rollup', unitId: state.unitId, indicatorId, period: r.period, asOf: state.asOf }))),
    ];
  });
  return box;
}

/** Ý kiến trao đổi on the selected unit's reports of the indicator, one period at a time (newest first). */
function reportComments(ind, reports) {
  const current = periodOf(ind.frequency, state.asOf);
  const keys = [...new Set([current, ...reports.map((r) => r.period)].filter(Boolean))].sort().reverse();
  return commentsBlock({
    id: 'kpi-comments',
    list: () => call('metrics.comments.list', { indicatorId: ind.id, unitId: state.unitId }),
    add: (text, period) => call('metrics.comments.add', { indicatorId: ind.id, unitId: state.unitId, period, text }),
    periods: keys.map((k) => ({ value: k, text: periodText(k) })),
  });
}

function renderDetail(indicator, [got, series], reload) {
  const ind = got.indicator || indicator;
  const st = got.status || {};
  const reports = got.reports || [];
  const points = series?.points || [];
  const status = h('div', { class: 'kpi-status' },
    badge(st.statusText || '', kpiTone(st.status), { dataset: { status: st.status } }),
    h('p', {}, `Kết quả${st.period ? ` ${periodText(st.period)}` : ''}: `, h('strong', {}, st.valueText || '—'),
      ` · Mục tiêu: ${targetText(st.target)}${st.milestone ? ` (${milestoneText(st.milestone)})` : ''} · Lộ trình: ${formatNumber(st.expected) || '—'}`),
    st.explanation ? h('p', { class: 'muted' }, namesIn(st.explanation)) : null);
  const parts = [h('h2', {}, `${ind.code} — ${ind.name}`),
    h('p', { class: 'muted' }, [ind.group, measureText(label(MEASURES, ind.measure), ind.unitOfMeasure), label(FREQUENCIES, ind.frequency), ind.planNumber ? `Kế hoạch ${ind.planNumber}` : null].filter(Boolean).join(' · ')),
    status];
  const newReportActions = got.newReportActions || [];
  const mayReport = newReportActions.includes('draft') || reports.some((r) => (r.actions || []).some((a) => a === 'draft' || a === 'submit'));
  if (mayReport) parts.push(h('h3', {}, 'Báo cáo số liệu'), reportForm(ind, reports, newReportActions, points, reload));
  parts.push(h('h3', {}, 'Các lần báo cáo'), reportsTable(reports),
    h('h3', {}, 'Diễn biến theo kỳ'),
    points.length ? lineChart(points.map((p) => ({ label: p.periodText || periodText(p.period), value: p.value?.value ?? null, valueText: p.value?.valueText, expected: p.expected ?? null })),
      { title: `${ind.name} theo kỳ` }) : h('p', { class: 'empty' }, 'Chưa có số liệu theo kỳ.'),
    h('div', { class: 'actions' }, csvButton(() => ({ view: 'series', unitId: state.unitId, indicatorId: ind.id, asOf: state.asOf }))),
    h('h3', {}, 'Tổng hợp từ đơn vị trực thuộc'), rollupBlock(ind.id),
    h('h3', {}, 'Ý kiến trao đổi'), reportComments(ind, reports));
  return parts;
}

/** Renders the indicators page; `param` may name the indicator to open. */
export async function render(main, param) {
  const list = section('Danh sách chỉ tiêu');
  const detail = h('section', { id: 'kpi-detail', class: 'card', 'aria-live': 'polite', tabindex: '-1' });
  main.append(h('h1', {}, 'Chỉ tiêu'), h('p', { class: 'muted' }, unitName(state.unitId)), list.section, detail);
  let indicators = [];
  const open = async (indicator, focus = true) => {
    sessionStorage.setItem(PICK_KEY, indicator.id);
    main.dataset.loaded = 'false';
    main.querySelectorAll('.kpi-row').forEach((tr) => tr.classList.toggle('selected', tr.dataset.indicator === indicator.id));
    detail.dataset.indicator = indicator.id;
    if (location.hash !== `#/chi-tieu/${indicator.id}`) history.replaceState(null, '', `#/chi-tieu/${encodeURIComponent(indicator.id)}`);
    const reload = () => loadInto(detail, () => Promise.all([
      call('metrics.indicators.get', { indicatorId: indicator.id, unitId: state.unitId, asOf: state.asOf }),
      call('metrics.series', { indicatorId: indicator.id, unitId: state.unitId, asOf: state.asOf }).catch(() => null),
    ]), (data) => renderDetail(indicator, data, reload));
    await reload();
    main.dataset.loaded = 'true';
    if (focus) detail.focus({ preventScroll: false });
  };
  await loadInto(list.body, () => call('metrics.indicators.list', { unitId: state.unitId }), (r) => {
    indicators = r.indicators || [];
    return indicatorTable(indicators, (i) => open(i));
  });
  const wanted = param || sessionStorage.getItem(PICK_KEY);
  const first = indicators.find((i) => i.id === wanted) || indicators[0];
  if (first) await open(first, false);
}
