import { formatDay, formatMonth } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';

/** An event on the chart; `date` is written to its precision (2026-02-06, 2026-02 or 2026). */
export interface ChartEvent {
  id: string;
  url: string;
  title: string;
  date: string;
  precision: 'day' | 'month' | 'year';
}

/** One person, organization or place and the events it appears in. */
export interface ChartRow {
  label: string;
  url: string;
  kind: 'person' | 'organization' | 'place';
  eventIds: string[];
}

export interface ChartInput {
  /** Unique prefix for the element ids on the page, e.g. "chart-home". */
  id: string;
  title: string;
  description: string;
  events: ChartEvent[];
  rows: ChartRow[];
}

type RowKind = ChartRow['kind'] | 'all';

/*
 * Geometry, in viewBox units. The SVG scales to its container, so a unit is a CSS pixel only at the
 * full width of 640. Text is 22 units so it is still 11 px when the chart is squeezed into a 360 px
 * phone (328 px after the page margins); chart.css shrinks it again in wide containers, which only
 * frees space, so every position below is computed for the 22-unit size.
 */
const WIDTH = 640;
const FONT = 22;
const LINE = 26;
const PLOT_LEFT = 12;
const PLOT_RIGHT_MIN = 12;
const LANE = 18;
/** Beyond this many stacked marks a row shows "+n" rather than growing without bound. */
const MAX_LANES = 5;
const ROW_GAP = 12;
/**
 * Beyond this many marks in all rows together the chart counts instead of marking: each row becomes
 * bars of events per period (month, quarter, year or more), so its size no longer follows the
 * archive's. Below it every event keeps its own mark and its own line in the text version.
 */
const MARK_LIMIT = 150;
/** The most periods a counted chart divides its axis into. */
const MAX_BINS = 30;
/** Height of the tallest bar of a counted row: enough to compare periods, not so much that rows dominate the page. */
const BAR_TRACK = 48;
/** Short spans get month ticks; longer ones would crowd a phone-width axis with them. */
const MONTH_TICKS_BELOW = 18;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const KIND_NAME: Record<ChartRow['kind'], string> = { person: 'Person', organization: 'Organization', place: 'Place' };
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** An event with its period as whole UTC day numbers, `end` exclusive. */
interface Dated {
  event: ChartEvent;
  order: number;
  start: number;
  end: number;
}

/**
 * A static "events over time, who appears when" chart: a time axis, a row with every event, then a
 * row per person, organization or place with a mark at each of its events. Built entirely at build
 * time as inline SVG with a text alternative (a list with the links) right after it.
 */
export function eventChart(input: ChartInput): SafeHtml {
  if (!ID_PATTERN.test(input.id)) {
    // aria-labelledby is a space-separated list of ids, so a space or odd character would silently break it.
    throw new Error(`eventChart: id "${input.id}" must start with a letter and contain only letters, digits, "-" and "_"`);
  }
  const events = datedEvents(input.events);
  if (events.length === 0) return html``;

  const byId = new Map(events.map((dated) => [dated.event.id, dated]));
  const rows = input.rows.map((row) => ({ row, events: eventsOf(row, byId) }));
  const summary = summarise(events, rows);
  const id = input.id;
  const marks = rows.reduce((sum, { events: rowEvents }) => sum + rowEvents.length, events.length);
  const bins = marks > MARK_LIMIT ? binsFor(axisRange(events)) : undefined;
  // The caller's words say how to read marks; bars are read differently, so they get their own.
  const description = bins
    ? `Too many events to mark one by one: each bar counts the events of one ${bins.unit}, in the first row all of them, in the rows below those each person, organization or place appears in.`
    : input.description;
  const text = (dated: readonly Dated[]) => (bins ? binnedTextRow(dated, bins) : eventList(dated));

  return html`<figure class="event-chart" id="${id}">
<figcaption class="event-chart__caption"><span class="event-chart__title">${input.title}</span>${description ? html` <span class="event-chart__description">${description}</span>` : ''}</figcaption>
${legend(rows.map(({ row }) => row.kind), !bins && events.some((dated) => dated.event.precision !== 'day'))}
${chartSvg(id, { ...input, description }, events, rows, summary, bins)}
<details class="event-chart__text">
<summary>Chart as text</summary>
<p>${summary}</p>
<ul class="event-chart__list">
${textRow(html`All events`, events, text)}
${rows.map(({ row, events: rowEvents }) => textRow(html`<a href="${row.url}">${row.label}</a> <span class="event-chart__kind">(${KIND_NAME[row.kind].toLowerCase()})</span>`, rowEvents, text))}
</ul>
</details>
</figure>`;
}

// ---- dates ----

function datedEvents(events: readonly ChartEvent[]): Dated[] {
  const seen = new Set<string>();
  const dated: Dated[] = [];
  events.forEach((event) => {
    // The first of two events with one id wins, so a duplicated input cannot double-count.
    if (seen.has(event.id)) return;
    seen.add(event.id);
    dated.push({ event, order: dated.length, ...period(event) });
  });
  // Sorted here so the output depends on the events, not on the order the caller listed them in.
  return dated
    .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.event.title, b.event.title) || compareText(a.event.id, b.event.id))
    .map((item, order) => ({ ...item, order }));
}

function period(event: ChartEvent): { start: number; end: number } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(event.date.trim());
  const year = Number(match?.[1]);
  const month = match?.[2] === undefined ? undefined : Number(match[2]);
  const day = match?.[3] === undefined ? undefined : Number(match[3]);
  const invalid = (): Error =>
    new Error(`eventChart: event "${event.id}" has date "${event.date}", which is not a calendar ${event.precision} (write YYYY-MM-DD, YYYY-MM or YYYY)`);
  if (!match) throw invalid();
  if (event.precision === 'year') return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) };
  if (month === undefined || month < 1 || month > 12) throw invalid();
  if (event.precision === 'month') return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
  if (day === undefined || day < 1 || day !== new Date(dayNumber(year, month, day) * DAY_MS).getUTCDate()) throw invalid();
  const start = dayNumber(year, month, day);
  return { start, end: start + 1 };
}

/** Days since 1970-01-01 in UTC; plain arithmetic, so the machine's time zone never shifts a mark. */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function yearMonthOf(dayNo: number): { year: number; month: number } {
  const date = new Date(dayNo * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

function startOfMonth(dayNo: number): number {
  const { year, month } = yearMonthOf(dayNo);
  return dayNumber(year, month, 1);
}

function formatDate(event: ChartEvent): string {
  if (event.precision === 'year') return event.date.slice(0, 4);
  if (event.precision === 'month') return formatMonth(event.date.slice(0, 4), event.date.slice(5, 7));
  return formatDay(event.date.slice(0, 10));
}

function eventsOf(row: ChartRow, byId: ReadonlyMap<string, Dated>): Dated[] {
  // Unknown ids are skipped: the row shows what this chart has, and its count says so.
  const found = new Set<Dated>();
  for (const eventId of row.eventIds) {
    const dated = byId.get(eventId);
    if (dated) found.add(dated);
  }
  return [...found].sort((a, b) => a.order - b.order);
}

// ---- the words: desc, text alternative ----

function summarise(events: readonly Dated[], rows: ReadonlyArray<{ row: ChartRow; events: Dated[] }>): string {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  const sameDate = events.every((dated) => dated.event.date === first.event.date && dated.event.precision === first.event.precision);
  const on = first.event.precision === 'day' ? 'on' : 'in';
  const when = sameDate
    ? `${count}, ${events.length === 1 ? '' : 'all '}${on} ${formatDate(first.event)}.`
    : `${count} from ${formatDate(first.event)} to ${formatDate(last.event)}.`;
  // Stable sort keeps the caller's order among equals, so ties read in the order the rows are drawn.
  const most = rows
    .filter((entry) => entry.events.length > 0)
    .sort((a, b) => b.events.length - a.events.length)
    .slice(0, 3)
    .map((entry) => `${entry.row.label} (${entry.events.length === 1 ? '1 event' : `${entry.events.length} events`})`);
  return most.length === 0 ? when : `${when} Appearing most: ${joinWords(most)}.`;
}

function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function textRow(label: SafeHtml, events: readonly Dated[], list: (events: readonly Dated[]) => SafeHtml): SafeHtml {
  const count = events.length === 1 ? '1 event' : `${events.length} events`;
  return html`<li><span class="event-chart__row-name">${label}</span> <span class="event-chart__row-count">${count}</span>
${events.length === 0 ? '' : list(events)}
</li>`;
}

/** Every event of a row, dated and linked: what a chart of separate marks shows. */
function eventList(events: readonly Dated[]): SafeHtml {
  return html`<ol>${events.map(({ event }) => html`<li><time datetime="${event.date}">${formatDate(event)}</time>: <a href="${event.url}">${event.title}</a></li>`)}</ol>`;
}

/** The counts a chart of bars shows: events per period, the periods with none left out. */
function binnedTextRow(events: readonly Dated[], bins: Bins): SafeHtml {
  const counts = countPerBin(events, bins);
  return html`<ol>${bins.periods.flatMap((period, index) => (counts[index] ? [html`<li>${period.label}: ${plainCount(counts[index])}</li>`] : []))}</ol>`;
}

// ---- the picture ----

/**
 * The key to shapes and bars, in HTML rather than in the drawing so it wraps and sizes like the text
 * around it. Hidden from screen readers, who get the same facts in words from the text version.
 */
function legend(kinds: ReadonlyArray<ChartRow['kind']>, hasSpans: boolean): SafeHtml {
  const shown = (['person', 'organization', 'place'] as const).filter((kind) => kinds.includes(kind));
  if (shown.length === 0 && !hasSpans) return html``;
  const key = (kind: RowKind | 'key', shape: SafeHtml, text: string): SafeHtml =>
    html`<li><svg class="event-chart__key event-chart--${kind}" viewBox="-9 -9 18 18" width="14" height="14" fill="currentColor" focusable="false">${shape}</svg>${text}</li>`;
  return html`<ul class="event-chart__legend" aria-hidden="true">${shown.map((kind) => key(kind, glyph(kind, 0, 0), KIND_NAME[kind]))}${hasSpans ? key('key', spanShape(-9, 9, 0, 'all'), 'Month or year, no exact day') : ''}</ul>`;
}

interface Scale {
  d0: number;
  d1: number;
  plotWidth: number;
  x(dayNo: number): number;
}

interface AxisLabel {
  x: number;
  width: number;
  text: string;
  line: 0 | 1;
  major: boolean;
  /** Where on the axis the label's tick is (0–1), to make room for it at the right edge. */
  fraction: number;
}

interface Axis {
  labels: AxisLabel[];
  grid: Array<{ x: number; major: boolean }>;
  lines: number;
}

function chartSvg(
  id: string,
  input: ChartInput,
  events: readonly Dated[],
  rows: ReadonlyArray<{ row: ChartRow; events: Dated[] }>,
  summary: string,
  bins: Bins | undefined,
): SafeHtml {
  const { d0, d1 } = bins ? { d0: bins.periods[0]!.start, d1: bins.periods.at(-1)!.end } : axisRange(events);
  const { scale, axis } = fitAxis(d0, d1);

  // The axis sits on top, so the reader knows the time scale before reading the first row.
  const axisLineY = axis.lines * 24 + 6;
  let y = axisLineY + 10;
  const heads = [
    { label: 'All events', kind: 'all' as const, title: `All events: ${plainCount(events.length)}`, events },
    ...rows.map(({ row, events: rowEvents }) => ({
      label: row.label,
      kind: row.kind,
      title: `${row.label} (${KIND_NAME[row.kind].toLowerCase()}): ${plainCount(rowEvents.length)}`,
      events: rowEvents,
    })),
  ];
  const rowMarkup = heads.map((head) => {
    const drawn = bins ? renderBinnedRow(head, scale, y, bins) : renderRow(head, scale, y);
    y += drawn.height;
    return drawn.markup;
  });
  const bottom = y - ROW_GAP + 4;

  const axisMarkup = html`<g class="event-chart__axis">
${axis.grid.map((line) => html`<line class="event-chart__grid${line.major ? ' event-chart__grid--major' : ''}" x1="${num(line.x)}" x2="${num(line.x)}" y1="${num(line.major ? 0 : axisLineY - 6)}" y2="${num(bottom)}" stroke="currentColor" stroke-opacity="${line.major ? '0.35' : '0.18'}"/>`)}
<line class="event-chart__axis-line" x1="${num(PLOT_LEFT)}" x2="${num(PLOT_LEFT + scale.plotWidth)}" y1="${num(axisLineY)}" y2="${num(axisLineY)}" stroke="currentColor" stroke-opacity="0.5"/>
${axis.labels.map((label) => html`<text class="event-chart__tick${label.major ? ' event-chart__tick--major' : ''}" x="${num(label.x)}" y="${num(20 + label.line * 24)}">${label.text}</text>`)}
</g>`;

  return html`<svg class="event-chart__svg" viewBox="0 0 ${WIDTH} ${num(bottom)}" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" fill="currentColor" font-size="${FONT}" font-family="system-ui, sans-serif">
<title id="${id}-title">${input.title}</title>
<desc id="${id}-desc">${input.description ? `${input.description} ` : ''}${summary}</desc>
${axisMarkup}
${rowMarkup}
</svg>`;
}

/**
 * Lays out the axis, narrowing the plot until the last tick label fits inside the viewBox: a label
 * reads to the right of its tick, so a year that starts near the right edge needs room after it.
 */
function fitAxis(d0: number, d1: number): { scale: Scale; axis: Axis } {
  let plotWidth = WIDTH - PLOT_LEFT - PLOT_RIGHT_MIN;
  for (let attempt = 0; ; attempt += 1) {
    const scale = makeScale(d0, d1, plotWidth);
    const axis = buildAxis(scale);
    const overflowing = axis.labels.filter((label) => label.x + label.width > WIDTH);
    if (overflowing.length === 0) return { scale, axis };
    if (attempt === 3) return { scale, axis: { ...axis, labels: axis.labels.filter((label) => !overflowing.includes(label)) } };
    const worst = overflowing.reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a));
    const offset = worst.x - (PLOT_LEFT + worst.fraction * plotWidth);
    plotWidth = worst.fraction > 0 ? (WIDTH - PLOT_LEFT - offset - worst.width) / worst.fraction : plotWidth;
    plotWidth = Math.max(plotWidth, WIDTH / 2);
  }
}

/** The axis runs over whole months, which also pads a chart whose events all fall on one day. */
function axisRange(events: readonly Dated[]): { d0: number; d1: number } {
  const d0 = startOfMonth(events[0]!.start);
  const lastDay = events.reduce((latest, dated) => Math.max(latest, dated.end), -Infinity) - 1;
  const { year: endYear, month: endMonth } = yearMonthOf(lastDay);
  return { d0, d1: dayNumber(endYear, endMonth + 1, 1) };
}

// ---- counting, for charts with too many events to mark one by one ----

interface Period {
  start: number;
  end: number;
  label: SafeHtml;
}

interface Bins {
  /** "month", "quarter", "year", "5 years", … as the caption names it. */
  unit: string;
  periods: Period[];
}

/**
 * Calendar periods covering the axis: the shortest of months, quarters, years or runs of years that
 * needs no more than MAX_BINS of them, each starting on a round date so it reads as a label.
 */
function binsFor({ d0, d1 }: { d0: number; d1: number }): Bins {
  const start = yearMonthOf(d0);
  const end = yearMonthOf(d1 - 1);
  const monthSpan = (end.year - start.year) * 12 + end.month - start.month + 1;
  if (monthSpan <= MAX_BINS) return { unit: 'month', periods: monthPeriods(start, monthSpan, 1) };
  const firstQuarter = { year: start.year, month: start.month - ((start.month - 1) % 3) };
  if (Math.ceil((monthSpan + start.month - firstQuarter.month) / 3) <= MAX_BINS) {
    return { unit: 'quarter', periods: monthPeriods(firstQuarter, Math.ceil((monthSpan + start.month - firstQuarter.month) / 3), 3) };
  }
  const years = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((step) => Math.floor(end.year / step) - Math.floor(start.year / step) + 1 <= MAX_BINS) ?? 1000;
  const periods: Period[] = [];
  for (let year = Math.floor(start.year / years) * years; year <= end.year; year += years) {
    const last = year + years - 1;
    periods.push({
      start: dayNumber(year, 1, 1),
      end: dayNumber(year + years, 1, 1),
      label: years === 1 ? html`<time datetime="${String(year)}">${String(year)}</time>` : html`<time datetime="${String(year)}">${String(year)}</time>–<time datetime="${String(last)}">${String(last)}</time>`,
    });
  }
  return { unit: years === 1 ? 'year' : `${years} years`, periods };
}

function monthPeriods(from: { year: number; month: number }, count: number, months: 1 | 3): Period[] {
  return Array.from({ length: count }, (_, index) => {
    const month = from.month + index * months;
    const start = dayNumber(from.year, month, 1);
    const { year, month: calendarMonth } = yearMonthOf(start);
    const iso = `${year}-${String(calendarMonth).padStart(2, '0')}`;
    const label = months === 1
      ? html`<time datetime="${iso}">${formatMonth(String(year), iso.slice(5))}</time>`
      : html`<time datetime="${iso}">${MONTHS[calendarMonth - 1]!}</time>–${MONTHS[calendarMonth + 1]!} ${String(year)}`;
    return { start, end: dayNumber(from.year, month + months, 1), label };
  });
}

/** How many events start in each period. */
function countPerBin(events: readonly Dated[], bins: Bins): number[] {
  const counts = bins.periods.map(() => 0);
  let index = 0;
  // Events come in date order, so one pass moves through the periods once.
  for (const dated of [...events].sort((a, b) => a.start - b.start)) {
    while (index < bins.periods.length - 1 && dated.start >= bins.periods[index]!.end) index += 1;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** One counted row: its label line, then a bar per period whose height is its share of the row's busiest period. */
function renderBinnedRow(head: { label: string; kind: RowKind; title: string; events: readonly Dated[] }, scale: Scale, top: number, bins: Bins): { markup: SafeHtml; height: number } {
  const counts = countPerBin(head.events, bins);
  const most = Math.max(1, ...counts);
  const tallest = BAR_TRACK;
  const baseline = top + 30 + tallest;
  const name = fitLabel(head.label, WIDTH - PLOT_LEFT - 20 - textWidth(` · ${plainCount(head.events.length)}`, FONT));
  const bars = bins.periods.flatMap((period, index) => {
    const count = counts[index] ?? 0;
    if (count === 0) return [];
    const x0 = scale.x(period.start) + 1;
    const width = Math.max(2, scale.x(period.end) - 1 - x0);
    const height = Math.max(3, (count / most) * tallest);
    return [html`<rect class="event-chart__mark event-chart__bar event-chart__mark--${head.kind}" x="${num(x0)}" y="${num(baseline - height)}" width="${num(width)}" height="${num(height)}"><title>${plainText(period.label)}: ${plainCount(count)}</title></rect>`];
  });
  const markup = html`<g class="event-chart__row event-chart--${head.kind}">
<title>${head.title}</title>
${glyph(head.kind, PLOT_LEFT + 7, top + 13)}<text class="event-chart__label" x="${num(PLOT_LEFT + 20)}" y="${num(top + 20)}"><tspan class="event-chart__name" font-weight="600">${name}</tspan><tspan class="event-chart__count"> · ${plainCount(head.events.length)}</tspan></text>
<line class="event-chart__baseline" x1="${num(PLOT_LEFT)}" x2="${num(PLOT_LEFT + scale.plotWidth)}" y1="${num(baseline)}" y2="${num(baseline)}" stroke="currentColor" stroke-opacity="0.3"/>
${bars}
</g>`;
  return { markup, height: baseline - top + ROW_GAP };
}

/** A period's label without its markup, for a tooltip. */
function plainText(label: SafeHtml): string {
  return String(label).replace(/<[^>]*>/g, '');
}

function makeScale(d0: number, d1: number, plotWidth: number): Scale {
  return { d0, d1, plotWidth, x: (dayNo) => PLOT_LEFT + ((dayNo - d0) / (d1 - d0)) * plotWidth };
}

function buildAxis(scale: Scale): Axis {
  const { d0, d1 } = scale;
  const dayWidth = scale.plotWidth / (d1 - d0);
  const start = yearMonthOf(d0);
  const end = yearMonthOf(d1);
  const monthCount = (end.year - start.year) * 12 + (end.month - start.month);
  const grid: Axis['grid'] = [];
  const tick = (dayNo: number, text: string, line: 0 | 1, major: boolean): AxisLabel => {
    const width = textWidth(text, FONT, major);
    return { x: scale.x(dayNo) + 4, width, text, line, major, fraction: (dayNo - d0) / (d1 - d0) };
  };

  if (monthCount < MONTH_TICKS_BELOW) {
    const step = [1, 2, 3, 6, 12].find((k) => k * 28 * dayWidth >= textWidth('May', FONT) + 12) ?? 12;
    const months: AxisLabel[] = [];
    const years: AxisLabel[] = [];
    for (let index = 0; index <= monthCount; index += 1) {
      const month = ((start.month - 1 + index) % 12) + 1;
      const year = start.year + Math.floor((start.month - 1 + index) / 12);
      const dayNo = dayNumber(year, month, 1);
      grid.push({ x: scale.x(dayNo), major: month === 1 });
      if (index === monthCount) continue;
      if ((month - 1) % step === 0) months.push(tick(dayNo, MONTHS[month - 1]!, 0, false));
      if (month === 1) years.push(tick(dayNo, String(year), 1, true));
    }
    // The first month and year are named even off the step, unless that would crowd the next label.
    const edgeMonth = tick(d0, MONTHS[start.month - 1]!, 0, false);
    const edgeYear = tick(d0, String(start.year), 1, true);
    return { labels: [...placeLabels(months, edgeMonth), ...placeLabels(years, edgeYear)], grid, lines: 2 };
  }

  const step = [1, 2, 5, 10, 20, 50, 100].find((k) => k * 365 * dayWidth >= textWidth('2000', FONT, true) + 12) ?? 100;
  const years: AxisLabel[] = [];
  for (let year = start.month === 1 ? start.year : start.year + 1; dayNumber(year, 1, 1) <= d1; year += 1) {
    const dayNo = dayNumber(year, 1, 1);
    // A gridline per year, unless years are so narrow that the lines would merge into a grey wash.
    if (365 * dayWidth >= 6 || year % step === 0) grid.push({ x: scale.x(dayNo), major: true });
    if (dayNo < d1 && year % step === 0) years.push(tick(dayNo, String(year), 0, true));
  }
  const edge = start.month === 1 ? undefined : tick(d0, String(start.year), 0, true);
  return { labels: placeLabels(years, edge), grid, lines: 1 };
}

/** Keeps tick labels that do not collide, tick labels first, then the label at the left edge. */
function placeLabels(labels: readonly AxisLabel[], edge: AxisLabel | undefined): AxisLabel[] {
  const placed: AxisLabel[] = [];
  const candidates = edge && !labels.some((label) => label.x === edge.x) ? [...labels, edge] : labels;
  for (const label of candidates) {
    if (placed.every((other) => label.x + label.width + 8 <= other.x || other.x + other.width + 8 <= label.x)) placed.push(label);
  }
  return placed.sort((a, b) => a.x - b.x);
}

interface Mark {
  dated: Dated;
  span: boolean;
  /** Drawn position: the centre of a day mark, or both ends of a month or year bar. */
  x: number;
  x0: number;
  x1: number;
  lane: number;
}

/** Half the width of each day-mark shape, so stacking knows when two marks would touch. */
const HALF_WIDTH: Record<RowKind, number> = { all: 3, person: 7, organization: 6, place: 8 };

/** One row: its label line, then its track, which grows upward by a lane per stacked mark. */
function renderRow(head: { label: string; kind: RowKind; title: string; events: readonly Dated[] }, scale: Scale, top: number): { markup: SafeHtml; height: number } {
  const events = head.events;
  const { marks, overflow, lanes } = stack(events, scale, head.kind);
  const overflowLine = overflow.length > 0 ? LINE : 0;
  const tracksTop = top + 30 + overflowLine;
  const laneY = (lane: number): number => tracksTop + (lanes - 1 - lane) * LANE + LANE / 2;
  const baseline = laneY(0);

  const name = fitLabel(head.label, WIDTH - PLOT_LEFT - 20 - textWidth(` · ${plainCount(events.length)}`, FONT));
  const markup = html`<g class="event-chart__row event-chart--${head.kind}">
<title>${head.title}</title>
${glyph(head.kind, PLOT_LEFT + 7, top + 13)}<text class="event-chart__label" x="${num(PLOT_LEFT + 20)}" y="${num(top + 20)}"><tspan class="event-chart__name" font-weight="600">${name}</tspan><tspan class="event-chart__count"> · ${plainCount(events.length)}</tspan></text>
<line class="event-chart__baseline" x1="${num(PLOT_LEFT)}" x2="${num(PLOT_LEFT + scale.plotWidth)}" y1="${num(baseline)}" y2="${num(baseline)}" stroke="currentColor" stroke-opacity="0.3"/>
${marks.map((mark) => markShape(mark, head.kind, laneY(mark.lane)))}
${overflowGroups(overflow).map((group) => html`<text class="event-chart__more" x="${num(group.x)}" y="${num(top + 30 + 20)}" text-anchor="middle">+${group.marks.length}<title>${group.marks.length} more: ${group.marks.map((mark) => `${formatDate(mark.dated.event)}, ${mark.dated.event.title}`).join('; ')}</title></text>`)}
</g>`;
  return { markup, height: tracksTop - top + lanes * LANE + ROW_GAP };
}

/**
 * Stacks marks that would overlap (the same day, or days too close to tell apart at this scale) into
 * lanes above the baseline, lowest free lane first, so a busy week reads as a taller column.
 */
function stack(events: readonly Dated[], scale: Scale, kind: RowKind): { marks: Mark[]; overflow: Mark[]; lanes: number } {
  const half = HALF_WIDTH[kind];
  const candidates: Mark[] = events.map((dated) => {
    if (dated.event.precision === 'day') {
      const x = scale.x(dated.start + 0.5);
      return { dated, span: false, x, x0: x - half, x1: x + half, lane: 0 };
    }
    // A bar covers its whole month or year; a minimum width keeps a month visible on a decade axis.
    let x0 = scale.x(dated.start) + 1;
    let x1 = scale.x(dated.end) - 1;
    if (x1 - x0 < 10) {
      const middle = (x0 + x1) / 2;
      x0 = middle - 5;
      x1 = middle + 5;
    }
    return { dated, span: true, x: (x0 + x1) / 2, x0, x1, lane: 0 };
  });
  candidates.sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1 || a.dated.order - b.dated.order);
  const laneEnds: number[] = [];
  const marks: Mark[] = [];
  const overflow: Mark[] = [];
  for (const mark of candidates) {
    let lane = laneEnds.findIndex((end) => end + 2 <= mark.x0);
    if (lane === -1 && laneEnds.length < MAX_LANES) lane = laneEnds.length;
    if (lane === -1) {
      overflow.push(mark);
      continue;
    }
    laneEnds[lane] = mark.x1;
    marks.push({ ...mark, lane });
  }
  return { marks, overflow, lanes: Math.max(1, laneEnds.length) };
}

/** Marks that did not fit the lanes, gathered into "+n" labels far enough apart to read. */
function overflowGroups(overflow: readonly Mark[]): Array<{ x: number; marks: Mark[] }> {
  const groups: Array<{ x: number; marks: Mark[] }> = [];
  for (const mark of [...overflow].sort((a, b) => a.x - b.x || a.dated.order - b.dated.order)) {
    const current = groups[groups.length - 1];
    if (current && mark.x - current.marks[0]!.x < 48) current.marks.push(mark);
    else groups.push({ x: mark.x, marks: [mark] });
  }
  return groups.map((group) => ({
    marks: group.marks,
    x: clamp((group.marks[0]!.x + group.marks[group.marks.length - 1]!.x) / 2, PLOT_LEFT + 20, WIDTH - 20),
  }));
}

function markShape(mark: Mark, kind: RowKind, y: number): SafeHtml {
  const tooltip = html`<title>${formatDate(mark.dated.event)}: ${mark.dated.event.title}</title>`;
  if (mark.span) return spanShape(mark.x0, mark.x1, y, kind, tooltip);
  return glyph(kind, mark.x, y, tooltip);
}

/** A month or year as a translucent bar, so it never reads as a single day. */
function spanShape(x0: number, x1: number, y: number, kind: RowKind, tooltip: SafeHtml = html``): SafeHtml {
  return html`<rect class="event-chart__span event-chart__mark--${kind}" x="${num(x0)}" y="${num(y - 5)}" width="${num(x1 - x0)}" height="10" rx="3" fill-opacity="0.35" stroke="currentColor" stroke-width="1.5">${tooltip}</rect>`;
}

/** One shape per kind, so the rows are told apart without relying on colour. */
function glyph(kind: RowKind, x: number, y: number, tooltip: SafeHtml = html``): SafeHtml {
  const cls = `event-chart__mark event-chart__mark--${kind}`;
  if (kind === 'person') return html`<circle class="${cls}" cx="${num(x)}" cy="${num(y)}" r="7">${tooltip}</circle>`;
  if (kind === 'organization') return html`<rect class="${cls}" x="${num(x - 6)}" y="${num(y - 6)}" width="12" height="12">${tooltip}</rect>`;
  if (kind === 'place') {
    return html`<path class="${cls}" d="M${num(x)} ${num(y - 8)}L${num(x + 8)} ${num(y)}L${num(x)} ${num(y + 8)}L${num(x - 8)} ${num(y)}Z">${tooltip}</path>`;
  }
  return html`<rect class="${cls}" x="${num(x - 3)}" y="${num(y - 8)}" width="6" height="16" rx="2">${tooltip}</rect>`;
}

// ---- small helpers ----

function plainCount(count: number): string {
  return count === 1 ? '1 event' : `${count} events`;
}

/** Shortens a label to the width available, with an ellipsis; the full text is in the row's tooltip and the text version. */
function fitLabel(label: string, available: number): string {
  if (textWidth(label, FONT, true) <= available) return label;
  const chars = [...label];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, FONT, true) > available) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * A rough, deliberately generous width of text in the UI font, measured against DejaVu Sans (a wide
 * system-ui). The build has no font metrics, and an estimate that errs wide only costs a little space,
 * where one that errs narrow makes labels collide or run off the edge.
 */
function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === ' ') em += 0.32;
    else if ("iIjlft.,;:!|'()[]".includes(char)) em += 0.32;
    else if ('mwMW@'.includes(char)) em += 1;
    else if (code >= 0x2e80) em += 1.05;
    else if (/[0-9]/.test(char)) em += 0.64;
    else if (char !== char.toLowerCase()) em += 0.74;
    else em += 0.6;
  }
  return em * fontSize * (bold ? 1.13 : 1);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Coordinates to one decimal, written the same way on every machine. */
function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function compareText(a: string, b: string): number {
  // Code-unit order rather than localeCompare, whose result can differ between ICU versions.
  return a < b ? -1 : a > b ? 1 : 0;
}
