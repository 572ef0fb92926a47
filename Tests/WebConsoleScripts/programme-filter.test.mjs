// The header's programme selector: the filter it adds to calls, read from the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILTERED_METHODS, selectedProgramme, withProgramme } from '../../Services/Gateway/Web/Static/programme-filter.js';

function at(search) {
  globalThis.window = { location: { search } };
}

test('no programme in the URL: every call goes as it is (all programmes)', () => {
  at('');
  assert.equal(selectedProgramme(), '');
  assert.deepEqual(withProgramme('tasks.flags', { unitId: 'vn-75' }), { unitId: 'vn-75' });
});

test('a programme in the URL is added to the dashboards, lists, rankings and exports, and to nothing else', () => {
  at('?chuong-trinh=nq71');
  assert.equal(selectedProgramme(), 'nq71');
  for (const method of ['tasks.list', 'tasks.flags', 'tasks.scores', 'tasks.dashboard', 'metrics.dashboard', 'metrics.flags', 'metrics.export']) {
    assert.ok(FILTERED_METHODS.has(method), method);
    assert.deepEqual(withProgramme(method, { unitId: 'vn-75' }), { unitId: 'vn-75', programme: 'nq71' }, method);
  }
  assert.deepEqual(withProgramme('tasks.claim', { taskId: 't' }), { taskId: 't' }, 'a write takes no filter');
  assert.deepEqual(withProgramme('tasks.get', { taskId: 't' }), { taskId: 't' });
});

test('a programme the page names itself wins over the header', () => {
  at('?chuong-trinh=nq71');
  assert.deepEqual(withProgramme('tasks.list', { unitId: 'vn-75', programme: 'nq57' }), { unitId: 'vn-75', programme: 'nq57' });
});
