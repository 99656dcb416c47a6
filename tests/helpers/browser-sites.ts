import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';
import { runCli } from './run-cli.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface BrowserSites {
  /** A fresh folder for this block's sites and content. */
  readonly workDir: string;
  /** One Chromium page for the whole block. */
  readonly page: Page;
  /** Every site served so far, in the order built. */
  readonly servers: readonly StaticServer[];
  /** Builds `content` (the sample archive by default) with `chronicle build` into `workDir/name` and serves it under `prefix`. */
  build(name: string, options?: { content?: string; args?: string[]; prefix?: string }): Promise<{ site: string; server: StaticServer }>;
}

/**
 * A describe block's browser, its page and the sites it builds and serves, all set up before the
 * block's tests and closed and removed after them. Call it inside `describe`.
 */
export function browserSites(folderPrefix: string): BrowserSites {
  let workDir = '';
  let chromium: LaunchedBrowser | undefined;
  let page: Page | undefined;
  const servers: StaticServer[] = [];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
    chromium = await launchChromium();
    page = await chromium.newPage();
  });

  after(async () => {
    await chromium?.close();
    await Promise.all(servers.map((server) => server.close()));
    await rm(workDir, { recursive: true, force: true });
  });

  return {
    get workDir() {
      return workDir;
    },
    get page() {
      if (!page) throw new Error('browserSites: the page is opened in `before`; use it inside a test');
      return page;
    },
    servers,
    async build(name, { content = 'content', args = [], prefix = '/' } = {}) {
      const site = path.join(workDir, name);
      const run = await runCli(['build', '--content', content, '--output', site, ...args]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const server = await serveStatic(site, prefix);
      servers.push(server);
      return { site, server };
    },
  };
}
