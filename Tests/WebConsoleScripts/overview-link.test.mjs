// The overview's address: unit, plan, group and rule filters read from and written to the URL hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overviewHash, parseFilters } from '../../Services/Gateway/Web/Static/overview-link.js';
import { parseHash } from '../../Services/Gateway/Web/Static/router.js';

test('filters round-trip through the hash, so a reload shows the same view', () => {
  const filters = { unitId: 'vn-75-25246', planId: 'plan-1', groupCode: 'II', rule: 'overdue' };
  const hash = overviewHash(filters);
  const route = parseHash(hash);
  assert.equal(route.page, 'tong-quan');
  assert.deepEqual(parseFilters(route.param), filters);
});

test('empty filters leave the plain page address; unknown keys are ignored', () => {
  assert.equal(overviewHash({}), '#/tong-quan');
  assert.equal(overviewHash({ unitId: '', rule: '' }), '#/tong-quan');
  assert.deepEqual(parseFilters('don-vi=vn-75&la=1'), { unitId: 'vn-75', planId: '', groupCode: '', rule: '' });
  assert.deepEqual(parseFilters(null), { unitId: '', planId: '', groupCode: '', rule: '' });
});
