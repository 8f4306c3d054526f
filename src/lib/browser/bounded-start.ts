/**
 * A start that cannot keep the page waiting for ever. DuckDB-WASM can hang rather than fail:
 * its worker swallows a failed worker script, and a download held open by a proxy never ends.
 * The page shows its static view meanwhile, so giving up only costs the interactive view; the
 * message says why. Two limits: the engine must begin to arrive within `firstByteMs`, and be
 * ready within `totalMs` in all, however slowly it downloads or compiles.
 */
export interface StartLimits {
  readonly firstByteMs: number;
  readonly totalMs: number;
}

/** Generous for the engine's 8 MB (compressed) download and compile on a slow council network. */
export const ENGINE_START_LIMITS: StartLimits = { firstByteMs: 20_000, totalMs: 120_000 };

/** Says a duration the way the page's messages do: "20 seconds", "2 minutes". */
export function durationWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0 && seconds >= 120) return `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** What the start is given to report with. */
export interface StartControl {
  /** The first bytes have arrived: from here only the total limit applies. */
  arriving(): void;
  /** Rejects the start at once, with this reason (a worker's error event, say). */
  fail(error: unknown): void;
}

/**
 * Runs `start` under the limits. On a timeout or `fail`, `giveUp` runs (terminate the worker)
 * and the returned promise rejects with a reason a reader can act on; a late result is dropped.
 */
export function boundedStart<T>(
  what: string,
  start: (control: StartControl) => Promise<T>,
  limits: StartLimits,
  giveUp: () => void = () => {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void, failed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(firstByte);
      clearTimeout(total);
      if (failed) giveUp();
      outcome();
    };
    const fail = (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error))), true);
    const firstByte = setTimeout(() => fail(new Error(`${what} did not begin to download within ${durationWords(limits.firstByteMs)}`)), limits.firstByteMs);
    const total = setTimeout(() => fail(new Error(`${what} did not start within ${durationWords(limits.totalMs)}`)), limits.totalMs);
    try {
      start({ arriving: () => clearTimeout(firstByte), fail }).then(
        (value) => finish(() => resolve(value), false),
        (error: unknown) => fail(error),
      );
    } catch (error) {
      fail(error);
    }
  });
}
