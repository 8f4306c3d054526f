/**
 * Secondary (complementary) suppression: withhold enough further cells that no suppressed cell
 * can be worked out from published ones through the declared relations.
 *
 * 1. Fixpoint: a relation with exactly one unknown cell gives that cell away, so another cell of
 *    the relation is suppressed, and so on until no relation has a lone suppressed cell.
 * 2. Exact check: a cell can still fall out of several relations together (the classic 2×2
 *    table plus a time difference). Per connected component of unknown cells, the relations are
 *    reduced exactly (rank.ts); a suppressed cell whose unit vector is in their row space is
 *    recoverable, and the nearest published cell (its own relations first) is suppressed.
 *    Back to 1, until the check finds nothing.
 * Every choice is by variable index, which callers order by key, so the result is deterministic.
 */
import { UnknownComponents } from './components.ts';
import { determinedColumns, type SparseRow } from './rank.ts';

export interface ProtectVariable {
  /** Value used to pick complements; null when the public never sees it (not available). */
  readonly value: number | null;
  /** Suppressed by the primary rule. */
  readonly primary: boolean;
  /** A total (authority, or the "all" breakdown): the most useful figure, suppressed last. */
  readonly isTotal: boolean;
  /** May be suppressed as a complement. */
  readonly eligible: boolean;
}

export interface ProtectRelation {
  /** Σ coefs·variable = 0; variables distinct. */
  readonly vars: readonly number[];
  readonly coefs: readonly number[];
}

export interface ProtectResult {
  /** Per variable: withheld by the primary or the secondary rule. */
  readonly suppressed: readonly boolean[];
  /** Withheld beyond the primary rule and its companions. */
  readonly secondaryCount: number;
  /** Rounds of the exact check that found something to fix; for the performance report. */
  readonly exactRounds: number;
}

/**
 * `companions` are [leader, follower] pairs: whenever the leader is suppressed the follower is
 * too (a claim amount with its count), whatever the relations say.
 */
export function protect(
  vars: readonly ProtectVariable[],
  relations: readonly ProtectRelation[],
  companions: ReadonlyArray<readonly [number, number]> = [],
  /** False: the fixpoint only, for a caller whose own audit judges what combinations give away. */
  exactCheck = true,
): ProtectResult {
  const n = vars.length;
  const followersOf: number[][] = Array.from({ length: n }, () => []);
  for (const [leader, follower] of companions) followersOf[leader]?.push(follower);
  const suppressed = vars.map((v) => v.primary && v.value !== null);
  for (let i = 0; i < n; i++) if (suppressed[i]) closeOver(i, suppressed, followersOf, vars);
  const unknown = vars.map((v, i) => v.value === null || (suppressed[i] as boolean));
  const relsOf: number[][] = Array.from({ length: n }, () => []);
  relations.forEach((r, k) => r.vars.forEach((v) => relsOf[v]?.push(k)));
  const unknownCount = relations.map((r) => r.vars.filter((v) => unknown[v]).length);
  const primaryCount = suppressed.filter(Boolean).length;
  // Variables that became unknown since the last exact check: only their components can change.
  let fresh = new Set<number>();
  suppressed.forEach((s, i) => s && fresh.add(i));

  // A not-available cell is not ours to protect, and a zero withheld only as a companion (a nil
  // amount beside a suppressed count) would be published anyway: only non-zero values must hide.
  const mustHide = (v: number) => suppressed[v] === true && (vars[v] as ProtectVariable).value !== 0;
  // Zeros are never complements: a reader who knows the tariff or the structure can often tell
  // a zero anyway, and one is never needed, since a relation that holds and gives away a
  // non-zero cell must contain a published non-zero cell.
  const isPublishedCandidate = (v: number) => !unknown[v] && (vars[v] as ProtectVariable).eligible && (vars[v] as ProtectVariable).value !== 0;
  const suppress = (v: number, queue: number[]) => {
    if (suppressed[v]) return;
    suppressed[v] = true;
    unknown[v] = true;
    fresh.add(v);
    for (const k of relsOf[v] as number[]) {
      unknownCount[k] = (unknownCount[k] as number) + 1;
      queue.push(k);
    }
    for (const f of followersOf[v] as number[]) if ((vars[f] as ProtectVariable).value !== null) suppress(f, queue);
  };

  const fixpoint = (queue: number[]) => {
    while (queue.length > 0) {
      const k = queue.pop() as number;
      if (unknownCount[k] !== 1) continue;
      const r = relations[k] as ProtectRelation;
      const lone = r.vars.find((v) => unknown[v]) as number;
      if (!mustHide(lone)) continue;
      const pick = chooseComplement(vars, r.vars.filter(isPublishedCandidate));
      if (pick === undefined) {
        // Without the exact check the caller's own audit judges the cell; with it, this is a contradiction.
        if (!exactCheck) continue;
        throw inconsistent(lone);
      }
      suppress(pick, queue);
    }
  };

  fixpoint(relations.map((_, k) => k).reverse());

  /**
   * A complement as close to the target as possible: from the target's own relations, else
   * from relations one unknown cell further away, and so on. Far-off cells rarely break the
   * combination of relations that gives the target away.
   */
  const nearestComplement = (target: number): number | undefined => {
    const seenVars = new Set([target]);
    const seenRels = new Set<number>();
    let frontier = [target];
    while (frontier.length > 0) {
      const layer = frontier.flatMap((v) => (relsOf[v] as number[]).filter((k) => !seenRels.has(k)));
      layer.forEach((k) => seenRels.add(k));
      const pick = chooseComplement(vars, layer.flatMap((k) => (relations[k] as ProtectRelation).vars.filter(isPublishedCandidate)));
      if (pick !== undefined) return pick;
      frontier = [];
      for (const k of layer) {
        for (const v of (relations[k] as ProtectRelation).vars) {
          if (unknown[v] && !seenVars.has(v)) {
            seenVars.add(v);
            frontier.push(v);
          }
        }
      }
    }
    return undefined;
  };

  const comps = new UnknownComponents(n, relations, relsOf, unknown);
  let exactRounds = 0;
  while (exactCheck) {
    const dirty = [...fresh].sort((a, b) => a - b);
    fresh = new Set();
    for (const v of dirty) comps.add(v);
    const queue: number[] = [];
    const done = new Set<number>();
    // One component at a time, in order of first dirty member; a pick may merge components,
    // and a merged one is simply checked again next round.
    const roots = [...new Set(dirty.map((v) => comps.find(v)))];
    for (const root of roots) {
      if (comps.find(root) !== root || done.has(root)) continue;
      done.add(root);
      const members = comps.membersOf(root);
      if (!members.some(mustHide)) continue;
      const rels = comps.relationsOf(root);
      const recoverable = recoverableIn(members, rels, relations, unknown).filter(mustHide);
      // Fix several cells per round, but skip a cell whose relations already gained an unknown
      // this round: that may have protected it, and the next round will tell.
      const touched = new Set<number>();
      for (const target of recoverable) {
        const own = relsOf[target] as number[];
        if (own.some((k) => touched.has(k))) continue;
        const pick = nearestComplement(target);
        if (pick === undefined) {
          // Earlier picks this round may have used up the candidates; the next round re-checks.
          if (touched.size > 0) continue;
          throw inconsistent(target);
        }
        const before = queue.length;
        suppress(pick, queue);
        for (let i = before; i < queue.length; i++) touched.add(queue[i] as number);
      }
    }
    if (queue.length === 0) break;
    exactRounds++;
    fixpoint(queue);
  }
  return { suppressed, secondaryCount: suppressed.filter(Boolean).length - primaryCount, exactRounds };
}

function closeOver(i: number, suppressed: boolean[], followersOf: readonly number[][], vars: readonly ProtectVariable[]): void {
  for (const f of followersOf[i] as number[]) {
    if (suppressed[f] || (vars[f] as ProtectVariable).value === null) continue;
    suppressed[f] = true;
    closeOver(f, suppressed, followersOf, vars);
  }
}

/** Localities before totals, then the smallest value, then the lowest index (key order). */
export function chooseComplement(vars: readonly ProtectVariable[], candidates: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestKey: [number, number, number] | undefined;
  for (const c of candidates) {
    const v = vars[c] as ProtectVariable;
    const k: [number, number, number] = [v.isTotal ? 1 : 0, Math.abs(v.value ?? 0), c];
    if (!bestKey || less(k, bestKey)) {
      best = c;
      bestKey = k;
    }
  }
  return best;
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

function inconsistent(v: number): Error {
  return new Error(
    `Disclosure control: suppressed cell ${v} is fixed by the declared relations alone; the relations do not hold in the data.`,
  );
}

/** Unknown variables of a component that its relations pin down exactly. */
function recoverableIn(members: readonly number[], rels: readonly number[], relations: readonly ProtectRelation[], unknown: readonly boolean[]): number[] {
  const local = new Map<number, number>();
  members.forEach((v, i) => local.set(v, i));
  const rows: SparseRow[] = rels.map((k) => {
    const r = relations[k] as ProtectRelation;
    const entries: Array<[number, number]> = [];
    r.vars.forEach((v, j) => {
      const col = local.get(v);
      if (col !== undefined && unknown[v]) entries.push([col, r.coefs[j] as number]);
    });
    entries.sort((a, b) => a[0] - b[0]);
    return { cols: entries.map((e) => e[0]), coefs: entries.map((e) => e[1]) };
  });
  return determinedColumns(rows).map((c) => members[c] as number);
}
