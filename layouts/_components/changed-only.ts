import type { ArchiveChanges } from '../../src/archive/archive-changes.ts';

/**
 * An Eleventy pagination `before` hook: after an edit in the dev server, keep only the pages the
 * edit touched (`changes`, see src/archive/archive-changes.ts); otherwise every page. Pages not
 * rendered again stay in the output folder as they were, which is what they would have been.
 */
export function changedOnly<T>(keyOf: (item: T) => string) {
  return (items: T[], data: { changes?: ArchiveChanges }): T[] => {
    const changes = data.changes;
    return changes ? items.filter((item) => changes.has(keyOf(item))) : items;
  };
}
