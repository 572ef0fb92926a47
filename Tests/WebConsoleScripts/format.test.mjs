import assert from 'node:assert/strict';
import test from 'node:test';
import * as f from '../../Services/Gateway/Web/Static/format.js';

test('dates', () => {
  assert.equal(f.formatDate('2025-11-03'), '03/11/2025');
  assert.equal(f.formatDate(''), '');
  assert.equal(f.formatDate(null), '');
  assert.equal(f.formatDate(new Date(2025, 0, 5)), '05/01/2025');
  assert.equal(f.formatDateTime(new Date(2025, 0, 5, 8, 7)), '05/01/2025 08:07');
  assert.equal(f.todayIso(new Date(2025, 8, 9)), '2025-09-09');
  assert.equal(f.formatDate('abc'), 'abc');
});

test('numbers', () => {
  assert.equal(f.formatNumber(1234.5), '1.234,5');
  assert.equal(f.formatNumber(1234567), '1.234.567');
  assert.equal(f.formatNumber(-1234.567), '-1.234,57');
  assert.equal(f.formatNumber(0.004), '0');
  assert.equal(f.formatNumber(-0.001), '0');
  assert.equal(f.formatNumber(null), '');
  assert.equal(f.formatNumber(12, 0), '12');
  assert.equal(f.formatPercent(85.46), '85,5%');
  assert.equal(f.formatBytes(1536), '1,5 KB');
  assert.equal(f.formatBytes(12), '12 B');
});

test('parse', () => {
  assert.equal(f.parseNumber('1.234,5'), 1234.5);
  assert.equal(f.parseNumber('12,5'), 12.5);
  assert.equal(f.parseNumber('1.234'), 1234);
  assert.equal(f.parseNumber('12.5'), 12.5);
  assert.equal(f.parseNumber(' 85 '), 85);
  assert.equal(f.parseNumber('-3'), -3);
  assert.ok(Number.isNaN(f.parseNumber('')));
  assert.ok(Number.isNaN(f.parseNumber('abc')));
  assert.ok(Number.isNaN(f.parseNumber('1,2,3')));
  assert.equal(f.ratioPercent(17, 20), 85);
  assert.equal(f.ratioPercent(1, 0), null);
});

test('periods', () => {
  assert.equal(f.periodOf('month', '2025-11-30'), '2025-11');
  assert.equal(f.periodOf('quarter', '2025-11-30'), '2025-Q4');
  assert.equal(f.periodOf('halfYear', '2025-06-30'), '2025-H1');
  assert.equal(f.periodOf('year', '2025-06-30'), '2025');
  assert.equal(f.previousPeriod('2025-01'), '2024-12');
  assert.equal(f.previousPeriod('2025-Q1'), '2024-Q4');
  assert.equal(f.previousPeriod('2025-H2'), '2025-H1');
  assert.equal(f.previousPeriod('2025'), '2024');
  assert.deepEqual(f.periodsBetween('month', '2025-09-15', '2025-11-02'), ['2025-11', '2025-10', '2025-09']);
  assert.deepEqual(f.periodsBetween('quarter', null, '2025-05-01', 3), ['2025-Q2', '2025-Q1', '2024-Q4']);
  assert.deepEqual(f.periodsBetween('month', '2026-01-01', '2025-11-02'), ['2025-11']);
  assert.equal(f.periodText('2025-11'), 'Tháng 11/2025');
  assert.equal(f.periodText('2025-Q3'), 'Quý III/2025');
  assert.equal(f.periodText('2025-H2'), '6 tháng cuối năm 2025');
  assert.equal(f.periodText('2025'), 'Năm 2025');
  assert.equal(f.label(f.TASK_STATES, 'submitted'), 'Chờ thẩm định');
  assert.equal(f.label(f.TASK_STATES, 'weird'), 'weird');
});

import { hashFor, parseHash } from '../../Services/Gateway/Web/Static/router.js';
test('router', () => {
  assert.deepEqual(parseHash('#/nhiem-vu/T-1%2F2'), { page: 'nhiem-vu', param: 'T-1/2' });
  assert.deepEqual(parseHash('#/tong-quan'), { page: 'tong-quan', param: null });
  assert.deepEqual(parseHash(''), { page: 'tong-quan', param: null });
  assert.deepEqual(parseHash('#main'), { page: 'tong-quan', param: null });
  assert.equal(hashFor('nhiem-vu', 'T-1/2'), '#/nhiem-vu/T-1%2F2');
});
