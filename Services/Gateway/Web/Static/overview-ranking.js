// Tổng quan: the ranking of the units directly below (tasks.scores), honest about what it counts: ties share a rank,
// units with nothing due are listed apart, the formula is shown with its version.
import { badge, h, table } from './dom.js';
import { formatNumber, formatPercent } from './format.js';
import { overviewHash } from './overview-link.js';
import { unitName } from './state.js';
import { labelOf, valueOf } from './vocabulary.js';

/** The colour of a score band (by the band's value; the server may send its label). */
export function bandTone(band) {
  return { excellent: 'green', good: 'green', fair: 'yellow', poor: 'red' }[valueOf('scoreBands', band)] || 'grey';
}

/** A score with its band: "66,7% Trung bình"; "—" when there is none. */
export function scoreCell(u) {
  if (u.percent === null || u.percent === undefined) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'score' }, formatPercent(u.percent), ' ', badge(u.bandLabel || labelOf('scoreBands', u.band), bandTone(u.band)));
}

/** A link that opens a unit's own overview. */
export function unitLink(unitId) {
  return h('a', { href: overviewHash({ unitId }), class: 'unit-link', dataset: { unit: unitId } }, unitName(unitId));
}

/** The ranking table (ranked units), then the units not ranked with the reason, then the formula and its version. */
export function renderScores(r) {
  const units = r.units || [];
  const ranked = units.filter((u) => u.rank > 0);
  const apart = units.filter((u) => !(u.rank > 0));
  return [
    table([
      { label: 'Hạng', cell: (u) => formatNumber(u.rank), class: 'num' },
      { label: 'Đơn vị', cell: (u) => unitLink(u.unitId) },
      { label: 'Nhiệm vụ đến hạn', cell: (u) => formatNumber(u.due), class: 'num' },
      { label: 'Đúng hạn', cell: (u) => formatNumber(u.onTime), class: 'num' },
      { label: 'Kỳ báo cáo đúng hạn', cell: (u) => (u.reportsDue ? `${formatNumber(u.reportsOnTime)}/${formatNumber(u.reportsDue)}` : '—'), class: 'num' },
      { label: 'Điểm', cell: scoreCell },
      { label: 'Diễn giải', cell: (u) => h('span', { class: 'small' }, u.explanation || '') },
    ], ranked, { empty: 'Chưa có đơn vị nào có nhiệm vụ đến hạn.', rowAttrs: (u) => ({ dataset: { unit: u.unitId, rank: u.rank } }) }),
    apart.length
      ? h('details', { class: 'unranked', id: 'scores-unranked' },
        h('summary', {}, `Không xếp hạng: ${formatNumber(apart.length)} đơn vị`),
        h('ul', { class: 'plain small' }, apart.map((u) => h('li', { dataset: { unit: u.unitId } }, unitLink(u.unitId), ` — ${u.notRanked || u.explanation || ''}`))))
      : null,
    h('p', { class: 'muted small formula', dataset: { version: r.formulaVersion } }, `${r.formulaLabel || `Cách tính v${r.formulaVersion}`}: ${r.formula}`),
  ];
}
