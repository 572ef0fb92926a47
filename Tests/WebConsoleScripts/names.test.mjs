// Names where people read: a unit code left in a service's sentence becomes the unit's name; unknown codes stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesIn, state } from '../../Services/Gateway/Web/Static/state.js';

test('known unit codes in prose are replaced by names, on the viewed day', () => {
  state.asOf = '2026-11-24';
  state.unitsById = new Map([
    ['vn-75-25246', { id: 'vn-75-25246', name: 'Xã Bình Tân', names: [{ name: 'Xã Bình Tân', validFrom: '2025-07-01' }] }],
    ['vn-75-25246-pkt', { id: 'vn-75-25246-pkt', name: 'Phòng Kinh tế', names: [{ name: 'Phòng Kinh tế', validFrom: '2025-07-01' }] }],
  ]);
  assert.equal(namesIn('Nhỏ nhất: 10 (đơn vị vn-75-25246)'), 'Nhỏ nhất: 10 (đơn vị Xã Bình Tân)');
  assert.equal(namesIn('vn-75-25246-pkt chưa báo cáo'), 'Phòng Kinh tế chưa báo cáo');
  assert.equal(namesIn('đơn vị vn-75-99999'), 'đơn vị vn-75-99999', 'an unknown code is left as it is');
  assert.equal(namesIn(''), '');
  assert.equal(namesIn(null), '');
});
