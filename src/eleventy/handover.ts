import type { ArchiveChanges } from '../archive/archive-changes.ts';
import type { Archive } from '../archive/archive.ts';

/**
 * What the dev server hands the next Eleventy run in the same process: the archive it has already
 * loaded and, after an article edit, the pages that edit touched. Handing them over (instead of
 * each run loading the content folder again) means that the pages rendered and the changes worked
 * out belong to one and the same archive, even when the editor saves again while a run is under
 * way; the next run picks that save up.
 *
 * Eleventy builds its global data inside the run, so there is no argument to pass these through;
 * a module-level slot read by src/eleventy/archive-plugin.ts is the narrowest channel there is.
 */
export interface Handover {
  archive: Archive;
  /** Absent: render every page (the first build, or an edit the changes cannot describe). */
  changes: ArchiveChanges | undefined;
}

let current: Handover | undefined;

/** Sets what the following Eleventy runs render; `undefined` lets them load the content themselves. */
export function handOver(handover: Handover | undefined): void {
  current = handover;
}

export function handedOver(): Handover | undefined {
  return current;
}
