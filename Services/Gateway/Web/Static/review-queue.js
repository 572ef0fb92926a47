// The review queue of a unit's subtree: every service's waiting items (task claims, KPI values, requests to
// publish evidence), merged oldest first as the server orders each list, each with whether this user may decide
// it (`canDecide`, `actions`) and why not (`whyNot`).
import { call } from './api.js';

/** The methods that list each kind's waiting items. */
export const QUEUE_METHODS = { taskClaim: 'tasks.reviewQueue', kpiValue: 'metrics.reviewQueue', publication: 'evidence.reviewQueue' };

/** Compares two lists of sort keys, the first difference deciding (as Swift compares tuples). */
export function compareKeys(ka, kb) {
  for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

/** Oldest first, then by unit, title and period: the order of the server's own lists. */
export function byAge(a, b) {
  return compareKeys([a.submittedOn, a.unitId, a.title, a.period || ''], [b.submittedOn, b.unitId, b.title, b.period || '']);
}

/** Loads of a unit's queue under way: the tab count and the page asking at once share one set of calls. */
const loading = new Map();

/** Every waiting item of the unit's subtree, merged oldest first; {asOf, items} (callers read it, never change it). */
export function loadQueue(unitId) {
  if (loading.has(unitId)) return loading.get(unitId);
  const load = Promise.all(Object.values(QUEUE_METHODS).map((method) => call(method, { unitId })))
    .then((parts) => ({ asOf: parts.map((p) => p.asOf).sort().pop(), items: parts.flatMap((p) => p.items || []).sort(byAge) }))
    .finally(() => loading.delete(unitId));
  loading.set(unitId, load);
  return load;
}

/** The call that decides an item: accept or send back, with the reason. */
export function decide(item, decision, reason) {
  switch (item.kind) {
    case 'taskClaim': return call('tasks.review', { taskId: item.itemId, unitId: item.unitId, period: item.period, decision, reason });
    case 'kpiValue': return call('metrics.review', { indicatorId: item.itemId, unitId: item.unitId, period: item.period, decision, reason });
    default: return call('evidence.decidePublication', { id: item.itemId, unitId: item.unitId, decision, reason });
  }
}
