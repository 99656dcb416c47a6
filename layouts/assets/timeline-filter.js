// Filter chips for the home page's timeline. Without JavaScript each chip is a link to that
// person's, organization's or place's own timeline page; with it, chips narrow this timeline in
// place, and the choice is kept in the address (?with=person:x,place:y) so it can be shared.
// The timeline comes a page at a time; chips narrow the page being read. The address may name
// anyone or anything, chip or not (?with=person:x): each entry carries the keys of all it names,
// and the status line links each name to its own timeline, which has every event and story with it.

const FOLDERS = { person: 'people', organization: 'organizations', place: 'places' };

const root = document.querySelector('[data-timeline-filter]');
const timeline = document.getElementById('timeline');

const onThisDay = document.getElementById('on-this-day-link');
if (onThisDay) {
  const today = new Date();
  const key = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  onThisDay.href = `${onThisDay.getAttribute('href')}#d-${key}`;
}

if (root && timeline) {
  document.documentElement.classList.add('js');
  const entries = [...timeline.querySelectorAll('.entry')];
  const status = root.querySelector('.filter-bar__status');
  const selected = new Set(new URLSearchParams(location.search).get('with')?.split(',').filter(Boolean) ?? []);
  const names = new Map(Object.entries(readNames(status)));
  /** Keys that name nothing in this archive, found out by asking for their page. */
  const unknown = new Set();

  for (const link of root.querySelectorAll('a[data-filter-key]')) {
    const key = link.dataset.filterKey;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.dataset.filterKey = key;
    button.append(...link.childNodes);
    names.set(key, button.firstChild?.textContent?.trim() ?? key);
    button.addEventListener('click', () => {
      if (selected.has(key)) selected.delete(key);
      else selected.add(key);
      apply();
    });
    link.replaceWith(button);
  }

  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'filter-bar__clear';
  clear.textContent = 'Show everything';
  clear.addEventListener('click', () => {
    selected.clear();
    apply();
  });

  function apply() {
    let shown = 0;
    for (const entry of entries) {
      const keys = new Set((entry.dataset.filterKeys ?? '').split(' '));
      const visible = [...selected].every((key) => keys.has(key));
      entry.hidden = !visible;
      if (visible) shown++;
    }
    // A month or year with nothing left to show goes too, heading and all.
    for (const section of timeline.querySelectorAll('.month, .year')) {
      section.hidden = !section.querySelector('.entry:not([hidden])');
    }
    for (const button of root.querySelectorAll('button[data-filter-key]')) {
      button.setAttribute('aria-pressed', String(selected.has(button.dataset.filterKey)));
    }
    const url = new URL(location.href);
    if (selected.size > 0) url.searchParams.set('with', [...selected].join(','));
    else url.searchParams.delete('with');
    history.replaceState(null, '', url);
    // The choice follows the reader to the next page of the timeline.
    for (const link of document.querySelectorAll('.pager--pages a')) {
      const target = new URL(link.href);
      if (selected.size > 0) target.searchParams.set('with', [...selected].join(','));
      else target.searchParams.delete('with');
      link.href = target.href;
    }
    if (!status) return;
    if (selected.size === 0) {
      status.textContent = '';
      return;
    }
    const where = timeline.dataset.page ? ' on this page' : '';
    status.replaceChildren(`${shown} of ${entries.length} entries${where} with `);
    [...selected].forEach((key, index) => {
      if (index > 0) status.append(index === selected.size - 1 ? ' and ' : ', ');
      status.append(nameOf(key));
    });
    status.append('. ');
    const missing = [...selected].filter((key) => unknown.has(key));
    if (missing.length > 0) status.append(`This archive has no ${missing.join(' or ')}. `);
    else if (shown === 0) status.append('Follow a name to its own timeline for every event and story with it. ');
    status.append(clear);
  }

  /** A selected entity's name, linked to its own timeline; a name no entry on this page gives is looked up on that page. */
  function nameOf(key) {
    const page = pageOf(key);
    if (!page) unknown.add(key);
    if (!page || unknown.has(key)) return key;
    if (!names.has(key)) {
      names.set(key, key);
      lookUp(key, page);
    }
    const link = document.createElement('a');
    link.href = page;
    link.textContent = names.get(key);
    return link;
  }

  async function lookUp(key, page) {
    try {
      const response = await fetch(page);
      if (response.status === 404) unknown.add(key);
      else if (response.ok) {
        const found = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('h1')?.firstChild?.textContent?.trim();
        if (found) names.set(key, found);
      }
    } catch {
      return; // offline: the key stays as written
    }
    apply();
  }

  apply();
}

/** The names of this page's people, organizations and places that have no chip, written by the build. */
function readNames(status) {
  try {
    return JSON.parse(status?.dataset.names || '{}');
  } catch {
    return {};
  }
}

/** The address of an entity's own timeline, from its key (person:sergey-lavrov); none for a key of no such form. */
function pageOf(key) {
  const match = /^(person|organization|place):([a-z0-9-]+)$/.exec(key);
  const base = document.querySelector('meta[name="chronicle-base"]')?.getAttribute('content') ?? '/';
  return match ? `${base}${FOLDERS[match[1]]}/${match[2]}/` : undefined;
}
