// What waits for review below a unit: the queues' items counted by kind, and by the unit directly below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestry, state } from '../../Services/Gateway/Web/Static/state.js';
import { branchOf, waitingByKind, waitingByUnit } from '../../Services/Gateway/Web/Static/overview-waiting.js';

state.unitsById = new Map([
  ['vn-75', { id: 'vn-75', parentId: 'vn' }],
  ['vn-75-25246', { id: 'vn-75-25246', parentId: 'vn-75' }],
  ['vn-75-25246-pkt', { id: 'vn-75-25246-pkt', parentId: 'vn-75-25246' }],
  ['vn-75-25195', { id: 'vn-75-25195', parentId: 'vn-75' }],
]);

test('a unit\'s ancestry runs up to the top the user sees', () => {
  assert.deepEqual(ancestry('vn-75-25246-pkt'), ['vn-75-25246-pkt', 'vn-75-25246', 'vn-75', 'vn']);
  assert.deepEqual(ancestry('unknown'), ['unknown']);
});

test('an item counts for the unit directly below the one viewed; the viewed unit\'s own items for none', () => {
  assert.equal(branchOf('vn-75-25246-pkt', 'vn-75'), 'vn-75-25246');
  assert.equal(branchOf('vn-75-25195', 'vn-75'), 'vn-75-25195');
  assert.equal(branchOf('vn-75', 'vn-75'), null);
  assert.equal(branchOf('vn-75-25195', 'vn-75-25246'), null, 'not below the viewed unit');
  const items = [
    { kind: 'taskClaim', unitId: 'vn-75-25246-pkt' }, { kind: 'kpiValue', unitId: 'vn-75-25246' },
    { kind: 'publication', unitId: 'vn-75-25195' }, { kind: 'kpiValue', unitId: 'vn-75' },
  ];
  assert.deepEqual(waitingByKind(items), { total: 4, taskClaim: 1, kpiValue: 2, publication: 1 });
  assert.deepEqual([...waitingByUnit(items, 'vn-75')], [['vn-75-25246', 2], ['vn-75-25195', 1]]);
});
