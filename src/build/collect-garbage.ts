import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, where the engine allows it. Between render shards, the pages of the
 * shard just written are garbage, but V8 collects lazily up to its heap limit: measured at 10,000
 * articles in 20 shards, the process reached 2.6 GB without it and 1.2 GB with it (at some 8 s of
 * collecting), while Pagefind, a separate process with its own memory, indexed beside it. Node
 * only exposes `gc` under --expose-gc; setting the flag at run time and fetching `gc` from a fresh
 * context is the usual way to reach it from a program started without it (`node bin/chronicle.js`).
 * Node warns that flags set after start-up may not take effect; if `gc` is not there, nothing is
 * collected early and the build only uses more memory.
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;

export function collectGarbage(): void {
  gc?.();
}
