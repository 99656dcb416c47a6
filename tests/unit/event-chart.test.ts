import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventChart, type ChartEvent, type ChartInput, type ChartRow } from '../../layouts/_components/event-chart.ts';
import { SafeHtml } from '../../src/render/html.ts';

function event(id: string, date: string, fields: Partial<ChartEvent> = {}): ChartEvent {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  return { id, url: `/events/${id}/`, title: `Title of ${id}`, date, precision, ...fields };
}

function row(label: string, kind: ChartRow['kind'], eventIds: string[], url = `/x/${label.toLowerCase().replace(/\W+/g, '-')}/`): ChartRow {
  return { label, url, kind, eventIds };
}

const EVENTS = [
  event('moscow-visit-2026', '2026-02-06', { title: 'Cassis and Sinirlioğlu meet Lavrov in Moscow' }),
  event('new-york-meeting-2022', '2022-09-21', { title: 'Cassis meets Lavrov in New York' }),
  event('davos-2026', '2026-01', { title: 'Mediation plans at the WEF in Davos' }),
  event('kyiv-visit-2026', '2026-02-02', { title: 'Talks with Sybiha in Kyiv' }),
];

const ROWS = [
  row('Ignazio Cassis', 'person', ['new-york-meeting-2022', 'davos-2026', 'kyiv-visit-2026', 'moscow-visit-2026']),
  row('OSCE', 'organization', ['davos-2026', 'kyiv-visit-2026', 'moscow-visit-2026']),
  row('Moscow', 'place', ['moscow-visit-2026']),
];

function chart(fields: Partial<ChartInput> = {}): string {
  return String(eventChart({ id: 'chart-test', title: 'Events over time', description: 'Who appears when.', events: EVENTS, rows: ROWS, ...fields }));
}

function svgOf(markup: string): string {
  const match = /<svg class="event-chart__svg"[\s\S]*?<\/svg>/.exec(markup);
  assert.ok(match, 'the chart has an SVG');
  return match[0];
}

function textAlternativeOf(markup: string): string {
  const match = /<details class="event-chart__text">[\s\S]*?<\/details>/.exec(markup);
  assert.ok(match, 'the chart has a text alternative');
  return match[0];
}

/** The drawing of each row, in order: "All events" first. */
function rowsOf(markup: string): string[] {
  return svgOf(markup).split('<g class="event-chart__row').slice(1);
}

interface DrawnMark {
  tooltip: string;
  centre: number;
  y: number;
  width: number;
  span: boolean;
}

/** Every mark in a piece of SVG with its horizontal centre, read from the shape's own geometry. */
function marksIn(svg: string): DrawnMark[] {
  const marks: DrawnMark[] = [];
  const pattern = /<(rect|circle|path) class="event-chart__(mark|span)[^"]*"([^>]*)><title>([^<]*)<\/title>/g;
  for (const [, tag, type, attributes, tooltip] of svg.matchAll(pattern)) {
    const attr = (name: string): number => Number(new RegExp(` ${name}="([^"]+)"`).exec(attributes!)?.[1]);
    if (tag === 'circle') marks.push({ tooltip: tooltip!, centre: attr('cx'), y: attr('cy'), width: 2 * attr('r'), span: false });
    else if (tag === 'rect') marks.push({ tooltip: tooltip!, centre: attr('x') + attr('width') / 2, y: attr('y'), width: attr('width'), span: type === 'span' });
    else {
      const [, x, y] = /d="M([\d.]+) ([\d.]+)/.exec(attributes!) ?? [];
      marks.push({ tooltip: tooltip!, centre: Number(x), y: Number(y), width: 16, span: false });
    }
  }
  return marks;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('eventChart', () => {
  it('should wire aria-labelledby to the ids of its <title> and <desc>', () => {
    const svg = svgOf(chart({ id: 'chart-home' }));
    const labelledBy = /<svg[^>]* role="img"[^>]* aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    assert.equal(labelledBy, 'chart-home-title chart-home-desc');
    const [titleId, descId] = labelledBy.split(' ');
    assert.match(svg, new RegExp(`<title id="${titleId}">Events over time</title>`));
    assert.match(svg, new RegExp(`<desc id="${descId}">[^<]+</desc>`));
  });

  it('should wrap the chart in a figure with the title in its figcaption', () => {
    const markup = chart();
    assert.match(markup, /^<figure class="event-chart" id="chart-test">/);
    assert.match(markup, /<figcaption[^>]*>[\s\S]*Events over time[\s\S]*<\/figcaption>/);
    assert.ok(markup.trimEnd().endsWith('</figure>'));
  });

  it('should put a text alternative right after the SVG listing every row and every event, linked', () => {
    const markup = chart();
    assert.match(markup, /<\/svg>\s*<details class="event-chart__text">\s*<summary>Chart as text<\/summary>/);
    const text = textAlternativeOf(markup);
    assert.match(text, /All events/);
    for (const entry of ROWS) assert.ok(text.includes(`<a href="${entry.url}">${entry.label}</a>`), `row ${entry.label} is listed with its link`);
    for (const item of EVENTS) {
      const appearances = 1 + ROWS.filter((entry) => entry.eventIds.includes(item.id)).length;
      assert.equal(count(text, `<a href="${item.url}">${item.title}</a>`), appearances, `${item.id} is listed under "All events" and each of its rows`);
    }
    assert.ok(text.includes('<time datetime="2022-09-21">21 September 2022</time>'));
    assert.ok(text.includes('<time datetime="2026-01">January 2026</time>'));
  });

  it('should keep links out of the SVG, where they would be unreachable inside role="img"', () => {
    const svg = svgOf(chart());
    assert.doesNotMatch(svg, /<a[\s>]/);
    assert.doesNotMatch(svg, /href=/);
    assert.doesNotMatch(svg, /tabindex/);
  });

  it('should escape a <script> in a label, a title and the caption', () => {
    const markup = chart({
      title: 'Chart <script>alert(1)</script>',
      events: [event('x', '2026-02-06', { title: '<script>alert(2)</script>', url: '/e/"onmouseover="alert(3)' })],
      rows: [row('<script>alert(4)</script>', 'person', ['x'], '/p/x/')],
    });
    assert.doesNotMatch(markup, /<script/i);
    assert.doesNotMatch(markup, /"onmouseover=/);
    assert.ok(markup.includes('&lt;script&gt;alert(4)&lt;/script&gt;'), 'the label shows as text in the chart');
    assert.ok(markup.includes('&lt;script&gt;alert(2)&lt;/script&gt;'), 'the event title shows as text');
    assert.ok(markup.includes('Chart &lt;script&gt;alert(1)&lt;/script&gt;'), 'the chart title shows as text');
  });

  it('should render nothing when there are no events', () => {
    const result = eventChart({ id: 'chart-empty', title: 'Nothing', description: '', events: [], rows: [row('Someone', 'person', ['missing'])] });
    assert.ok(result instanceof SafeHtml);
    assert.equal(String(result), '');
  });

  it('should give the same bytes for the same input, whatever order the events come in', () => {
    assert.equal(chart(), chart());
    assert.equal(chart({ events: [...EVENTS].reverse() }), chart());
  });

  it('should draw a month-precision event as a bar across its month', () => {
    const markup = chart({
      events: [event('first', '2026-02-01'), event('month', '2026-02'), event('last', '2026-02-28'), event('later', '2026-04-15')],
      rows: [],
    });
    const marks = marksIn(rowsOf(markup)[0]!);
    const find = (id: string): DrawnMark => {
      const mark = marks.find((candidate) => candidate.tooltip.endsWith(`Title of ${id}`));
      assert.ok(mark, `${id} is drawn`);
      return mark;
    };
    const month = find('month');
    assert.equal(month.span, true);
    assert.equal(find('first').span, false);
    const left = month.centre - month.width / 2;
    const right = month.centre + month.width / 2;
    assert.ok(left <= find('first').centre && right >= find('last').centre, `the bar ${left}–${right} covers 1 to 28 February`);
    assert.ok(right < find('later').centre, 'the bar ends with February');
    assert.ok(month.width > 100, `a month is wide on a three-month axis (${month.width})`);
  });

  it('should place marks left to right in date order', () => {
    const dates = ['2024-07-04', '2022-01-15', '2025-12-31', '2023-03-01', '2022-01-16', '2024-02-29'];
    const markup = chart({ events: dates.map((date, index) => event(`e${index}`, date, { title: date })), rows: [] });
    const marks = marksIn(rowsOf(markup)[0]!);
    assert.equal(marks.length, dates.length);
    // Each event's title is its ISO date, the end of the tooltip, so it sorts by date.
    const isoOf = (mark: DrawnMark): string => mark.tooltip.slice(-10);
    const byDate = [...marks].sort((a, b) => (isoOf(a) < isoOf(b) ? -1 : 1));
    const centres = byDate.map((mark) => mark.centre);
    for (let index = 1; index < centres.length; index += 1) {
      assert.ok(centres[index]! >= centres[index - 1]!, `${byDate[index]!.tooltip} is not left of ${byDate[index - 1]!.tooltip}: ${centres.join(', ')}`);
    }
    assert.ok(centres[centres.length - 1]! - centres[0]! > 400, 'the marks spread over the width');
  });

  it('should have a viewBox and take its width from CSS, not a fixed size', () => {
    const svg = svgOf(chart());
    const viewBox = /<svg[^>]* viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(svg);
    assert.ok(viewBox, 'the SVG has a viewBox');
    assert.ok(Number(viewBox[1]) > 0 && Number(viewBox[2]) > 0);
    assert.doesNotMatch(/<svg[^>]*>/.exec(svg)![0], / width="/);
  });

  it('should size its text so it is at least 11 CSS px when the chart is 328 px wide (a 360 px phone)', () => {
    const svg = svgOf(chart());
    const viewBoxWidth = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
    const fontSize = Number(/<svg[^>]* font-size="([\d.]+)"/.exec(svg)![1]);
    assert.ok((fontSize * 328) / viewBoxWidth >= 11, `${fontSize} units in ${viewBoxWidth} is ${(fontSize * 328) / viewBoxWidth} px`);
    assert.doesNotMatch(svg, / font-size="(?:[0-9]|1[0-9]|2[01])"/, 'no element sets a smaller size');
  });

  it('should put every label above its track, one row per entry after "All events"', () => {
    const rows = rowsOf(chart());
    assert.equal(rows.length, 1 + ROWS.length);
    assert.match(rows[0]!, />All events</);
    rows.forEach((drawn, index) => {
      const labelY = Number(/<text class="event-chart__label" x="[\d.]+" y="([\d.]+)"/.exec(drawn)![1]);
      for (const mark of marksIn(drawn)) assert.ok(mark.y > labelY, `row ${index}: mark at ${mark.y} is below its label at ${labelY}`);
    });
  });

  it('should tell kinds apart by shape as well as colour', () => {
    const rows = rowsOf(chart());
    assert.match(rows[1]!, /^ event-chart--person"[\s\S]*<circle class="event-chart__mark/);
    assert.match(rows[2]!, /^ event-chart--organization"[\s\S]*<rect class="event-chart__mark[^"]*" x="[\d.]+" y="[\d.]+" width="12"/);
    assert.match(rows[3]!, /^ event-chart--place"[\s\S]*<path class="event-chart__mark/);
  });

  it('should stack events on the same day rather than draw them on top of each other', () => {
    const markup = chart({ events: [event('a', '2025-05-10'), event('b', '2025-05-10'), event('c', '2025-05-10'), event('d', '2025-08-01')], rows: [] });
    const sameDay = marksIn(rowsOf(markup)[0]!).filter((mark) => /Title of [abc]$/.test(mark.tooltip));
    assert.equal(sameDay.length, 3);
    assert.equal(new Set(sameDay.map((mark) => mark.centre)).size, 1, 'the same day is the same x');
    assert.equal(new Set(sameDay.map((mark) => mark.y)).size, 3, 'each in its own lane');
  });

  it('should show "+n" rather than grow without bound when very many events share a day', () => {
    const events = Array.from({ length: 20 }, (_, index) => event(`e${index}`, '2025-05-10'));
    const markup = chart({ events, rows: [] });
    assert.match(svgOf(markup), />\+\d+<title>\d+ more: /);
    assert.equal(count(textAlternativeOf(markup), '<li><time'), 20, 'the text version still lists all of them');
  });

  it('should pad the axis when every event is on one day, and handle a single event', () => {
    for (const events of [[event('only', '2026-02-06')], [event('a', '2026-02-06'), event('b', '2026-02-06')]]) {
      const markup = chart({ events, rows: [row('Ignazio Cassis', 'person', ['only', 'a'])] });
      assert.doesNotMatch(markup, /NaN|Infinity/);
      const [mark] = marksIn(rowsOf(markup)[0]!);
      const plotEnd = Number(/<line class="event-chart__axis-line" x1="([\d.]+)" x2="([\d.]+)"/.exec(markup)![2]);
      assert.ok(mark!.centre > 20 && mark!.centre < plotEnd - 20, `the mark at ${mark!.centre} sits inside a padded axis ending at ${plotEnd}`);
      assert.match(markup, />Feb</, 'the month is named on the axis');
    }
    assert.match(chart({ events: [event('only', '2026-02-06')] }), /<desc[^>]*>[^<]*1 event, on 6 February 2026/);
  });

  it('should add month ticks to a short span and only year ticks to a long one', () => {
    const short = svgOf(chart({ events: [event('a', '2025-11-03'), event('b', '2026-03-01')] }));
    assert.match(short, /class="event-chart__tick"[^>]*>Dec</);
    assert.match(short, /class="event-chart__tick event-chart__tick--major"[^>]*>2026</);
    const long = svgOf(chart());
    assert.doesNotMatch(long, /class="event-chart__tick"[^>]*>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)</);
    for (const year of ['2023', '2024', '2025', '2026']) assert.match(long, new RegExp(`event-chart__tick--major"[^>]*>${year}<`));
  });

  it('should summarise the events and who appears most in <desc>', () => {
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(chart())![1];
    assert.equal(
      desc,
      'Who appears when. 4 events from 21 September 2022 to 6 February 2026. Appearing most: Ignazio Cassis (4 events), OSCE (3 events) and Moscow (1 event).',
    );
  });

  it('should skip event ids a row names but the chart does not have', () => {
    const markup = chart({ rows: [row('Ignazio Cassis', 'person', ['moscow-visit-2026', 'not-here', 'moscow-visit-2026'])] });
    assert.match(textAlternativeOf(markup), /Ignazio Cassis<\/a> <span class="event-chart__kind">\(person\)<\/span><\/span> <span class="event-chart__row-count">1 event</);
    assert.equal(marksIn(rowsOf(markup)[1]!).length, 1);
  });

  it('should not break with many more rows than a page would show', () => {
    const rows = Array.from({ length: 40 }, (_, index) => row(`Person ${index} with a rather long name that needs shortening on a phone`, 'person', [EVENTS[index % 4]!.id]));
    const markup = chart({ rows });
    assert.equal(rowsOf(markup).length, 41);
    assert.equal(count(textAlternativeOf(markup), 'with a rather long name that needs shortening on a phone</a>'), 40, 'the text version keeps full names');
    assert.match(svgOf(markup), /Person 0 with a rather long[^<]*…<\/tspan>/, 'the drawing shortens long names');
    assert.doesNotMatch(markup, /NaN|Infinity/);
  });

  it('should refuse an id that would break aria-labelledby', () => {
    assert.throws(() => chart({ id: 'chart home' }), /id "chart home"/);
  });

  it('should refuse a date that is not on the calendar', () => {
    assert.throws(() => chart({ events: [event('bad', '2026-02-30')] }), /"bad" has date "2026-02-30"/);
    assert.throws(() => chart({ events: [event('bad', '2026-02', { precision: 'day' })] }), /not a calendar day/);
  });
});
