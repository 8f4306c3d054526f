/** Progress lines on stderr for steps that can take more than a moment; silent with --quiet. */
import { formatCount } from '../../src/lib/format/number.ts';

export interface Progress {
  step<T>(label: string, work: () => Promise<T>): Promise<T>;
  info(message: string): void;
}

export function createProgress(quiet: boolean, write: (line: string) => void = (l) => process.stderr.write(l)): Progress {
  return {
    async step(label, work) {
      const start = performance.now();
      if (!quiet) write(`- ${label}…\n`);
      const result = await work();
      if (!quiet) write(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
      return result;
    },
    info(message) {
      if (!quiet) write(`${message}\n`);
    },
  };
}

/** "1 row" or "239,579 rows", for progress lines. */
export function rowCount(rows: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;
}
