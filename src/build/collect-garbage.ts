import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, where the engine allows it. Between render shards, the pages of the
 * shard just written are garbage, but V8 collects lazily up to its heap limit: measured at 10,000
 * articles, the process grew to 2.4 GB over seven shards without it, and stayed there while
 * Pagefind (a separate process with its own memory) indexed the site. Node only exposes `gc` under
 * --expose-gc; setting the flag at run time and fetching `gc` from a fresh context is the
 * documented way to reach it from a program started without it (`node bin/chronicle.js`).
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;

export function collectGarbage(): void {
  gc?.();
}
