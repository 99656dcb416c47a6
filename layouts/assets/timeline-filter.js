// Filter chips for the home page's timeline. Without JavaScript each chip is a link to that
// person's, organization's or place's own timeline page; with it, chips narrow this timeline in
// place, and the choice is kept in the address (?with=person:x,place:y) so it can be shared.
// The timeline comes a page at a time; chips narrow the page being read.

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
  const names = new Map();

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
    const who = [...selected].map((key) => names.get(key) ?? key).join(' and ');
    const where = timeline.dataset.page ? ' on this page' : '';
    status.textContent = `${shown} of ${entries.length} entries${where} with ${who}. `;
    status.append(clear);
  }

  apply();
}
