import assert from 'node:assert/strict';
import test from 'node:test';
import { measureText, milestoneText, targetText } from '../../Services/Gateway/Web/Static/targets.js';

test('targets are shown as the plan writes them', () => {
  assert.equal(targetText('≥ 70'), '≥ 70');
  assert.equal(targetText('≤ 5'), '≤ 5');
  assert.equal(targetText('hoàn thành'), 'hoàn thành');
  assert.equal(targetText('1234.5'), '1.234,5');
  assert.equal(targetText(70), '70');
  assert.equal(targetText(null), '—');
  assert.equal(targetText(''), '—');
});

test('a unit of measure is not repeated after a measure that names it', () => {
  assert.equal(measureText('Tỷ lệ (%)', '%'), 'Tỷ lệ (%)');
  assert.equal(measureText('Số lượng', 'xã'), 'Số lượng · xã');
  assert.equal(measureText('Số lượng', null), 'Số lượng');
  assert.equal(measureText('', '%'), '%');
});

test('a milestone day reads dd/MM/yyyy; a year stays a year', () => {
  assert.equal(milestoneText('2026-12-31'), '31/12/2026');
  assert.equal(milestoneText('2030'), '2030');
  assert.equal(milestoneText(null), '');
});
