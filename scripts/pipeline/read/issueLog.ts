/**
 * Collects data issues with exact counts but a bounded list of details: a file with a million
 * bad rows must not produce a million-entry report, yet the counts must still be exact.
 */
import type { DataIssue, Severity } from '../issues.ts';

/** Detailed issues kept per file and code; counts are always exact. */
export const DETAIL_CAP = 1000;

export interface IssueCount {
  readonly file: string;
  readonly code: string;
  readonly severity: Severity;
  readonly count: number;
}

export class IssueLog {
  private readonly details: DataIssue[] = [];
  private readonly tally = new Map<string, { file: string; code: string; severity: Severity; count: number }>();

  constructor(private readonly cap = DETAIL_CAP) {}

  add(issue: DataIssue): void {
    const key = `${issue.file}\u0000${issue.code}\u0000${issue.severity}`;
    const entry = this.tally.get(key) ?? { file: issue.file, code: issue.code, severity: issue.severity, count: 0 };
    entry.count++;
    this.tally.set(key, entry);
    if (entry.count <= this.cap) this.details.push(issue);
  }

  get issues(): DataIssue[] {
    return sortIssues([...this.details]);
  }

  get counts(): IssueCount[] {
    return sortCounts([...this.tally.values()].map((c) => ({ ...c })));
  }

  get errors(): number {
    let n = 0;
    for (const c of this.tally.values()) if (c.severity === 'error') n += c.count;
    return n;
  }
}

/** File, line, column, code: the order a person reads a report in. */
export function sortIssues(issues: DataIssue[]): DataIssue[] {
  return issues.sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

export function sortCounts(counts: IssueCount[]): IssueCount[] {
  return counts.sort((a, b) => compare(a.file, b.file) || compare(a.code, b.code) || compare(a.severity, b.severity));
}

/** Sums counts that share file, code and severity. */
export function mergeCounts(...lists: readonly (readonly IssueCount[])[]): IssueCount[] {
  const merged = new Map<string, IssueCount>();
  for (const list of lists) {
    for (const c of list) {
      const key = `${c.file}\u0000${c.code}\u0000${c.severity}`;
      const prior = merged.get(key);
      merged.set(key, prior ? { ...prior, count: prior.count + c.count } : { ...c });
    }
  }
  return sortCounts([...merged.values()]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
