// SVG charts drawn from data: a line chart (values solid, roadmap dashed) and stacked horizontal bars.
import { h, s, table } from './dom.js';
import { formatNumber, formatPercent } from './format.js';

let chartSeq = 0;

/** The drawing width in SVG units: the viewport's width on phones (so text stays legible), 640 otherwise. */
function chartWidth() {
  const vw = typeof window === 'undefined' ? 640 : window.innerWidth - 48;
  return Math.max(320, Math.min(640, vw));
}

/** The top of the axis: the first of 1, 2, 4, 5, 8, 10 × a power of ten at or above `value` (so quarter ticks read
 * cleanly: 0,25 · 0,5 · 1 · 1,25 · 2 · 2,5), and 4 for counts below it. */
function niceMax(value) {
  if (!(value > 0)) return 4;
  const p = 10 ** Math.floor(Math.log10(value));
  return Math.max(value >= 1 ? 4 : 0, [1, 2, 4, 5, 8, 10].map((m) => m * p).find((m) => m >= value));
}

/**
 * A line chart. points: [{label, value: number|null, expected: number|null}]. The values are a solid line
 * (gaps where missing), the expected roadmap values a dashed line. Includes a data table for screen readers.
 * `yMax` fixes the top of the axis (100 for percentages); `caption` shows the title above the chart.
 */
export function lineChart(points, { title = 'Biểu đồ', valueLabel = 'Thực hiện', expectedLabel = 'Lộ trình', yMax = null, caption = false } = {}) {
  const W = chartWidth(), H = 260, L = 48, R = 36, T = 16, B = 44;
  const id = `chart-${++chartSeq}`;
  const all = points.flatMap((p) => [p.value, p.expected]).filter((v) => Number.isFinite(v));
  const max = yMax ?? niceMax(Math.max(0, ...all));
  const min = Math.min(0, ...all);
  const x = (i) => L + (points.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = (v) => T + (H - T - B) * (1 - (v - min) / (max - min || 1));
  const parts = [s('title', { id: `${id}-title` }, title)];
  for (let k = 0; k <= 4; k += 1) {
    const v = min + ((max - min) * k) / 4;
    parts.push(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    parts.push(s('text', { x: L - 6, y: y(v) + 4, class: 'axis-label', 'text-anchor': 'end' }, formatNumber(v, 2)));
  }
  const step = Math.max(1, Math.ceil(points.length / Math.floor(W / 90)));
  points.forEach((p, i) => {
    if (i % step === 0 || i === points.length - 1) {
      parts.push(s('text', { x: x(i), y: H - B + 18, class: 'axis-label', 'text-anchor': 'middle' }, p.label));
    }
  });
  const lines = (key, cls) => {
    let run = [];
    const flush = () => { if (run.length > 1) parts.push(s('polyline', { points: run.join(' '), class: cls })); run = []; };
    points.forEach((p, i) => { if (Number.isFinite(p[key])) run.push(`${x(i)},${y(p[key])}`); else flush(); });
    flush();
  };
  lines('expected', 'line-expected');
  lines('value', 'line-value');
  points.forEach((p, i) => {
    if (Number.isFinite(p.value)) {
      parts.push(s('circle', { cx: x(i), cy: y(p.value), r: 4, class: 'dot-value' },
        s('title', {}, `${p.label}: ${p.valueText || formatNumber(p.value)}`)));
    }
  });
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': `${id}-title` }, parts);
  return h('figure', { class: 'chart-figure' }, caption ? h('figcaption', { class: 'chart-title' }, title) : null, svg,
    h('figcaption', { class: 'legend' },
      h('span', { class: 'legend-item legend-value' }, valueLabel),
      expectedLabel ? h('span', { class: 'legend-item legend-expected' }, expectedLabel) : null),
    h('details', { class: 'chart-data' }, h('summary', {}, 'Bảng số liệu'),
      table([
        { label: 'Kỳ', cell: (p) => p.label },
        { label: valueLabel, cell: (p) => p.valueText || formatNumber(p.value) },
        expectedLabel ? { label: expectedLabel, cell: (p) => formatNumber(p.expected) } : null,
      ].filter(Boolean), points)));
}

/**
 * `text` shortened to at most `maxChars` characters at a word boundary, with "…" when shortened (never mid-word).
 */
export function fitLabel(text, maxChars) {
  const words = String(text || '').split(/\s+/).filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > maxChars - 1) return out ? `${out.replace(/[,;:.\-–]+$/, '')}…` : `${word.slice(0, maxChars - 1)}…`;
    out = next;
  }
  return out;
}

/**
 * Stacked horizontal bars, one per row. rows: [{label, segments:[{key, value, text}], done, total}];
 * each segment gets class `seg-KEY`. The right side shows done/total and its percentage.
 */
export function stackedBars(rows, { title = 'Biểu đồ', legend = [] } = {}) {
  const W = chartWidth(), rowH = 44, T = 4, barX = 0, barW = W - 110;
  const H = T + rows.length * rowH;
  const id = `chart-${++chartSeq}`;
  const parts = [s('title', { id: `${id}-title` }, title)];
  rows.forEach((row, i) => {
    const y0 = T + i * rowH;
    // 13px text averages ~7 units a character: a longer label is shortened at a word, the whole one in its tooltip.
    const label = fitLabel(row.label, Math.floor(W / 7));
    parts.push(s('text', { x: barX, y: y0 + 14, class: 'bar-label' }, label, label !== row.label ? s('title', {}, row.label) : null));
    parts.push(s('rect', { x: barX, y: y0 + 20, width: barW, height: 16, class: 'bar-track' }));
    let offset = 0;
    for (const seg of row.segments) {
      if (!seg.value || !row.total) continue;
      const w = (seg.value / row.total) * barW;
      parts.push(s('rect', { x: barX + offset, y: y0 + 20, width: w, height: 16, class: `seg seg-${seg.key}` },
        s('title', {}, `${row.label} — ${seg.text}: ${formatNumber(seg.value)}`)));
      offset += w;
    }
    const pct = row.total ? (row.done / row.total) * 100 : null;
    parts.push(s('text', { x: barW + 10, y: y0 + 33, class: 'bar-value' },
      `${formatNumber(row.done)}/${formatNumber(row.total)}${pct === null ? '' : ` (${formatPercent(pct, 0)})`}`));
  });
  return h('figure', { class: 'chart-figure' },
    s('svg', { viewBox: `0 0 ${W} ${Math.max(H, 24)}`, class: 'chart chart-bars', role: 'img', 'aria-labelledby': `${id}-title` }, parts),
    h('figcaption', { class: 'legend' }, legend.map((l) => h('span', { class: `legend-item legend-seg seg-${l.key}` }, l.text))));
}
