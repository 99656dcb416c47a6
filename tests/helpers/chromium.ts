import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core. Tests fail — never skip — when it is missing, with the
 * instruction to install it: a browser test that silently does not run proves nothing.
 */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to its executable.`,
    );
  }
  return candidate;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** `javaScript: false` reads the site as a reader without scripts does. */
export async function launchChromium(options: { javaScript?: boolean } = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-chromium-'));
  // A fresh profile per run; Playwright takes it as the persistent-context folder (--user-data-dir).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    javaScriptEnabled: options.javaScript ?? true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    newPage: async (viewport = { width: 1280, height: 900 }) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
