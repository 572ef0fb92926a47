import assert from 'node:assert/strict';
import test from 'node:test';
import * as f from '../../Services/Gateway/Web/Static/format.js';

test('dates are read in Vietnam, whatever the zone of the machine', () => {
  assert.equal(f.formatDate('2025-11-03'), '03/11/2025', 'a day is that day');
  assert.equal(f.formatDate(''), '');
  assert.equal(f.formatDate(null), '');
  // 20:00 UTC on 31/12 is 03:00 on 01/01 in Vietnam: the next day, month and year.
  const newYear = new Date('2025-12-31T20:00:00Z');
  assert.equal(f.formatDate(newYear), '01/01/2026');
  assert.equal(f.formatDate('2025-12-31T20:00:00Z'), '01/01/2026');
  assert.equal(f.formatDateTime(newYear), '01/01/2026 03:00');
  assert.equal(f.formatDateTime('2025-01-05T01:07:00Z'), '05/01/2025 08:07');
  assert.equal(f.todayIso(newYear), '2026-01-01');
  assert.equal(f.todayIso(new Date('2025-09-09T16:59:59Z')), '2025-09-09', 'one second before midnight in Vietnam');
  assert.equal(f.formatDate('abc'), 'abc');
  assert.equal(f.formatDateTime('abc'), 'abc');
});

test('the dates do not depend on the zone the process runs in', () => {
  assert.equal(f.TIME_ZONE, 'Asia/Ho_Chi_Minh');
  const saved = process.env.TZ;
  try {
    for (const zone of ['America/Los_Angeles', 'UTC', 'Asia/Tokyo']) {
      process.env.TZ = zone;  // Node reads the zone again when TZ changes
      assert.equal(f.formatDate(new Date('2025-12-31T20:00:00Z')), '01/01/2026', zone);
      assert.equal(f.formatDate('2025-11-03'), '03/11/2025', zone);
      assert.equal(f.formatDateTime('2026-06-30T18:30:00Z'), '01/07/2026 01:30', zone);
      assert.equal(f.todayIso(new Date('2026-06-30T18:30:00Z')), '2026-07-01', zone);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
});

test('numbers', () => {
  assert.equal(f.formatNumber(1234.5), '1.234,5');
  assert.equal(f.formatNumber(1234567), '1.234.567');
  assert.equal(f.formatNumber(-1234.567), '-1.234,57');
  assert.equal(f.formatNumber(0.004), '0');
  assert.equal(f.formatNumber(-0.001), '0');
  assert.equal(f.formatNumber(null), '');
  assert.equal(f.formatNumber(12, 0), '12');
  assert.equal(f.formatNumber(1234.5), new Intl.NumberFormat('vi-VN').format(1234.5));
  assert.equal(f.formatPercent(85.46), '85,5%');
  assert.equal(f.formatPercent(54.4642857, 2), '54,46%');
  assert.equal(f.formatPercent(null), '');
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

import { hashFor, parseHash } from '../../Services/Gateway/Web/Static/router.js';
test('router', () => {
  assert.deepEqual(parseHash('#/nhiem-vu/T-1%2F2'), { page: 'nhiem-vu', param: 'T-1/2' });
  assert.deepEqual(parseHash('#/tong-quan'), { page: 'tong-quan', param: null });
  assert.deepEqual(parseHash(''), { page: 'tong-quan', param: null });
  assert.deepEqual(parseHash('#main'), { page: 'tong-quan', param: null });
  assert.equal(hashFor('nhiem-vu', 'T-1/2'), '#/nhiem-vu/T-1%2F2');
});
