import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventChart, type ChartEvent, type ChartRow } from '../../layouts/_components/event-chart.ts';

/** `count` day-precise events spread evenly from `from` over `days` days. */
function manyEvents(count: number, from: string, days: number): ChartEvent[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(start + Math.floor((index * days) / count) * 86_400_000).toISOString().slice(0, 10);
    return { id: `e${index}`, url: `/events/e${index}/`, title: `Event number ${index} in a long archive`, date, precision: 'day' };
  });
}

function rowsOver(events: readonly ChartEvent[], count: number): ChartRow[] {
  return Array.from({ length: count }, (_, row) => ({
    label: `Place ${row}`,
    url: `/places/place-${row}/`,
    kind: 'place',
    eventIds: events.filter((_, index) => index % (row + 2) === 0).map((event) => event.id),
  }));
}

const textOf = (markup: string) => /<details class="event-chart__text">[\s\S]*?<\/details>/.exec(markup)![0];
const svgOf = (markup: string) => /<svg class="event-chart__svg"[\s\S]*?<\/svg>/.exec(markup)![0];

/*
 * A chart of a large archive: thousands of events cannot each have a mark and a line of text
 * without the page growing with the archive, so past a limit the chart counts events per period.
 */
describe('the event chart of a large archive', () => {
  const events = manyEvents(6000, '2006-01-01', 20 * 365);
  const markup = String(eventChart({ id: 'chart-big', title: 'Events over time', description: 'Who appears when.', events, rows: rowsOver(events, 8) }));

  it('should stay small whatever the number of events', () => {
    assert.ok(markup.length < 80_000, `the chart is ${markup.length} characters`);
    const twice = manyEvents(12_000, '2006-01-01', 20 * 365);
    const bigger = String(eventChart({ id: 'chart-big', title: 'Events over time', description: '', events: twice, rows: rowsOver(twice, 8) }));
    assert.ok(bigger.length < markup.length * 1.1, 'twice the events, about the same size');
  });

  it('should draw a bar per year and row, not a mark per event, and say so', () => {
    const bars = [...svgOf(markup).matchAll(/class="event-chart__mark event-chart__bar[^"]*"[^>]*><title>(\d{4}): (\d+) events?<\/title>/g)];
    assert.ok(bars.length > 0 && bars.length <= 9 * 30, `${bars.length} bars`);
    const allRow = svgOf(markup).split('<g class="event-chart__row')[1]!;
    const counted = [...allRow.matchAll(/<title>\d{4}: (\d+) events?<\/title>/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    assert.equal(counted, events.length, 'the bars of "All events" count every event');
    assert.match(markup, /each bar counts the events of one year/);
  });

  it('should give the same counts in the text version, without a line per event', () => {
    const text = textOf(markup);
    assert.doesNotMatch(text, /href="\/events\//, 'no event is listed one by one');
    assert.match(text, /<li><time datetime="2006">2006<\/time>: \d+ events<\/li>/);
    assert.match(text, /<a href="\/places\/place-0\/">Place 0<\/a>/, 'each row still links to its page');
  });

  it('should count by month over a short span and by quarter over a few years', () => {
    const months = manyEvents(400, '2024-01-01', 400);
    assert.match(String(eventChart({ id: 'c1', title: 'T', description: '', events: months, rows: [] })), /each bar counts the events of one month/);
    const quarters = manyEvents(400, '2020-01-01', 5 * 365);
    const markupByQuarter = String(eventChart({ id: 'c2', title: 'T', description: '', events: quarters, rows: [] }));
    assert.match(markupByQuarter, /each bar counts the events of one quarter/);
    assert.match(textOf(markupByQuarter), /<time datetime="2020-04">Apr<\/time>–Jun 2020: \d+ events/);
  });

  it('should keep a mark per event while there are few', () => {
    const few = manyEvents(40, '2020-01-01', 3000);
    const small = String(eventChart({ id: 'c3', title: 'T', description: '', events: few, rows: rowsOver(few, 3) }));
    assert.doesNotMatch(small, /event-chart__bar/);
    assert.equal([...textOf(small).matchAll(/href="\/events\/e0\/"/g)].length, 4, 'listed under "All events" and each row');
  });
});
