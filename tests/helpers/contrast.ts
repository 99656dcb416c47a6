import type { Page } from 'playwright-core';

export interface ContrastFailure {
  element: string;
  what: 'fill' | 'stroke';
  foreground: string;
  background: string;
  ratio: number;
  required: number;
}

interface Painted {
  element: string;
  what: 'fill' | 'stroke';
  required: number;
  foreground: string;
  background: string;
}

/**
 * The contrast axe-core cannot measure: text and marks drawn in SVG (axe reports those as "needs
 * review"), against the nearest opaque background behind the chart. Text needs 4.5:1 (WCAG 1.4.3;
 * chart text is under 18.66 px), marks and the legend's keys 3:1 (1.4.11, non-text contrast).
 */
export async function chartContrastFailures(page: Page): Promise<ContrastFailure[]> {
  // Only anonymous callbacks in the browser: tsx names named functions with a helper the page lacks.
  const painted: Painted[] = await page.evaluate(() => {
    const checks: Array<[string, 'fill' | 'stroke', number]> = [
      ['svg.event-chart__svg text, svg.event-chart__svg tspan', 'fill', 4.5],
      ['svg.event-chart__svg .event-chart__mark:not(.event-chart__span)', 'fill', 3],
      ['svg.event-chart__svg .event-chart__span', 'stroke', 3],
      ['svg.event-chart__key', 'fill', 3],
    ];
    return checks.flatMap(([selector, what, required]) =>
      [...document.querySelectorAll(selector)].map((element) => {
        let background = 'rgb(255, 255, 255)';
        for (let node: Element | null = element.closest('figure') ?? element; node; node = node.parentElement) {
          const colour = getComputedStyle(node).backgroundColor;
          if (colour !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(colour)) {
            background = colour;
            break;
          }
        }
        const style = getComputedStyle(element);
        const text = element.textContent?.trim() ?? '';
        return {
          element: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${text ? ` "${text.slice(0, 40)}"` : ''}`,
          what,
          required,
          foreground: what === 'fill' ? style.fill : style.stroke,
          background,
        };
      }),
    );
  });
  return painted
    .filter((item) => item.foreground.startsWith('rgb'))
    .map((item) => ({ ...item, ratio: Math.round(contrastRatio(item.foreground, item.background) * 100) / 100 }))
    .filter((item) => item.ratio < item.required);
}

/** The contrast ratio of two CSS colours written as `rgb(…)`, as WCAG defines it. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function relativeLuminance(colour: string): number {
  const match = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(colour);
  if (!match) throw new Error(`not an rgb() colour: ${colour}`);
  return [match[1], match[2], match[3]]
    .map((channel) => Number(channel) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, index) => sum + c * [0.2126, 0.7152, 0.0722][index]!, 0);
}
