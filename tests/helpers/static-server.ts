import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  /**
   * Every request the server answered, in order, as the browser made it: also those the browser
   * makes on its own (a favicon), which a page's own network events never show.
   */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** Text a static host compresses when the browser accepts it (Pagefind's own files are gzip already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg']);

/**
 * Serves a built site on 127.0.0.1 the way a static host does (`/x/` → `/x/index.html`, 404 page).
 * A dozen lines of node:http instead of a dependency: tests need nothing more. With `compress`,
 * text goes out gzip-compressed to a browser that accepts it, as hosts serve it (for measuring).
 */
export async function serveStatic(root: string, prefix = '/', options: { compress?: boolean } = {}): Promise<StaticServer> {
  const requests: StaticServer['requests'] = [];
  const server: Server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Under a path prefix, as a host serving the site from a sub-folder: nothing exists outside it.
    const pathname = requested.startsWith(prefix) ? `/${requested.slice(prefix.length)}` : '/\0outside';
    let file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root)) file = path.join(root, '404.html');
    const info = await stat(file).catch(() => undefined);
    const found = info?.isFile() ? file : path.join(root, '404.html');
    requests.push({ path: requested, status: info?.isFile() ? 200 : 404 });
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(found)] ?? 'application/octet-stream' };
    const gzip = options.compress === true && COMPRESSIBLE.has(path.extname(found)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    response.writeHead(info?.isFile() ? 200 : 404, headers);
    (gzip ? createReadStream(found).pipe(createGzip()) : createReadStream(found)).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, '')}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
