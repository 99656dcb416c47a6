import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, WCAG_TAGS } from '../helpers/axe.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { chartContrastFailures, contrastRatio } from '../helpers/contrast.ts';
import { runCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

interface PageType {
  name: string;
  path: string;
  /** Wait for what scripts draw (search results, the filtered timeline) before checking. */
  ready?: (page: Page) => Promise<void>;
  /** The page carries an SVG chart, whose text and marks axe-core cannot measure. */
  chart?: boolean;
}

const searchResults = (page: Page) => page.locator('#search-status').filter({ hasText: /\d+ results?/ }).waitFor();

/** One page of every type the site has, on the sample archive in content/. */
const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/', chart: true },
  { name: 'home narrowed by a filter chip', path: '/?with=person:sergey-lavrov', ready: (page) => page.locator('button.chip[aria-pressed="true"]').first().waitFor() },
  { name: 'year', path: '/2026/' },
  { name: 'month', path: '/2026/02/' },
  { name: 'day', path: '/2026/02/06/' },
  { name: 'on this day', path: '/on-this-day/' },
  { name: 'article', path: '/articles/cassis-meets-lavrov-in-moscow/' },
  { name: 'event', path: '/events/moscow-visit-2026/' },
  { name: 'person', path: '/people/sergey-lavrov/', chart: true },
  { name: 'organization', path: '/organizations/osce/', chart: true },
  { name: 'place', path: '/places/moscow/', chart: true },
  { name: 'people index', path: '/people/' },
  { name: 'events index', path: '/events/' },
  { name: 'search with results for "Lavrov"', path: '/search/?q=Lavrov', ready: searchResults },
  { name: 'search with filters applied', path: '/search/?q=Lavrov&type=Article&place=Moscow', ready: searchResults },
  { name: 'corrections', path: '/corrections/' },
  { name: '404', path: '/no-such-page/' },
];

const SCHEMES = ['light', 'dark'] as const;

/*
 * WCAG 2.2 AA on the sample archive in headless Chromium: axe-core on one page of every type in light
 * and dark mode (with every <details> opened, so the chart's text version and the search filters are
 * checked too), the chart's SVG contrast that axe cannot measure, the keyboard path through the home
 * page, and the print stylesheet. One build, one browser.
 */
describe('accessibility in Chromium', () => {
  let workDir: string;
  let server: StaticServer;
  let chromium: LaunchedBrowser;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-a11y-'));
    const site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', 'content', '--output', site]);
    assert.equal(build.code, 0, build.stderr);
    server = await serveStatic(site);
    chromium = await launchChromium();
  });

  after(async () => {
    await chromium?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  /** A fresh tab in the given colour scheme, on `sitePath`, with what its scripts draw in place. */
  async function open(sitePath: string, scheme: (typeof SCHEMES)[number], ready?: PageType['ready']): Promise<Page> {
    const page = await chromium.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}${sitePath}`);
    await ready?.(page);
    return page;
  }

  for (const scheme of SCHEMES) {
    describe(`axe-core (${WCAG_TAGS.join(', ')}) in ${scheme} mode`, () => {
      for (const type of PAGE_TYPES) {
        it(`should find no violations on the ${type.name} page (${type.path})`, async () => {
          const page = await open(type.path, scheme, type.ready);
          try {
            assert.equal(
              await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches),
              scheme === 'dark',
              'the colour scheme is emulated',
            );
            // Closed <details> are not rendered, so axe would not see them: open them all.
            await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
            const violations = await axeViolations(page);
            assert.equal(violations.length, 0, `axe-core found on ${type.path} (${scheme}):\n${describeViolations(violations)}`);
          } finally {
            await page.close();
          }
        });
      }

      for (const type of PAGE_TYPES.filter((candidate) => candidate.chart)) {
        it(`should draw the chart's text at 4.5:1 and its marks at 3:1 on the ${type.name} page`, async () => {
          const page = await open(type.path, scheme, type.ready);
          try {
            assert.ok((await page.locator('svg.event-chart__svg text').count()) > 0, 'the page has a chart with text');
            const failures = await chartContrastFailures(page);
            assert.deepEqual(
              failures,
              [],
              failures.map((failure) => `${failure.element} ${failure.what} ${failure.foreground} on ${failure.background}: ${failure.ratio}:1 < ${failure.required}:1`).join('\n'),
            );
          } finally {
            await page.close();
          }
        });
      }

      it('should show a focus indicator with 3:1 contrast against the page on a link reached by keyboard', async () => {
        const page = await open('/', scheme);
        try {
          // The skip link, then the site's name: a link on the page's own background.
          await page.keyboard.press('Tab');
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement;
            const style = getComputedStyle(element);
            let background = 'rgb(255, 255, 255)';
            for (let node = element.parentElement; node; node = node.parentElement) {
              const colour = getComputedStyle(node).backgroundColor;
              if (colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour)) {
                background = colour;
                break;
              }
            }
            return {
              tag: element.tagName,
              text: element.textContent?.trim(),
              outlineStyle: style.outlineStyle,
              outlineWidth: parseFloat(style.outlineWidth),
              outlineColor: style.outlineColor,
              boxShadow: style.boxShadow,
              background,
            };
          });
          assert.equal(focused.tag, 'A', `focused: ${JSON.stringify(focused)}`);
          const outlined = focused.outlineStyle !== 'none' && focused.outlineWidth >= 2;
          assert.ok(outlined || focused.boxShadow !== 'none', `no visible focus indicator: ${JSON.stringify(focused)}`);
          if (outlined) {
            const ratio = contrastRatio(focused.outlineColor, focused.background);
            assert.ok(ratio >= 3, `focus outline ${focused.outlineColor} on ${focused.background} is ${ratio.toFixed(2)}:1, under 3:1`);
          }
        } finally {
          await page.close();
        }
      });
    });
  }

  describe('with the keyboard alone, on the home page', () => {
    let page: Page;

    before(async () => {
      page = await open('/', 'light');
    });

    after(async () => {
      await page?.close();
    });

    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return {
          tag: element?.tagName ?? '',
          id: element?.id ?? '',
          className: element?.getAttribute('class') ?? '',
          text: element === document.body ? '' : (element?.textContent?.trim().slice(0, 60) ?? ''),
          inMain: Boolean(element?.closest('main')),
        };
      });

    it('should focus the skip link on the first Tab, on screen', async () => {
      await page.keyboard.press('Tab');
      const focused = await active();
      assert.equal(focused.className, 'skip-link', JSON.stringify(focused));
      assert.equal(focused.text, 'Skip to content');
      const box = await page.locator('.skip-link').boundingBox();
      const viewport = page.viewportSize()!;
      assert.ok(box && box.width > 0 && box.height > 0, `skip link box ${JSON.stringify(box)}`);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height, `skip link off screen: ${JSON.stringify(box)}`);
    });

    it('should go to the content with Enter on the skip link: the next Tab lands inside <main>', async () => {
      await page.keyboard.press('Enter');
      await page.waitForURL(/#main$/);
      await page.keyboard.press('Tab');
      const focused = await active();
      assert.ok(focused.inMain, `after the skip link, Tab went to ${JSON.stringify(focused)}`);
    });

    it(
      'should move focus itself to #main with Enter on the skip link',
      async () => {
        await page.goto(`${server.url}/`);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL(/#main$/);
        const focused = await active();
        assert.equal(focused.id, 'main', `focus is on ${JSON.stringify(focused)}`);
      },
    );

    it('should reach the filter chips by Tab, and toggle one with Enter and with Space', async () => {
      await page.goto(`${server.url}/`);
      await page.locator('button.chip').first().waitFor();
      // Sergey Lavrov's chip: he is in some of the events, not all, so the chip visibly narrows the timeline.
      const isChip = (focused: Awaited<ReturnType<typeof active>>) => focused.tag === 'BUTTON' && focused.className.includes('chip');
      let focused = await active();
      let chipsPassed = 0;
      for (let presses = 0; presses < 200 && !(isChip(focused) && focused.text.startsWith('Sergey Lavrov')); presses++) {
        await page.keyboard.press('Tab');
        focused = await active();
        if (isChip(focused)) chipsPassed++;
      }
      assert.ok(isChip(focused), `Tab never reached Sergey Lavrov's filter chip (${chipsPassed} chips on the way); last focused ${JSON.stringify(focused)}`);
      const chip = page.locator('button.chip:focus');
      const entries = page.locator('#timeline .entry');
      const total = await entries.count();
      assert.equal(await chip.getAttribute('aria-pressed'), 'false');

      await page.keyboard.press('Enter');
      assert.equal(await chip.getAttribute('aria-pressed'), 'true', 'Enter turns the chip on');
      const shown = await page.locator('#timeline .entry:visible').count();
      assert.ok(shown > 0 && shown < total, `the chip narrows the timeline: ${shown} of ${total}`);
      assert.ok(((await page.locator('.filter-bar__status').textContent()) ?? '').includes(`${shown} of ${total} entries with`), 'the status says so');

      await page.keyboard.press('Space');
      assert.equal(await chip.getAttribute('aria-pressed'), 'false', 'Space turns it off again');
      assert.equal(await page.locator('#timeline .entry:visible').count(), total);
    });
  });

  describe('with the keyboard alone, on the search page', () => {
    const focusedControl = (page: Page) =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return { tag: element?.tagName ?? '', name: element?.name ?? '', value: element?.value ?? '', checked: element?.checked ?? false, text: element?.textContent?.trim().slice(0, 60) ?? '' };
      });

    it('should keep the focus on a filter checkbox toggled with Space while the results and filters are redrawn', async () => {
      const page = await open('/search/?q=Lavrov', 'light', searchResults);
      try {
        const before = await page.locator('#search-status').textContent();
        // Open the Type group from the keyboard: its values are listed once they are loaded.
        await page.locator('#search-filters details[data-filter="type"] > summary').focus();
        await page.keyboard.press('Enter');
        await page.locator('#search-filters input[name="type"][value="Article"]').waitFor();
        assert.equal((await focusedControl(page)).tag, 'SUMMARY', 'the group keeps the focus while its values load');
        await page.locator('#search-filters input[name="type"][value="Article"]').focus();
        await page.keyboard.press('Space');
        await page.waitForFunction((previous) => document.querySelector('#search-status')?.textContent !== previous, before);
        await page.waitForURL(/type=Article/);
        const focused = await focusedControl(page);
        assert.deepEqual({ ...focused, text: '' }, { tag: 'INPUT', name: 'type', value: 'Article', checked: true, text: '' }, `focus after Space: ${JSON.stringify(focused)}`);
        // And off again, from where the reader is.
        await page.keyboard.press('Space');
        await page.waitForURL((url) => !url.search.includes('type=Article'));
        assert.deepEqual(await focusedControl(page), { tag: 'INPUT', name: 'type', value: 'Article', checked: false, text: '' });
      } finally {
        await page.close();
      }
    });

    it('should move the focus to the first new result after "More results", not lose it with the button', async () => {
      const page = await open('/search/?type=Place', 'light', searchResults);
      try {
        const more = page.locator('#search-more');
        assert.equal(await more.isVisible(), true, 'browsing every place needs more than one page of results');
        const firstPage = await page.locator('.result').count();
        await more.focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction((count) => document.querySelectorAll('.result').length > count, firstPage);
        const focused = await focusedControl(page);
        const expected = (await page.locator('.result').nth(firstPage).locator('a').textContent())?.trim();
        assert.equal(focused.tag, 'A', `focus after "More results": ${JSON.stringify(focused)}`);
        assert.equal(focused.text, expected);
      } finally {
        await page.close();
      }
    });
  });

  describe('the print stylesheet', () => {
    const PRINTED = [['home', '/'], ['article', '/articles/cassis-meets-lavrov-in-moscow/']] as const;
    for (const [name, sitePath] of PRINTED) {
      it(`should leave the site navigation and the filter bar off the printed ${name} page`, async () => {
        const page = await open(sitePath, 'light');
        try {
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.evaluate(() => window.matchMedia('print').matches), true, 'print media is emulated');
          assert.equal(await page.locator('nav[aria-label="Sections"]').isVisible(), false, 'the site navigation is hidden');
          for (const selector of ['.skip-link', '.filter-bar', '.site-footer']) {
            assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is hidden`);
          }
          assert.equal(await page.locator('h1').isVisible(), true, 'the content is printed');
          if (name === 'home') {
            assert.ok((await page.locator('.filter-bar').count()) > 0, 'the home page has a filter bar to hide');
            assert.equal(await page.locator('#timeline').isVisible(), true, 'the timeline is printed');
          }
        } finally {
          await page.close();
        }
      });

      it(`should print the ${name} page dark on white when the screen is in dark mode`, async () => {
        const page = await open(sitePath, 'dark');
        try {
          await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
          const colours = await page.evaluate(() =>
            [...document.querySelectorAll('h1, .lede, .entry__title a, .entry__summary, .prose p, .facts dd')].slice(0, 12).map((element) => {
              let background = 'rgb(255, 255, 255)';
              for (let node: Element | null = element; node; node = node.parentElement) {
                const colour = getComputedStyle(node).backgroundColor;
                if (colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour)) {
                  background = colour;
                  break;
                }
              }
              return { element: `${element.tagName.toLowerCase()}.${element.className}`, colour: getComputedStyle(element).color, background };
            }),
          );
          assert.ok(colours.length > 0);
          const faint = colours.filter((item) => contrastRatio(item.colour, item.background) < 4.5 || item.background !== 'rgb(255, 255, 255)');
          assert.deepEqual(faint, [], 'printed text is dark on white');
        } finally {
          await page.close();
        }
      });
    }
  });
});
