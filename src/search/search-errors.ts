import { isPagefindGone } from './pagefind-exit.ts';

/** The search index could not be made; the message says why in full, so no stack is shown with it. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * What went wrong with Pagefind, in words. Its Node API does not always reject with an Error: a
 * call made after its indexing binary stopped throws "Cannot send message, backend is closed:
 * [object Object]" (the request object pasted into the text), and other failures reject with
 * plain strings. Printing `String(error)` of those is how "[object Object]" reached the terminal.
 */
export function describeSearchError(error: unknown): string {
  const text = messageOf(error);
  if (isPagefindGone(error)) {
    return 'Pagefind\'s indexing process stopped (it crashed or was killed; its own words, if any, are printed above) before the index was written; the next build starts a new one';
  }
  return text;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : `\n  caused by: ${messageOf(error.cause)}`;
    return `${error.message}${cause}`;
  }
  if (typeof error === 'string') return error;
  try {
    const json = JSON.stringify(error);
    if (json !== undefined && json !== '{}') return json;
  } catch {
    // A circular object: fall through to its own description.
  }
  return Object.prototype.toString.call(error) === '[object Object]' ? 'an unknown error (Pagefind gave no message)' : String(error);
}
