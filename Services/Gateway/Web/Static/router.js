// Hash routing: "#/nhiem-vu/TASKID" → {page: "nhiem-vu", param: "TASKID"}.

export const DEFAULT_PAGE = 'tong-quan';

/** Parses a location hash into {page, param}; an empty or foreign hash gives the default page. */
export function parseHash(hash) {
  const m = /^#\/([a-z-]+)(?:\/(.+))?$/.exec(hash || '');
  if (!m) return { page: DEFAULT_PAGE, param: null };
  let param = null;
  if (m[2]) {
    try { param = decodeURIComponent(m[2]); } catch { param = m[2]; }
  }
  return { page: m[1], param };
}

/** The hash of a page (and optional parameter). */
export function hashFor(page, param) {
  return `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

/** Calls `onRoute({page, param})` now and whenever the hash changes; returns a function to stop. */
export function startRouter(onRoute) {
  const handler = () => onRoute(parseHash(location.hash), true);
  window.addEventListener('hashchange', handler);
  onRoute(parseHash(location.hash), false);
  return () => window.removeEventListener('hashchange', handler);
}
