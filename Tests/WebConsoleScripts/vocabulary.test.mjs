import assert from 'node:assert/strict';
import test from 'node:test';
import * as v from '../../Services/Gateway/Web/Static/vocabulary.js';
import * as f from '../../Services/Gateway/Web/Static/format.js';

// A vocabulary as sys.vocabulary answers it (cut down): the labels are the server's, not the console's.
const vocabulary = {
  today: '2026-11-24',
  taskStates: [
    { value: 'notStarted', label: 'Chưa triển khai' }, { value: 'inProgress', label: 'Đang thực hiện' },
    { value: 'submitted', label: 'Chờ thẩm định' }, { value: 'needsRework', label: 'Chờ hoàn thiện' },
  ],
  reviewStates: [{ value: 'draft', label: 'Đang soạn' }, { value: 'sentBack', label: 'Chờ hoàn thiện' }],
  reviewedItems: [{ value: 'taskClaim', label: 'Đề nghị hoàn thành' }],
  itemActions: [{ value: 'progress', label: 'Cập nhật tiến độ' }, { value: 'accept', label: 'Chấp nhận' }, { value: 'sendBack', label: 'Trả lại' }],
  taskHistoryKinds: [{ value: 'progress', label: 'Cập nhật tiến độ' }, { value: 'claim', label: 'Đề nghị hoàn thành' }],
  roles: [{ value: 'head', label: 'Người đứng đầu' }],
  scoreBands: [{ value: 'excellent', label: 'Xuất sắc' }, { value: 'none', label: 'Chưa có nhiệm vụ đến hạn' }],
  flagRules: [{ value: 'overdue', label: 'Quá hạn', detail: 'Quá hạn mà chưa hoàn thành' }],
  completionStatuses: [{ value: 'met', label: 'Đạt' }, { value: 'atRisk', label: 'Có nguy cơ' }],
  periodKinds: [{ value: 'month', label: 'Hằng tháng' }, { value: 'quarter', label: 'Hằng quý' }],
  measures: [{ value: 'percent', label: 'Tỷ lệ (%)' }],
  periods: [
    { key: '2026-Q4', kind: 'quarter', label: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' },
    { key: '2026-Q3', kind: 'quarter', label: 'Quý III/2026', start: '2026-07-01', end: '2026-09-30' },
    { key: '2026-Q2', kind: 'quarter', label: 'Quý II/2026', start: '2026-04-01', end: '2026-06-30' },
    { key: '2026-11', kind: 'month', label: 'Tháng 11/2026', start: '2026-11-01', end: '2026-11-30' },
    { key: '2026-10', kind: 'month', label: 'Tháng 10/2026', start: '2026-10-01', end: '2026-10-31' },
    { key: '2026-09', kind: 'month', label: 'Tháng 9/2026', start: '2026-09-01', end: '2026-09-30' },
  ],
};

test('labels come from the vocabulary, in the order of the server type, and unknown values show as they are', () => {
  v.useVocabulary(vocabulary);
  assert.equal(v.labelOf('taskStates', 'notStarted'), 'Chưa triển khai');
  assert.equal(v.labelOf('roles', 'head'), 'Người đứng đầu');
  assert.equal(v.labelOf('taskStates', 'noSuchState'), 'noSuchState');
  assert.equal(v.labelOf('noSuchList', 'x'), 'x');
  assert.equal(v.labelOf('taskStates', null), '');
  assert.deepEqual(v.termsOf('taskStates').map((t) => t.value), ['notStarted', 'inProgress', 'submitted', 'needsRework']);
  assert.equal(v.detailOf('flagRules', 'overdue'), 'Quá hạn mà chưa hoàn thành');
  assert.equal(v.valueOf('scoreBands', 'Xuất sắc'), 'excellent', 'a label sent in place of the value');
  assert.equal(v.valueOf('scoreBands', 'none'), 'none');
  assert.equal(v.serverToday(), '2026-11-24');
});

test('the tables pages import from format.js are filled from the vocabulary, and emptied with it', () => {
  v.useVocabulary(vocabulary);
  assert.equal(f.label(f.TASK_STATES, 'notStarted'), 'Chưa triển khai');
  assert.deepEqual(Object.keys(f.TASK_STATES), ['notStarted', 'inProgress', 'submitted', 'needsRework']);
  assert.equal(f.label(f.TASK_STATES, 'weird'), 'weird');
  assert.equal(f.EVENT_KINDS.claim, 'Đề nghị hoàn thành');
  assert.equal(f.EVENT_KINDS.progress, 'Cập nhật tiến độ');
  assert.equal(f.FREQUENCIES.quarter, 'Hằng quý');
  v.useVocabulary({ taskStates: [{ value: 'submitted', label: 'Đã gửi' }] });
  assert.deepEqual(f.TASK_STATES, { submitted: 'Đã gửi' }, 'no label is left from before');
  assert.equal(f.label(f.EVENT_KINDS, 'claim'), 'claim');
});

test('periods are named and bounded by the server', () => {
  v.useVocabulary(vocabulary);
  assert.equal(v.periodText('2026-Q4'), 'Quý IV/2026');
  assert.equal(f.periodText('2026-11'), 'Tháng 11/2026');
  assert.equal(v.periodText('2019-Q1'), '2019-Q1', 'a period the server has not named shows its key');
  assert.equal(v.periodText(null), '');
  assert.equal(v.periodOf('quarter', '2026-11-24'), '2026-Q4');
  assert.equal(v.periodOf('month', '2026-10-31'), '2026-10');
  assert.equal(v.periodOf('year', '2026-10-31'), null);
  assert.deepEqual(v.periodsBetween('quarter', null, '2026-11-24'), ['2026-Q4', '2026-Q3', '2026-Q2']);
  assert.deepEqual(v.periodsBetween('quarter', null, '2026-09-30', 1), ['2026-Q3']);
  assert.deepEqual(f.periodsBetween('month', '2026-10-15', '2026-11-02'), ['2026-11', '2026-10']);
  assert.deepEqual(v.periodsBetween('month', '2027-01-01', '2026-11-02'), ['2026-11'], 'the newest always');
  v.addPeriods([{ key: '2025-H2', kind: 'halfYear', label: '6 tháng cuối năm 2025', start: '2025-07-01', end: '2025-12-31' }]);
  assert.equal(v.periodText('2025-H2'), '6 tháng cuối năm 2025');
});
