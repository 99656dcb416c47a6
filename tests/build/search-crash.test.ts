import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.ts';
import { listFiles } from '../helpers/site-files.ts';

const FIXTURE = 'tests/fixtures/archive';

/** Pagefind's own binary, found as its Node API finds it. */
function pagefindBinary(): string {
  const require = createRequire(fileURLToPath(import.meta.resolve('pagefind')));
  return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
}

/**
 * Pagefind's binary panics on some inputs. Its Node API then never answered the calls waiting on
 * it: `chronicle build` ended with Node's exit code 13, no message and a staging folder left
 * behind. Stand-ins for the binary (Pagefind reads its path from PAGEFIND_EXTENDED_BINARY_PATH)
 * crash it at two moments: on the first message, and mid-way through the pages.
 */
describe('a build whose search indexer crashes', () => {
  let work: string;
  let site: string;
  let before_: string[];

  const stubs = {
    // As the real binary does when it panics: a message on stderr, exit code 101.
    panicsAtOnce: `#!/bin/sh\nhead -c 1 > /dev/null\necho "thread 'main' panicked at src/service.rs:1:1:" >&2\necho "simulated panic" >&2\nexit 101\n`,
    // The real binary, killed once it has been sent 1,500 bytes: after the index is made, amid the pages.
    killedMidWay: `#!/bin/sh\ndir=$(mktemp -d)\nmkfifo "$dir/in"\n"${pagefindBinary()}" "$@" < "$dir/in" & pid=$!\ndd bs=1 count=1500 of="$dir/in" 2>/dev/null\nkill -9 $pid 2>/dev/null\nrm -rf "$dir"\nexit 137\n`,
  };

  const buildWith = (stub: string) =>
    runCli(['build', '--content', FIXTURE, '--output', site], undefined, '', {
      CHRONICLE_CACHE: 'off',
      PAGEFIND_EXTENDED_BINARY_PATH: path.join(work, stub),
      PAGEFIND_BINARY_PATH: path.join(work, stub),
    });

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-search-crash-'));
    site = path.join(work, 'site');
    for (const [name, script] of Object.entries(stubs)) {
      await writeFile(path.join(work, name), script);
      await chmod(path.join(work, name), 0o755);
    }
    const first = await runCli(['build', '--content', FIXTURE, '--output', site], undefined, '', { CHRONICLE_CACHE: 'off' });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    before_ = await listFiles(site);
  });

  after(async () => rm(work, { recursive: true, force: true }));

  for (const stub of Object.keys(stubs)) {
    it(`should fail with a clear message and leave the site as it was (${stub})`, async () => {
      const result = await buildWith(stub);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stderr, /Build failed: Pagefind could not (create the search index|index the pages):\nPagefind's indexing process stopped \(it crashed or was killed/);
      assert.match(result.stderr, /was left as it was/);
      // (Pagefind's API may print its own complaint, with a stack, above ours.)
      assert.doesNotMatch(result.stderr.slice(result.stderr.indexOf('Build failed:')), /^\s+at /m, 'no stack trace: the message says it all');
      assert.deepEqual(await listFiles(site), before_);
      // No staging folder of the failed build, no scratch folder of its search index.
      assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.')), []);
    });
  }
});
