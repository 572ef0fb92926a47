// The header's programme selector: which programme (nghị quyết, chương trình) every dashboard, list, ranking
// and export shows — all of them by default. Kept in the URL (?chuong-trinh=nq71), so a link or a reload
// shows the same selection; the pages need not know: `withProgramme` adds the filter to the calls that take it.

const PARAM = 'chuong-trinh';

/** The methods that accept an optional `programme` filter. */
export const FILTERED_METHODS = new Set([
  'tasks.plans.list', 'tasks.list', 'tasks.flags', 'tasks.scores', 'tasks.dashboard', 'tasks.overview', 'tasks.public',
  'metrics.indicators.list', 'metrics.dashboard', 'metrics.flags', 'metrics.export', 'metrics.public',
]);

/** The programme code in the URL, or '' for all programmes. */
export function selectedProgramme() {
  return new URLSearchParams(window.location.search).get(PARAM) || '';
}

/** `params` with the selected programme added when `method` takes the filter and the caller named none. */
export function withProgramme(method, params) {
  const code = selectedProgramme();
  if (!code || !FILTERED_METHODS.has(method) || (params && params.programme)) return params;
  return { ...params, programme: code };
}

/** Writes the selection into the URL (keeping the page's hash) without reloading. */
function remember(code) {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set(PARAM, code);
  else url.searchParams.delete(PARAM);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Fills `select` with `programmes` (from `tasks.programmes.list`) after its first option (all programmes), selects
 * the one in the URL, and calls `onChange()` when the user picks another. A code in the URL that is not in the
 * list is dropped from the URL.
 */
export function mountProgrammeSelector(select, programmes, onChange) {
  const first = select.options[0];
  select.replaceChildren(first);
  for (const programme of programmes) {
    const option = document.createElement('option');
    option.value = programme.code;
    option.textContent = programme.shortName;
    option.title = programme.name;
    select.append(option);
  }
  const current = selectedProgramme();
  if (current && !programmes.some((p) => p.code === current)) remember('');
  select.value = selectedProgramme();
  select.addEventListener('change', () => {
    remember(select.value);
    onChange();
  });
}
