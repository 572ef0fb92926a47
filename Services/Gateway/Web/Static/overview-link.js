// The overview's address: its filters (unit, plan, group, rule) in the URL hash, so a reload or a link shows the same view.
import { hashFor } from './router.js';

/** URL keys of the filters. */
const KEYS = { unitId: 'don-vi', planId: 'ke-hoach', groupCode: 'nhom', rule: 'canh-bao' };

/** The filters in a route parameter ("don-vi=vn-75-25246&canh-bao=overdue"); absent ones are ''. */
export function parseFilters(param) {
  const query = new URLSearchParams(param || '');
  return Object.fromEntries(Object.entries(KEYS).map(([name, key]) => [name, query.get(key) || '']));
}

/** The hash of the overview with `filters` (empty ones left out). */
export function overviewHash(filters = {}) {
  const query = new URLSearchParams();
  Object.entries(KEYS).forEach(([name, key]) => { if (filters[name]) query.set(key, filters[name]); });
  const text = query.toString();
  return hashFor('tong-quan', text || null);
}
