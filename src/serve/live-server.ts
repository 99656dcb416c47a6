import EleventyDevServer from '@11ty/eleventy-dev-server';

export interface LiveServer {
  /** The address it answers at, e.g. http://localhost:8080/ (with the site's path prefix). */
  url: string;
  /** Tells every open page to reload (or, for a stylesheet alone, to swap it). */
  reload(files: readonly string[]): void;
  /** Shows a build problem in the open pages' consoles. */
  sendError(error: Error): void;
  close(): Promise<void>;
}

/**
 * Eleventy's own dev server (the one `eleventy --serve` uses): serves the output folder, injects
 * its live-reload client into every page and tells open pages to reload over a WebSocket. Only the
 * server is used here; building and watching are Chronicle's (src/serve/site-updater.ts).
 * When the port is taken it tries the next ones, as Eleventy does.
 */
export async function startLiveServer(outputDir: string, port: number, pathPrefix: string): Promise<LiveServer> {
  const server = EleventyDevServer.getServer('chronicle', outputDir, {
    pathPrefix,
    // Reload the page rather than patch it: patching needs every changed page's HTML sent to every
    // open tab, and a reload of a local page is quick.
    domDiff: false,
    messageOnStart: () => false,
    logger: { info: () => undefined, log: () => undefined, error: (message) => console.error(`[chronicle] ${message}`) },
  });
  server.serve(port);
  await server.ready();
  return {
    url: server.getServerUrl('localhost'),
    reload: (files) => server.reload({ files: [...files], subtype: files.length > 0 && files.every((file) => file.endsWith('.css')) ? 'css' : undefined, build: { templates: [] } }),
    sendError: (error) => server.sendError({ error }),
    close: () => server.close(),
  };
}
