// Points the reader to today's date on the "On this day" page; the page itself is the same every day.
const note = document.querySelector('.today-note');
const today = new Date();
const key = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
const label = today.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
const section = document.getElementById(`d-${key}`);
if (note) {
  if (section) {
    section.classList.add('is-today');
    note.innerHTML = '';
    const link = document.createElement('a');
    link.href = `#d-${key}`;
    link.textContent = `Today, ${label}`;
    note.append(link, ' has entries in the archive.');
    if (!location.hash) section.scrollIntoView();
  } else {
    note.textContent = `Today, ${label}, has nothing in the archive yet.`;
  }
}
