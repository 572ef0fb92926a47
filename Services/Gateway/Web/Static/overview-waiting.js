// What waits for review below a unit, counted from the review queues (task claims, KPI values, requests to publish
// evidence): by kind for the headline tile, and by the unit directly below for "Nơi cần xử lý". The queues are
// today's: a past day's overview says so beside the count.
import { ancestry } from './state.js';

/** {total, taskClaim, kpiValue, publication} of the queue's items. */
export function waitingByKind(items) {
  const counts = { total: items.length, taskClaim: 0, kpiValue: 0, publication: 0 };
  items.forEach((i) => { counts[i.kind] = (counts[i.kind] || 0) + 1; });
  return counts;
}

/** The unit directly below `rootId` on the way to `unitId` (the unit itself when it is directly below; null for the root). */
export function branchOf(unitId, rootId) {
  const chain = ancestry(unitId);
  const at = chain.indexOf(rootId);
  return at > 0 ? chain[at - 1] : null;
}

/** Map from each unit directly below `rootId` to how many queue items wait in it or below it. */
export function waitingByUnit(items, rootId) {
  const counts = new Map();
  items.forEach((i) => {
    const branch = branchOf(i.unitId, rootId);
    if (branch) counts.set(branch, (counts.get(branch) || 0) + 1);
  });
  return counts;
}
