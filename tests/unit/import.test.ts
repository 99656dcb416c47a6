import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ContentFile } from '../../src/content/content-files.ts';
import { readArticle } from '../../src/content/read-records.ts';
import { articleFile, articlePath, articleSlug } from '../../src/import/article-file.ts';
import { ImportError, importHtml, importText, type ImportOptions, type ImportResult } from '../../src/import/import-article.ts';
import { renderMarkdown } from '../../src/render/markdown.ts';

/**
 * `chronicle import` as pure functions: each fixture in tests/fixtures/import imitates one kind of
 * page people save from the web (a news site with teaser boxes, a press release inside a menu, an
 * agency story under a photo caption, a clean text, HTML with JSON-LD, a French page, a German
 * dateline story, a page that is only navigation). The import day is fixed, so the placeholder date
 * of an undated story is known.
 */

const TODAY = '2026-11-20';
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A headline with a colon, quotes and a #, a paragraph starting "1. " and one starting "- ". */
const MARKDOWN_LIKE = [
  'Cassis: "We stay neutral" – a # headline with a colon',
  '',
  '1. The first point of the plan is that talks continue in Geneva next week, officials said.',
  '',
  '- A line that looks like a list item but is a long sentence of the article, with many more words than a menu.',
].join('\n');

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

function load(name: string, options: Partial<ImportOptions> = {}): ImportResult {
  const text = fixture(name);
  return (name.endsWith('.html') ? importHtml : importText)(text, { today: TODAY, ...options });
}

/** The fixture's lines that are the article's own paragraphs: at least `minWords` words, in order. */
function longLines(name: string, minWords: number, from = 0, to = Infinity): string[] {
  return fixture(name)
    .split('\n')
    .slice(from, to)
    .map((line) => line.trim())
    .filter((line) => line.split(/\s+/).length >= minWords);
}

function body(result: ImportResult): string {
  return result.article.paragraphs.join('\n\n');
}

/** Reads a written article file back the way `chronicle check` and `build` do. */
function readBack(text: string, slug = 'imported') {
  const file: ContentFile = { collection: 'articles', absolutePath: `/archive/articles/2026/${slug}.md`, file: `content/articles/2026/${slug}.md` };
  const read = readArticle(file, text);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], `the imported file must be a valid article:\n${text}`);
  assert.ok(read.record, 'readArticle gives a record');
  return { record: read.record, warnings: read.diagnostics.filter((d) => d.severity === 'warning') };
}

describe('importText: news-site-teasers.txt (a news page saved as text, no year anywhere in the story)', () => {
  const result = load('news-site-teasers.txt');
  const { article, warnings } = result;

  it('should take the headline, not the site slogan or the caption label', () => {
    assert.equal(article.title, 'Glacier monitors plan to double their stations after the heaviest melt on record');
  });

  it('should keep exactly the six article paragraphs, in order, quote included', () => {
    const expected = longLines('news-site-teasers.txt', 25).slice(0, 6);
    assert.equal(expected.length, 6);
    assert.ok(expected[0]!.startsWith("Switzerland's glacier monitoring network"));
    assert.ok(expected[5]!.startsWith('The board also wants its figures out sooner.'));
    assert.deepEqual(article.paragraphs, expected);
    assert.match(body(result), /“We cannot protect what we have stopped measuring, .*” said Matthias Huss/);
  });

  it('should leave out the slogan, caption, "More", subheading, teaser boxes and footer', () => {
    const text = body(result);
    for (const furniture of [
      'Swiss news, told plainly',
      'A photo of glaciologist',
      '(left)',
      'KEYSTONE',
      'Popular Stories',
      'Most Discussed',
      'This content was published on',
      'Read more',
      'Jura farmers swap dairy cows',
      'Geneva airport trials a night curfew',
      'dining cars',
      'a branch of Example Broadcasting',
      'report factual errors',
      'corrections@alpine-report.example',
      'all rights reserved',
    ]) {
      assert.ok(!text.includes(furniture), `"${furniture}" is page furniture, not article text`);
    }
    for (const line of ['Climate', 'More', 'Money']) assert.ok(!article.paragraphs.includes(line), `"${line}" is a label, not a paragraph`);
  });

  it("should mark the date uncertain and write the import day, since the story gives no year (the teasers' dates do not count)", () => {
    assert.equal(article.date, TODAY);
    assert.equal(article.dateFoundBy, 'not found');
    assert.equal(article.dateUncertain, true);
    const dateWarnings = warnings.filter((warning) => warning.startsWith('date:'));
    assert.equal(dateWarnings.length, 1, warnings.join('\n'));
    assert.ok(dateWarnings[0]!.includes(TODAY) && dateWarnings[0]!.includes('dateUncertain'), dateWarnings[0]);
  });

  it('should name the publisher from the footer, and say the story is English', () => {
    assert.deepEqual(article.source, { name: 'Alpine Report' });
    assert.equal(article.language, 'en');
    assert.ok(!warnings.some((warning) => warning.startsWith('source:') || warning.startsWith('language:') || warning.startsWith('title:')), warnings.join('\n'));
  });

  it('should use the whole lead as the summary', () => {
    assert.equal(article.summary, article.paragraphs[0]);
    assert.ok(article.summary.endsWith('than in any season since records began.'));
  });
});

describe('importText: press-release-menu.txt (a press release inside a long navigation menu)', () => {
  const { article, warnings } = load('press-release-menu.txt');
  const lines = fixture('press-release-menu.txt').split('\n');
  const start = lines.findIndex((line) => line.startsWith('GENEVA/BERN, 12 March 2026'));
  const releaseLines = lines.slice(start).filter(Boolean);

  it('should take the long title line after "Press release" as the title', () => {
    assert.equal(
      article.title,
      'Federal Councillor Ignazio Cassis and UN High Commissioner Volker Türk discuss the protection of civilians and humanitarian access in armed conflicts',
    );
    assert.ok(!warnings.some((warning) => warning.startsWith('title:')), warnings.join('\n'));
  });

  it('should date it 12 March 2026 by its dateline', () => {
    assert.equal(article.date, '2026-03-12');
    assert.equal(article.dateFoundBy, 'dateline');
    assert.equal(article.dateEvidence, 'GENEVA/BERN, 12 March 2026');
    assert.equal(article.dateUncertain, false);
    assert.ok(!warnings.some((warning) => warning.startsWith('date:')), warnings.join('\n'));
  });

  it('should keep the five release paragraphs in order, quote included', () => {
    assert.equal(releaseLines.length, 6);
    assert.deepEqual(article.paragraphs.slice(0, 5), releaseLines.slice(0, 5));
    assert.ok(article.paragraphs.includes('“Humanitarian law is not a wish list; it is a set of rules that every party has signed up to, and Switzerland will keep reminding them of it,” Federal Councillor Cassis said after the meeting.'));
  });

  it('should bring in no menu item, section label or metadata line', () => {
    const menu = lines.slice(0, lines.indexOf('Press release')).filter(Boolean);
    assert.ok(menu.length > 70, 'the fixture has a long menu');
    const metadata = lines.slice(lines.indexOf('Press release'), start);
    for (const paragraph of article.paragraphs) {
      assert.ok(releaseLines.includes(paragraph), `not a line of the release: "${paragraph}"`);
    }
    const text = article.paragraphs.join('\n');
    for (const item of ['Skip to main content', 'Consular protection', 'Treaties database', 'Humanitarian aid', 'Press releases', 'Sitemap', '- Date:', 'Place: Geneva/Bern', 'FDFA Communication', 'Press release']) {
      assert.ok(!text.includes(item), `"${item}" is navigation or metadata`);
    }
    assert.equal(metadata.length, 7);
  });

  it('should write the lead without its dateline as the summary', () => {
    assert.ok(article.summary.startsWith('Federal Councillor Ignazio Cassis met the United Nations High Commissioner for Human Rights, Volker Türk, in Geneva on Thursday.'), article.summary);
    assert.ok(!article.summary.includes('12 March 2026'), article.summary);
  });

  it('should warn that no publisher was found, and take --source when given', () => {
    assert.deepEqual(article.source, { name: 'Unknown source' });
    assert.ok(warnings.some((warning) => warning.startsWith('source:')), warnings.join('\n'));
    const given = load('press-release-menu.txt', { source: 'FDFA', url: 'https://press.example.ch/releases/cassis-turk' });
    assert.deepEqual(given.article.source, { name: 'FDFA', url: 'https://press.example.ch/releases/cassis-turk' });
    assert.ok(!given.warnings.some((warning) => warning.startsWith('source:')), given.warnings.join('\n'));
  });
});

describe('importText: agency-caption.txt (an agency story under a photo caption, no headline)', () => {
  const { article, warnings } = load('agency-caption.txt');

  it('should date it by the "date 2026-03-02" caption line, not by the May 2025 photo', () => {
    assert.equal(article.date, '2026-03-02');
    assert.equal(article.dateFoundBy, 'date line');
    assert.equal(article.dateEvidence, 'date 2026-03-02');
    assert.equal(article.dateUncertain, false);
  });

  it("should take the title from the lead's first sentence and warn about it", () => {
    assert.equal(article.title, 'Switzerland and Norway will pool funds to clear landmines from Ukrainian farmland');
    const titleWarnings = warnings.filter((warning) => warning.startsWith('title:'));
    assert.equal(titleWarnings.length, 1, warnings.join('\n'));
    assert.ok(titleWarnings[0]!.includes(article.title));
  });

  it('should use the standfirst as the summary', () => {
    assert.equal(article.summary, 'Switzerland and Norway will pool funds to clear landmines from Ukrainian farmland. The two governments want to return at least 40,000 hectares to farmers within three years.');
  });

  it('should keep the standfirst and six paragraphs, without the caption or the translation note', () => {
    assert.deepEqual(article.paragraphs, longLines('agency-caption.txt', 20, 1));
    assert.equal(article.paragraphs.length, 7);
    const text = body({ article, warnings });
    for (const furniture of ['shake hands', 'KEYSTONE', 'date 2026-03-02', 'Translated from German']) assert.ok(!text.includes(furniture), furniture);
    assert.match(text, /“Every hectare we make safe again is a hectare of wheat that does not have to be grown somewhere else,” he told journalists in Bern\./);
  });

  it('should detect English', () => {
    assert.equal(article.language, 'en');
  });
});

describe('importText: clean-article.txt (headline and paragraphs only)', () => {
  const { article, warnings } = load('clean-article.txt');

  it('should take the first line as the title', () => {
    assert.equal(article.title, 'Lake Geneva ferry company orders two electric boats for commuter crossings');
  });

  it('should date it by the latest complete date up to the import day (not the older one, not the planned delivery)', () => {
    assert.equal(article.date, '2026-03-14');
    assert.equal(article.dateFoundBy, 'latest complete date in the text');
    assert.equal(article.dateEvidence, 'March 14, 2026');
    assert.equal(article.dateUncertain, false);
    assert.ok(!warnings.some((warning) => warning.startsWith('date:')), warnings.join('\n'));
  });

  it('should not count a date after the import day', () => {
    const { article: later } = load('clean-article.txt', { today: '2026-12-31' });
    assert.equal(later.date, '2026-12-01', 'on 31 December the planned delivery day has passed and is the latest');
  });

  it('should prefer --date over anything in the text', () => {
    const { article: given, warnings: givenWarnings } = load('clean-article.txt', { date: '2026-03-15' });
    assert.equal(given.date, '2026-03-15');
    assert.equal(given.dateFoundBy, 'given');
    assert.equal(given.dateUncertain, false);
    assert.ok(!givenWarnings.some((warning) => warning.startsWith('date:')));
  });

  it('should keep all seven paragraphs, the quote included', () => {
    assert.equal(article.paragraphs.length, 7);
    assert.deepEqual(article.paragraphs, longLines('clean-article.txt', 15, 1));
    assert.ok(article.paragraphs[3]!.startsWith('“Our historic steamers will keep sailing in summer'));
  });
});

describe('importText: german-article.txt (German agency story with a dateline)', () => {
  const { article } = load('german-article.txt');

  it('should read the German dateline "BERN, 3. März 2026 (sda)"', () => {
    assert.equal(article.date, '2026-03-03');
    assert.equal(article.dateFoundBy, 'dateline');
    assert.equal(article.dateUncertain, false);
  });

  it('should detect German without --lang', () => {
    assert.equal(article.language, 'de');
  });

  it('should take --lang over the detection', () => {
    assert.equal(load('german-article.txt', { language: 'fr' }).article.language, 'fr');
  });

  it('should take the headline, keep the „…“ quote and summarise without the dateline', () => {
    assert.equal(article.title, 'Bundesrat will Nachtzüge nach Rom und Barcelona stärker fördern');
    assert.equal(article.paragraphs.length, 6);
    assert.ok(article.paragraphs[2]!.includes('„Ohne eine Starthilfe des Bundes wird es diese Verbindungen nicht geben“, sagte Rösti.'));
    assert.equal(article.summary, 'Der Bundesrat will internationale Nachtzüge in den kommenden vier Jahren mit zusätzlichem Geld unterstützen. Er hat am Dienstag eine entsprechende Vorlage in die Vernehmlassung geschickt.');
  });
});

describe('importHtml: jsonld-article.html (menu, scripts, related box, figure, JSON-LD)', () => {
  const result = load('jsonld-article.html');
  const { article, warnings } = result;
  const written = articleFile(article);

  it('should take the title from JSON-LD, not og:title or <title>', () => {
    assert.equal(article.title, 'Sleeper trains across the Alps fill up faster than operators expected');
  });

  it("should take the date from JSON-LD's datePublished (in its own zone), not article:published_time", () => {
    assert.equal(article.date, '2026-04-03');
    assert.equal(article.dateFoundBy, 'metadata');
    assert.equal(article.dateEvidence, '2026-04-03T09:15:00+02:00');
    assert.equal(article.dateUncertain, false);
  });

  it('should take the publisher from JSON-LD and the canonical address, and warn about nothing', () => {
    assert.deepEqual(article.source, { name: 'Lakeside Courier', url: 'https://courier.example.org/europe/2026/04/night-trains-return-to-the-alps' });
    assert.equal(article.language, 'en');
    assert.deepEqual(warnings, []);
  });

  it('should let --url and --source win over the page', () => {
    const { article: given } = load('jsonld-article.html', { url: 'https://mirror.example.net/trains', source: 'Mirror' });
    assert.deepEqual(given.source, { name: 'Mirror', url: 'https://mirror.example.net/trains' });
  });

  it('should write no script, handler or javascript: link, and nothing a script would have written', () => {
    for (const unsafe of ['<script', 'onclick', 'javascript:', 'alert(', 'document.write', 'Injected paragraph', 'trackingId', 'secret-style-marker', 'font-family']) {
      assert.ok(!written.includes(unsafe), `"${unsafe}" must not reach the Markdown file`);
    }
  });

  it('should keep the link text of a javascript: link and http links as Markdown links', () => {
    assert.ok(written.includes('and rail unions warn that there are not enough trained attendants. Share your own night train experience with the newsroom.'));
    assert.ok(written.includes('[their booking site](https://rail.example.com/night)'));
  });

  it('should keep the blockquote as a Markdown quote', () => {
    assert.ok(article.paragraphs.includes('> We underestimated how many families would choose the train once they could book a whole compartment for themselves.'), body(result));
    assert.match(written, /\n> We underestimated how many families would choose the train/);
  });

  it('should leave out the menu, header, related stories, figure caption and footer', () => {
    const text = body(result);
    for (const furniture of ['Travel and leisure', 'Subscribe to the Courier', 'Opinion pieces', 'Your lake, your region', 'Related stories', 'Five cheap rail passes', 'Airline cuts short-haul flights', 'Gotthard tunnel closure', 'A sleeper train waits at Bern station', 'Jonas Meier', 'nightjet-bern.jpg', 'All rights reserved', 'Privacy policy']) {
      assert.ok(!text.includes(furniture), `"${furniture}" is not article text`);
    }
  });

  it('should keep the seven article paragraphs and the quote in order', () => {
    assert.equal(article.paragraphs.length, 8, body(result));
    assert.ok(article.paragraphs[0]!.startsWith('Sleeper trains linking Switzerland with Amsterdam, Hamburg and Vienna'));
    assert.ok(article.paragraphs[1]!.startsWith('Demand has been strongest on the route to Amsterdam'));
    assert.ok(article.paragraphs[4]!.startsWith('That was how a spokesperson'));
    assert.ok(article.paragraphs[7]!.startsWith("Read the operators' full timetable"));
  });
});

describe('importHtml: french-page.html (no lang attribute)', () => {
  const { article, warnings } = load('french-page.html');

  it('should detect French from the text', () => {
    assert.doesNotMatch(fixture('french-page.html'), /<html[^>]*lang=/, 'the fixture must not say its language');
    assert.equal(article.language, 'fr');
    assert.ok(!warnings.some((warning) => warning.startsWith('language:')));
  });

  it('should read article:published_time, og:title and og:site_name', () => {
    assert.equal(article.date, '2026-05-18');
    assert.equal(article.dateFoundBy, 'metadata');
    assert.equal(article.title, 'Le Valais mise sur les abricots tardifs pour sauver sa récolte');
    assert.deepEqual(article.source, { name: 'La Gazette du Rhône' });
  });

  it('should keep the six paragraphs with the « » quote and drop the menu and footer', () => {
    assert.equal(article.paragraphs.length, 6);
    assert.ok(article.paragraphs[2]!.startsWith('« Nous ne pouvons plus compter sur les bougies'));
    const text = article.paragraphs.join('\n');
    for (const furniture of ['Accueil', 'Météo', 'tous droits réservés']) assert.ok(!text.includes(furniture), furniture);
  });
});

describe('only-navigation.txt (a page that is only a menu)', () => {
  it('should throw an ImportError that says no article text was found', () => {
    assert.throws(() => load('only-navigation.txt'), (error: unknown) => error instanceof ImportError && /no article text/.test(error.message));
  });

  it('should throw an ImportError for an empty input, text or HTML', () => {
    assert.throws(() => importText('', { today: TODAY }), ImportError);
    assert.throws(() => importText('\n\n   \n', { today: TODAY }), ImportError);
    assert.throws(() => importHtml('<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>', { today: TODAY }), ImportError);
  });
});

describe('articleSlug, articlePath and articleFile', () => {
  it('should give the same slug and the same file for the same input twice', () => {
    const first = load('news-site-teasers.txt').article;
    const second = load('news-site-teasers.txt').article;
    assert.equal(articleSlug(first), 'glacier-monitors-plan-to-double-their-stations-after-the-heaviest-melt-on-record');
    assert.equal(articleSlug(second), articleSlug(first));
    assert.equal(articleFile(second), articleFile(first));
  });

  it('should cut a long slug at a word boundary, at most 80 characters', () => {
    const slug = articleSlug(load('press-release-menu.txt').article);
    assert.equal(slug, 'federal-councillor-ignazio-cassis-and-un-high-commissioner-volker-turk-discuss');
    assert.ok(slug.length <= 80);
  });

  it('should place the file in <out>/<year>/<slug>.md', () => {
    assert.equal(articlePath('out', load('german-article.txt').article), path.join('out', '2026', 'bundesrat-will-nachtzuge-nach-rom-und-barcelona-starker-fordern.md'));
    assert.equal(articlePath('/x/articles', load('clean-article.txt', { date: '2024-07-01' }).article), path.join('/x/articles', '2024', 'lake-geneva-ferry-company-orders-two-electric-boats-for-commuter-crossings.md'));
  });

  for (const name of ['news-site-teasers.txt', 'press-release-menu.txt', 'agency-caption.txt', 'clean-article.txt', 'german-article.txt', 'jsonld-article.html', 'french-page.html']) {
    it(`should write ${name} as a valid archive article with the same fields`, () => {
      const { article } = load(name);
      const { record, warnings } = readBack(articleFile(article), articleSlug(article));
      assert.equal(record.id, articleSlug(article));
      assert.equal(record.title, article.title);
      assert.equal(record.day, article.date);
      assert.equal(record.language, article.language);
      assert.equal(record.summary, article.summary);
      assert.deepEqual(record.source, { name: article.source.name, url: article.source.url ?? null });
      assert.equal(record.dateUncertain ?? false, article.dateUncertain);
      assert.deepEqual(warnings.map((w) => w.rule), article.dateUncertain ? ['content/date-uncertain'] : []);
      assert.equal(record.body.trim().split(/\n\n/).length, article.paragraphs.length, 'one Markdown block per paragraph');
    });
  }

  it('should write how the date was found beside it', () => {
    const uncertain = articleFile(load('news-site-teasers.txt').article);
    assert.match(uncertain, /^date: 2026-11-20 {2}# not found$/m);
    assert.match(uncertain, /^dateUncertain: true\b/m);
    assert.match(articleFile(load('press-release-menu.txt').article), /^date: 2026-03-12 {2}# dateline: GENEVA\/BERN, 12 March 2026$/m);
    assert.doesNotMatch(articleFile(load('clean-article.txt').article), /dateUncertain/);
  });

  it('should keep a paragraph that starts like a Markdown list item a paragraph, and quote front-matter strings', () => {
    const { article } = importText(MARKDOWN_LIKE, { today: TODAY });
    const written = articleFile(article);
    const { record } = readBack(written);
    assert.equal(record.title, 'Cassis: "We stay neutral" – a # headline with a colon');
    const html = renderMarkdown(record.body);
    assert.doesNotMatch(html, /<ol|<ul|<li|<h1/);
    assert.ok(html.includes('<p>- A line that looks like a list item but is a long sentence of the article'), html);
  });
});

describe('known gaps of the text classifier, the date finder and the file writer', () => {
  it('should show a paragraph that starts with "1. " as written, without a backslash', () => {
    const { article } = importText(MARKDOWN_LIKE, { today: TODAY });
    const { record } = readBack(articleFile(article));
    const html = renderMarkdown(record.body);
    assert.ok(html.includes('<p>1. The first point of the plan is that talks continue in Geneva next week, officials said.</p>'), html);
  });

  it('should keep article paragraphs that begin with "More than" or "By 2030,"', () => {
    const text = [
      'Volunteers help glaciologists carry equipment to remote stations',
      '',
      'The glacier network has recruited mountain guides to carry drills and sensors to its most remote stations this summer.',
      '',
      'More than 200 volunteers answered the first call for help, far more than the organisers had hoped for.',
      '',
      'By 2030, the network wants to measure every glacier in the country that is larger than one square kilometre.',
      '',
      'The guides are paid a small fee per trip and receive safety training from the network in the spring.',
    ].join('\n');
    const { article } = importText(text, { today: TODAY });
    assert.equal(article.paragraphs.length, 4, article.paragraphs.join('\n'));
    assert.ok(article.paragraphs.includes('More than 200 volunteers answered the first call for help, far more than the organisers had hoped for.'));
    assert.ok(article.paragraphs.includes('By 2030, the network wants to measure every glacier in the country that is larger than one square kilometre.'));
    // HTML goes through the same filter after Readability.
    const html = `<html lang="en"><body><article><h1>${text.split('\n')[0]}</h1>${text.split('\n').slice(2).filter(Boolean).map((line) => `<p>${line}</p>`).join('')}</article></body></html>`;
    assert.equal(importHtml(html, { today: TODAY }).article.paragraphs.length, 4);
  });

  it('should keep a headline that ends with a question mark as the title', () => {
    const { article, warnings } = importText([
      'Will night trains to Rome survive the next budget round?',
      '',
      'The Federal Council wants to support international night trains with additional money over the next four years, it said on Tuesday.',
      '',
      'The railways welcomed the decision but asked for a longer commitment than the four years now proposed.',
    ].join('\n'), { today: TODAY });
    assert.equal(article.title, 'Will night trains to Rome survive the next budget round?');
    assert.equal(article.paragraphs.length, 2);
    assert.ok(article.summary.startsWith('The Federal Council wants'));
    assert.ok(!warnings.some((warning) => warning.startsWith('title:')), warnings.join('\n'));
  });

  it('should read an Italian dateline "LUGANO, 3 marzo 2026 (ats) –"', () => {
    const { article } = importText([
      'Il Consiglio federale vuole più treni notturni verso Roma',
      '',
      'LUGANO, 3 marzo 2026 (ats) – Il Consiglio federale vuole sostenere i treni notturni internazionali con più denaro nei prossimi quattro anni. Lo ha annunciato martedì a Berna.',
      '',
      'Le ferrovie hanno accolto con favore la decisione, ma chiedono che il sostegno non venga tagliato dopo quattro anni, perché i nuovi vagoni si ripagano solo in un periodo molto più lungo.',
      '',
      "I partiti borghesi criticano il progetto, che ritengono troppo costoso, mentre le organizzazioni ambientaliste chiedono ancora più soldi e collegamenti verso l'Europa orientale.",
    ].join('\n'), { today: TODAY });
    assert.equal(article.language, 'it');
    assert.equal(article.date, '2026-03-03');
    assert.equal(article.dateFoundBy, 'dateline');
    assert.equal(article.dateUncertain, false);
  });
});
