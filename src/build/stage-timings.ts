/**
 * Wall time of each stage of a build, in seconds, as `chronicle build` prints it and the benchmark
 * records it: load (read and validate the content), extract (names, dates, happenings), link
 * (events and the archive's indexes), render (Eleventy) and index (Pagefind).
 */
export const STAGES = ['load', 'extract', 'link', 'render', 'index'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimings = Partial<Record<Stage, number>>;

/** Runs one stage and adds its wall time to `timings`. */
export async function timed<T>(timings: StageTimings, stage: Stage, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - started) / 1000;
  }
}

export function formatTimings(timings: StageTimings): string {
  return STAGES.filter((stage) => timings[stage] !== undefined)
    .map((stage) => `${stage} ${timings[stage]!.toFixed(1)}s`)
    .join(' · ');
}
