// Points the reader to today's date on the "On this day" pages; the pages themselves are the same
// every day. Today may be on another page than this one: the note names which, and a reader who
// came for today (the address ends in today's #d-MM-DD) is taken there.
const note = document.querySelector('.today-note');
const today = new Date();
const key = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
const label = today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
const section = document.getElementById(`d-${key}`);

/** The page today's date is on, from the list of days the page carries ("02-06:3 …"); none when it has nothing. */
function pageOfToday() {
  const pages = new Map(
    (note?.dataset.dayPages ?? '')
      .split(' ')
      .filter(Boolean)
      .map((entry) => entry.split(':')),
  );
  return pages.has(key) ? Number(pages.get(key)) : undefined;
}

/** The address of a page of "On this day", under the site's path prefix. */
function pageAddress(number) {
  const base = document.querySelector('meta[name="chronicle-base"]')?.content ?? '/';
  return `${base}on-this-day/${number > 1 ? `page/${number}/` : ''}#d-${key}`;
}

if (note) {
  const current = Number(note.dataset.page ?? 1);
  const todayPage = pageOfToday();
  if (section) {
    section.classList.add('is-today');
    note.innerHTML = '';
    const link = document.createElement('a');
    link.href = `#d-${key}`;
    link.textContent = `Today, ${label}`;
    note.append(link, ' has entries in the archive.');
    if (!location.hash) section.scrollIntoView();
  } else if (todayPage !== undefined && todayPage !== current) {
    if (location.hash === `#d-${key}`) location.replace(pageAddress(todayPage));
    note.innerHTML = '';
    const link = document.createElement('a');
    link.href = pageAddress(todayPage);
    link.textContent = `Today, ${label}`;
    note.append(link, ` has entries in the archive, on page ${todayPage}.`);
  } else {
    note.textContent = `Today, ${label}, has nothing in the archive yet.`;
  }
}
