import type { ChildProcess } from 'node:child_process';

/**
 * Makes a crash of Pagefind's binary a failure instead of a hang.
 *
 * Pagefind's Node API runs its binary as a child process and settles each call when the binary
 * answers. The binary panics on some inputs; the API listens for the process's `error` event but
 * not for its `exit`, so every call still waiting then waits forever. `chronicle build` ended with
 * Node's exit code 13 ("unsettled top-level await"), no word of what happened, and its staging
 * folder left behind; the dev server's rebuild never finished. Nothing in the API can be given a
 * timeout instead: indexing a large site legitimately takes minutes.
 *
 * This adds the missing listener. When the binary exits while the API still counts on it, the
 * service is closed, which rejects every waiting call with "Pagefind backend closed".
 *
 * The service class is not exported (the package's `exports` name only its main module), so it is
 * imported by its file beside the main module, which is the very module instance the API uses.
 */
interface PagefindService {
  backend: ChildProcess | null;
  close(error?: Error): void;
  sendMessage(...args: unknown[]): unknown;
}

const serviceUrl = new URL('service.js', import.meta.resolve('pagefind'));
const { PagefindService } = (await import(serviceUrl.href)) as { PagefindService: { prototype: PagefindService } };

const watched = new WeakSet<ChildProcess>();
const send = PagefindService.prototype.sendMessage;

PagefindService.prototype.sendMessage = function (this: PagefindService, ...args: unknown[]): unknown {
  const backend = this.backend;
  if (backend && !watched.has(backend)) {
    watched.add(backend);
    backend.once('exit', () => {
      if (this.backend === backend) this.close();
    });
  }
  return send.apply(this, args);
};

/** The rejection of a call that was waiting when the binary stopped, or made after it had. */
export function isPagefindGone(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /Pagefind backend closed|backend is closed/.test(text);
}
