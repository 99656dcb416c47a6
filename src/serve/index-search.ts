// The dev server's search indexing, run as a child process by src/serve/search-indexer.ts:
// `node --import tsx src/serve/index-search.ts <site folder>`. Prints `{"pages":N}` when done; on
// failure prints the reason on stderr and exits 1.
import { indexSite } from '../search/pagefind-index.ts';
import { describeSearchError } from '../search/search-errors.ts';

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('usage: index-search.ts <site folder>');
  process.exit(2);
}
try {
  const { pages } = await indexSite(siteDir);
  console.log(JSON.stringify({ pages }));
  // Pagefind's service is closed by indexSite; nothing else keeps the process, but say so plainly.
  process.exit(0);
} catch (error) {
  console.error(describeSearchError(error));
  process.exit(1);
}
