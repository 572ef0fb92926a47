// Shared state: the session, the units the user may see, and the header's unit and date filters.
import { call } from './api.js';
import { todayIso } from './format.js';
import { serverToday } from './vocabulary.js';

export const state = {
  session: null,          // {username, displayName, grants:[{role, unitId, unitName}], csrfToken}
  identityLogin: false,
  units: [],              // units of the grants and below, in tree order, each with `depth`
  unitsById: new Map(),
  unitId: null,           // the selected unit
  asOf: todayIso(),       // "Xem đến ngày"
  programmes: [],         // every programme (tasks.programmes.list), for their short names
};

const SELECTION_KEY = 'nq57:selection';

/** Saves the header selection for this browser tab. */
export function saveSelection() {
  sessionStorage.setItem(SELECTION_KEY, JSON.stringify({ unitId: state.unitId, asOf: state.asOf }));
}

/** Whether the user holds any of the roles (at any unit). */
export function hasRole(...roles) {
  return !!state.session?.grants?.some((g) => roles.includes(g.role));
}

/** Whether `ancestorId` is `unitId` or above it in the known tree. */
export function isWithin(unitId, ancestorId) {
  return ancestry(unitId).includes(ancestorId);
}

/** `unitId`, then its parent, and so on up to the top of the units the user sees (ids). */
export function ancestry(unitId) {
  const chain = [];
  for (let id = unitId; id && chain.length < 50; id = state.unitsById.get(id)?.parentId) chain.push(id);
  return chain;
}

/** A unit's name on `day` (yyyy-MM-dd) from the dated names the server sent; its `name` when it sent none. */
export function nameOn(unit, day) {
  const names = unit?.names || [];
  let found = null;
  for (const n of names) if (n.validFrom <= day) found = n;
  return (found || names[0])?.name || unit?.name || '';
}

/**
 * The display name of a unit id (the id itself when unknown): its name on the viewed day, with
 * today's name beside where it has changed since ("Xã Lộc Ninh (nay: Phường Lộc Ninh)").
 */
export function unitName(id) {
  if (!id) return '';
  const unit = state.unitsById.get(id);
  if (unit) {
    const then = nameOn(unit, state.asOf);
    const now = unit.currentName || unit.name;
    return now && now !== then ? `${then} (nay: ${now})` : then;
  }
  const grant = state.session?.grants?.find((g) => g.unitId === id);
  return grant?.unitName || id;
}

/** `text` with every unit code the console knows ("vn-75-25246") replaced by the unit's name, for prose the
 * services write with codes in it (a roll-up's "Nhỏ nhất: 10 (đơn vị vn-75-25246)"). */
export function namesIn(text) {
  if (!text) return text || '';
  return String(text).replace(/\bvn(?:-[0-9a-z]+)*\b/g, (id) => (state.unitsById.has(id) ? unitName(id) : id));
}

/** The selected unit and every unit below it (ids). */
export function unitsUnderSelected() {
  return state.units.filter((u) => isWithin(u.id, state.unitId)).map((u) => u.id);
}

/** Loads the units of the user's grants and below, orders them as a tree, restores or defaults the selection. */
export async function loadUnits() {
  const grants = state.session?.grants || [];
  const roots = [...new Set(grants.map((g) => g.unitId || ''))];
  const lists = await Promise.all(roots.map((under) => call('auth.units.list', { under: under || undefined })));
  const byId = new Map();
  lists.forEach((r) => (r?.units || []).forEach((u) => byId.set(u.id, u)));
  grants.forEach((g) => {
    if (g.unitId && !byId.has(g.unitId)) byId.set(g.unitId, { id: g.unitId, name: g.unitName || g.unitId, parentId: null });
  });
  const children = new Map();
  for (const u of byId.values()) {
    const parent = byId.has(u.parentId) ? u.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(u);
  }
  const ordered = [];
  const walk = (parent, depth) => {
    const list = (children.get(parent) || []).sort((a, b) => String(a.code || a.name).localeCompare(String(b.code || b.name), 'vi'));
    for (const u of list) { ordered.push({ ...u, depth }); walk(u.id, depth + 1); }
  };
  walk('', 0);
  state.units = ordered;
  state.unitsById = new Map(ordered.map((u) => [u.id, u]));

  let saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(SELECTION_KEY) || '{}'); } catch { saved = {}; }
  const first = grants.find((g) => g.unitId)?.unitId || ordered[0]?.id || null;
  state.unitId = saved.unitId && state.unitsById.has(saved.unitId) ? saved.unitId : first;
  state.asOf = saved.asOf || serverToday() || todayIso();
}
