// Targets as the plan writes them ("≥ 70", "≤ 5", "hoàn thành"), and measures named once.
import { formatDate, formatNumber } from './format.js';

/** A target as written: a bare number formatted the Vietnamese way, anything else ("≥ 70", "hoàn thành") as is; "—" for none. */
export function targetText(target) {
  if (target === null || target === undefined || String(target).trim() === '') return '—';
  const text = String(target).trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? formatNumber(Number(text)) : text;
}

/** "Tỷ lệ (%)" and "%" name the same unit once: the unit of measure is added only when the measure's name lacks it. */
export function measureText(measureLabel, unitOfMeasure) {
  if (!unitOfMeasure || (measureLabel || '').includes(`(${unitOfMeasure})`)) return measureLabel || unitOfMeasure || '';
  return [measureLabel, unitOfMeasure].filter(Boolean).join(' · ');
}

/** A milestone as people read it: a day as dd/MM/yyyy ("2026-12-31" → "31/12/2026"), a year or a period key as it is. */
export function milestoneText(milestone) {
  if (!milestone) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(milestone) ? formatDate(milestone) : String(milestone);
}
