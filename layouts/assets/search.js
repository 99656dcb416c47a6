// The search page, on Pagefind's JavaScript API. Pagefind's ready-made UI only searches once a term
// is typed; readers here also browse by filter alone ("everything with Sergey Lavrov in 2026"),
// so this small UI drives the same index, browsing with `search(null)` (every page, by date) and
// applying the filters itself (see run()). State lives in the URL, so a filtered view can be
// bookmarked and shared. Kept in a file, not inline, for a strict CSP.

const FILTER_LABELS = { type: 'Type', person: 'Person', organization: 'Organization', place: 'Place', year: 'Year', source: 'Source' };
const FILTER_ORDER = Object.keys(FILTER_LABELS);
const PAGE_SIZE = 10;
// Browsers fetch six files at once from one server: the first six results take one round trip.
const FIRST_BATCH = 6;

const form = document.querySelector('#search-form');
const input = document.querySelector('#search-input');
const sortSelect = document.querySelector('#search-sort');
const filterPanel = document.querySelector('#search-filters');
const status = document.querySelector('#search-status');
const resultList = document.querySelector('#search-results');
const moreButton = document.querySelector('#search-more');

const state = readUrl();
let pagefind;
let base = '/';
// The results of the last search, every one of them (null: nothing searched, the whole archive).
let current = { results: null, shown: 0 };
let searchSerial = 0;
const openGroups = new Set();
// Filter values, read from Pagefind's files by search-filters.js once a reader uses a filter.
let filterIndex = null;
let filterModule = null;

start().catch((error) => {
  document.querySelector('.search-app').hidden = true;
  document.querySelector('#search-unavailable').hidden = false;
  console.error(error);
});

async function start() {
  // The site may be served under a path ("/archive/"); the build writes it into every page's head.
  base = document.querySelector('meta[name="chronicle-base"]')?.getAttribute('content') ?? '/';
  pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ excerptLength: 24, baseUrl: base });
  await pagefind.init();
  document.querySelector('.search-app').hidden = false;
  input.value = state.q;
  sortSelect.value = state.sort;
  renderFilters();
  // Pagefind fetches the index chunks for a term while the reader is still typing (its preload),
  // so the short pause before searching costs little: results show within ~300 ms of the last key.
  const searchSoon = debounce(() => { state.q = input.value.trim(); run(); }, 90);
  input.addEventListener('input', () => {
    if (input.value.trim()) pagefind.preload(input.value.trim());
    searchSoon();
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); state.q = input.value.trim(); run(); });
  sortSelect.addEventListener('change', () => { state.sort = sortSelect.value; run(); });
  filterPanel.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const values = new Set(state.filters[box.name] ?? []);
    if (box.checked) values.add(box.value); else values.delete(box.value);
    state.filters[box.name] = [...values];
    run();
  });
  moreButton.addEventListener('click', () => showMore());
  run();
}

/** The filter index, its module loaded on first use: a search by words never needs it. */
async function filters() {
  filterModule ??= import('./search-filters.js').catch((error) => {
    filterModule = null;
    throw error;
  });
  const { FilterIndex } = await filterModule;
  filterIndex ??= new FilterIndex(base);
  return filterIndex;
}

/** Loads the named filter groups, then draws the panel again with their values. */
function loadGroups(names) {
  filters().then((index) => index.load(names)).then(() => renderFilters(), (error) => console.error(error));
}

async function run() {
  writeUrl();
  const serial = ++searchSerial;
  const selected = FILTER_ORDER.filter((name) => (state.filters[name] ?? []).length > 0);
  const browsing = state.q === '';
  if (browsing && selected.length === 0) {
    current = { results: null, shown: 0 };
    resultList.replaceChildren();
    moreButton.hidden = true;
    renderFilters();
    status.textContent = 'Type to search, or pick a filter to browse.';
    return;
  }
  const options = {};
  // Without a term there is no relevance to rank by, so browsing is always by date.
  const sort = state.sort === 'relevance' && browsing ? 'newest' : state.sort;
  if (sort !== 'relevance') options.sort = { date: sort === 'newest' ? 'desc' : 'asc' };
  let results;
  try {
    // Filters are applied here, not by Pagefind (see search-filters.js); browsing asks Pagefind for
    // every page in date order and keeps the ones that match.
    const [search, index] = await Promise.all([pagefind.search(browsing ? null : state.q, options), selected.length > 0 ? filters() : null]);
    if (serial !== searchSerial || !search) return;
    results = index ? await index.keep(search.results, Object.fromEntries(selected.map((name) => [name, state.filters[name]]))) : search.results;
  } catch (error) {
    if (serial === searchSerial) status.textContent = 'Search could not load part of its index. Reload the page to try again.';
    throw error;
  }
  if (serial !== searchSerial) return;
  const next = { results, shown: 0 };
  // The first results are shown as soon as one round of fragment requests is back, the rest of the
  // page right after, and then the count; the old list is swapped out whole, never half-emptied.
  const firstPage = await nextBatch(next, FIRST_BATCH);
  if (serial !== searchSerial) return;
  current = next;
  resultList.replaceChildren(...firstPage);
  moreButton.hidden = true;
  renderFilters();
  next.pending = nextBatch(next, PAGE_SIZE - FIRST_BATCH);
  const rest = await next.pending;
  if (current !== next) return;
  resultList.append(...rest);
  const count = results.length;
  status.textContent = count === 0 ? 'No results. Try fewer words or fewer filters.' : `${count} result${count === 1 ? '' : 's'}`;
  moreButton.hidden = current.shown >= current.results.length;
}

async function showMore() {
  const added = await nextBatch(current, PAGE_SIZE);
  resultList.append(...added);
  moreButton.hidden = current.shown >= current.results.length;
  // The button may have just been hidden under the keyboard's focus: continue reading at the first new result.
  added[0]?.querySelector('a')?.focus();
}

async function nextBatch(listing, size) {
  const batch = listing.results.slice(listing.shown, listing.shown + size);
  listing.shown += batch.length;
  const items = await Promise.all(batch.map((result) => result.data()));
  return items.map(renderResult);
}

function renderResult(data) {
  const item = document.createElement('li');
  item.className = 'result';
  const meta = document.createElement('p');
  meta.className = 'result__meta';
  meta.textContent = [data.meta.type, data.meta.date].filter(Boolean).join(' · ');
  const title = document.createElement('h2');
  title.className = 'result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  title.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'result__excerpt';
  excerpt.append(...excerptNodes(data.excerpt ?? ''));
  item.append(meta, title, excerpt);
  return item;
}

/** Pagefind's excerpt marks hits with <mark>; keep those and turn everything else into plain text. */
function excerptNodes(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/**
 * The filter panel: a closed group per filter, opened by the reader or by a filter in the address.
 * An open group lists its values with how many of the current results have each; its values are
 * loaded when it first opens, and the panel is drawn again then.
 */
function renderFilters() {
  const known = filterIndex?.chunks;
  const groups = FILTER_ORDER.filter((name) => !known || known.has(name));
  // The panel is drawn anew after every search; whatever had the keyboard's focus in it gets it back.
  const focused = filterPanel.contains(document.activeElement) ? document.activeElement : null;
  const focusedBox = focused instanceof HTMLInputElement ? { name: focused.name, value: focused.value } : null;
  const focusedGroup = focused?.closest('details')?.dataset.filter ?? null;
  const inResults = current.results && filterIndex?.pageOf ? filterIndex.resultMask(current.results) : null;
  filterPanel.replaceChildren(...groups.map((name) => {
    const selected = new Set(state.filters[name] ?? []);
    const group = document.createElement('details');
    group.className = 'filter-group';
    group.dataset.filter = name;
    group.open = selected.size > 0 || openGroups.has(name);
    group.addEventListener('toggle', () => {
      if (!group.open) return openGroups.delete(name);
      if (openGroups.has(name)) return;
      // Opened by the reader (or drawn open for a selected filter): draw its values once they are loaded.
      openGroups.add(name);
      loadGroups([name]);
    });
    const summary = document.createElement('summary');
    summary.textContent = FILTER_LABELS[name];
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = `Filter by ${FILTER_LABELS[name].toLowerCase()}`;
    fieldset.append(legend);
    const values = filterIndex?.values(name);
    if (group.open && !values) {
      const loading = document.createElement('p');
      loading.className = 'muted';
      loading.textContent = 'Loading…';
      fieldset.append(loading);
    }
    if (group.open && values) {
      const names = [...values.keys()].sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      for (const value of names) {
        const pages = values.get(value);
        const count = inResults ? countIn(pages, inResults) : pages.length;
        if (count === 0 && !selected.has(value)) continue;
        const label = document.createElement('label');
        label.className = 'filter';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = selected.has(value);
        const text = document.createElement('span');
        text.textContent = value;
        const badge = document.createElement('span');
        badge.className = 'filter__count';
        badge.textContent = String(count);
        label.append(box, text, badge);
        fieldset.append(label);
      }
    }
    group.append(summary, fieldset);
    return group;
  }));
  if (!focused) return;
  const box = focusedBox && [...filterPanel.querySelectorAll('input')].find((input) => input.name === focusedBox.name && input.value === focusedBox.value);
  (box ?? filterPanel.querySelector(`details[data-filter="${focusedGroup}"] > summary`))?.focus();
}

/** How many of a value's pages are among the results (a byte per page, 1 for a result). */
function countIn(pages, mask) {
  let count = 0;
  for (const page of pages) count += mask[page];
  return count;
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTER_ORDER) filters[name] = params.getAll(name);
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', sort: ['relevance', 'newest', 'oldest'].includes(sort) ? sort : 'relevance', filters };
}

function writeUrl() {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const name of FILTER_ORDER) for (const value of state.filters[name] ?? []) params.append(name, value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}

function debounce(fn, ms) {
  let timer;
  return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
}
