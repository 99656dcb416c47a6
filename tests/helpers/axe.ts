import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** axe-core's browser bundle, from the exact version in package.json. */
export const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what a public news site is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core on the whole document as it is now (after scripts have drawn it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol, not added as a <script>: the pages' Content Security
    // Policy (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
    axeSource ??= readFileSync(AXE_SCRIPT, 'utf8');
    await page.evaluate(`${axeSource}\n;typeof window.axe`);
  }
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  }, [...WCAG_TAGS]);
}

/** One line per element: rule id, impact, the element's selector, what to do, and axe's own explanation. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `  ${violation.id} (${violation.impact ?? 'no impact'}) at ${JSON.stringify(node.target)}: ${violation.help}` +
          (node.failureSummary ? `\n      ${node.failureSummary.replace(/\n\s*/g, ' ')}` : ''),
      ),
    )
    .join('\n');
}
