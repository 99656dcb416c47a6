// The search page, on Pagefind's JavaScript API. Pagefind's ready-made UI only searches once a term
// is typed; readers here also browse by filter alone ("everything with Sergey Lavrov in 2026"),
// so this small UI drives the same index with `search(null, { filters })`. State lives in the URL,
// so a filtered view can be bookmarked and shared. Kept in a file, not inline, for a strict CSP.

const FILTER_LABELS = { type: 'Type', person: 'Person', organization: 'Organization', place: 'Place', year: 'Year', source: 'Source' };
const FILTER_ORDER = Object.keys(FILTER_LABELS);
const PAGE_SIZE = 10;

const form = document.querySelector('#search-form');
const input = document.querySelector('#search-input');
const sortSelect = document.querySelector('#search-sort');
const filterPanel = document.querySelector('#search-filters');
const status = document.querySelector('#search-status');
const resultList = document.querySelector('#search-results');
const moreButton = document.querySelector('#search-more');

const state = readUrl();
let pagefind;
let allFilters = {};
let current = { results: [], shown: 0 };
let searchSerial = 0;
const openGroups = new Set();

start().catch((error) => {
  document.querySelector('.search-app').hidden = true;
  document.querySelector('#search-unavailable').hidden = false;
  console.error(error);
});

async function start() {
  // The site may be served under a path ("/archive/"); the build writes it into every page's head.
  const base = document.querySelector('meta[name="chronicle-base"]')?.getAttribute('content') ?? '/';
  pagefind = await import(`${base}pagefind/pagefind.js`);
  await pagefind.options({ excerptLength: 24, baseUrl: base });
  await pagefind.init();
  allFilters = await pagefind.filters();
  document.querySelector('.search-app').hidden = false;
  input.value = state.q;
  sortSelect.value = state.sort;
  renderFilters(allFilters);
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

async function run() {
  writeUrl();
  const serial = ++searchSerial;
  const filters = {};
  for (const [name, values] of Object.entries(state.filters)) if (values.length > 0) filters[name] = { any: values };
  const browsing = state.q === '';
  if (browsing && Object.keys(filters).length === 0) {
    current = { results: [], shown: 0 };
    resultList.replaceChildren();
    moreButton.hidden = true;
    renderFilters(allFilters);
    status.textContent = 'Type to search, or pick a filter to browse.';
    return;
  }
  const options = { filters };
  // Without a term there is no relevance to rank by, so browsing is always by date.
  const sort = state.sort === 'relevance' && browsing ? 'newest' : state.sort;
  if (sort !== 'relevance') options.sort = { date: sort === 'newest' ? 'desc' : 'asc' };
  const search = await pagefind.search(browsing ? null : state.q, options);
  if (serial !== searchSerial || !search) return;
  renderFilters(search.filters ?? allFilters);
  const next = { results: search.results, shown: 0 };
  const firstPage = await nextBatch(next);
  if (serial !== searchSerial) return;
  // Swap the whole list at once, so the page never shows a half-emptied list.
  current = next;
  resultList.replaceChildren(...firstPage);
  const count = search.results.length;
  status.textContent = count === 0 ? 'No results. Try fewer words or fewer filters.' : `${count} result${count === 1 ? '' : 's'}`;
  moreButton.hidden = current.shown >= current.results.length;
}

async function showMore() {
  const added = await nextBatch(current);
  resultList.append(...added);
  moreButton.hidden = current.shown >= current.results.length;
  // The button may have just been hidden under the keyboard's focus: continue reading at the first new result.
  added[0]?.querySelector('a')?.focus();
}

async function nextBatch(listing) {
  const batch = listing.results.slice(listing.shown, listing.shown + PAGE_SIZE);
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

function renderFilters(counts) {
  const groups = FILTER_ORDER.filter((name) => allFilters[name] && Object.keys(allFilters[name]).length > 0);
  // The panel is drawn anew after every search; whatever had the keyboard's focus in it gets it back.
  const focused = filterPanel.contains(document.activeElement) ? document.activeElement : null;
  const focusedBox = focused instanceof HTMLInputElement ? { name: focused.name, value: focused.value } : null;
  const focusedGroup = focused?.closest('details')?.dataset.filter ?? null;
  filterPanel.replaceChildren(...groups.map((name) => {
    const selected = new Set(state.filters[name] ?? []);
    const group = document.createElement('details');
    group.className = 'filter-group';
    group.dataset.filter = name;
    group.open = name === 'type' || selected.size > 0 || openGroups.has(name);
    group.addEventListener('toggle', () => (group.open ? openGroups.add(name) : openGroups.delete(name)));
    const summary = document.createElement('summary');
    summary.textContent = FILTER_LABELS[name];
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = `Filter by ${FILTER_LABELS[name].toLowerCase()}`;
    fieldset.append(legend);
    const values = Object.keys(allFilters[name]).sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
    for (const value of values) {
      const count = counts[name]?.[value] ?? 0;
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
    group.append(summary, fieldset);
    return group;
  }));
  if (!focused) return;
  const box = focusedBox && [...filterPanel.querySelectorAll('input')].find((input) => input.name === focusedBox.name && input.value === focusedBox.value);
  (box ?? filterPanel.querySelector(`details[data-filter="${focusedGroup}"] > summary`))?.focus();
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
