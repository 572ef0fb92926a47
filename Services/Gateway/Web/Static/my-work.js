// Việc của tôi: what the user's units owe, from the tasks and metrics services (tasks.myWork, metrics.myWork),
// merged by section (sent back, overdue, due, draft: the order of the server's vocabulary) and then by due day.
import { call } from './api.js';
import { compareKeys } from './review-queue.js';
import { termsOf } from './vocabulary.js';

/** The sections in the server's order. */
export function sectionOrder() {
  const list = termsOf('workSections').map((t) => t.value);
  return list.length ? list : ['sentBack', 'overdue', 'due', 'draft'];
}

/** The user's work (or that of `unitId` and below, when given): {asOf, items}. */
export async function loadMyWork(unitId) {
  const params = unitId ? { unitId } : {};
  const [tasks, kpis] = await Promise.all([call('tasks.myWork', params), call('metrics.myWork', params)]);
  const order = sectionOrder();
  const key = (i) => [order.indexOf(i.section), i.dueOn || '9999', i.unitId, i.title, i.period || ''];
  const items = [...(tasks.items || []), ...(kpis.items || [])].sort((a, b) => compareKeys(key(a), key(b)));
  return { asOf: [tasks.asOf, kpis.asOf].sort().pop(), items };
}

/** The sections that ask for action now (not just a date ahead). */
export const URGENT = ['sentBack', 'overdue', 'draft'];
