/**
 * During an ingest, the names its documents add are written to the full-text index every few
 * seconds, in one transaction for many documents (see src/graph/name-index.ts), and once more at
 * its end. A search in the meantime indexes what is still pending itself, so this only keeps that
 * work small.
 */

/** How often an ingest indexes the names its documents added (ANNALS_NAME_INDEX_MS). */
export function nameIndexInterval(): number {
  const n = Number(process.env.ANNALS_NAME_INDEX_MS ?? 2000);
  return Number.isFinite(n) && n >= 0 ? n : 2000;
}

export interface Periodic {
  /**
   * Stops the timer, waits for a run under way and runs the task once more; that last run's failure
   * is thrown. (A failed run stops the timer; the last run does its work again.)
   */
  finish(): Promise<void>;
  /** Stops the timer and waits for a run under way; failures are dropped (the caller is failing already). */
  cancel(): Promise<void>;
}

/** Runs `task` every `ms` milliseconds (never two at once) until finished or cancelled. */
export function periodically(task: () => Promise<unknown>, ms: number): Periodic {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task().then(
        () => schedule(),
        () => undefined,
      );
    }, ms);
    timer.unref();
  };
  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
  schedule();
  return {
    async finish() {
      await stop();
      await task();
    },
    async cancel() {
      await stop();
    },
  };
}
