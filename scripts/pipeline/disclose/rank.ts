/**
 * Exact linear algebra for the recoverability test.
 *
 * A suppressed cell can be worked out from published figures exactly when its unit vector lies
 * in the row space of the relation matrix restricted to the unknown cells. We bring that matrix
 * to reduced row echelon form (RREF) over the rationals, without fractions: rows are kept as
 * primitive integer vectors (divided by the gcd of their entries after every step), which keeps
 * the entries of these ±1 relation matrices tiny in practice. Arithmetic runs on doubles while
 * every intermediate result is a safe integer and restarts in BigInt the moment one is not, so
 * the answer is always exact; floating point or a single modular prime could not promise that.
 */

/** One relation restricted to the unknown cells: parallel arrays, columns strictly increasing. */
export interface SparseRow {
  readonly cols: readonly number[];
  readonly coefs: readonly number[];
}

interface Ring<T> {
  readonly zero: T;
  from(n: number): T;
  isZero(a: T): boolean;
  mul(a: T, b: T): T;
  sub(a: T, b: T): T;
  gcd(a: T, b: T): T;
  div(a: T, b: T): T;
  isOne(a: T): boolean;
}

class Overflow extends Error {}

function checked(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Overflow();
  return n;
}

const NUMBER_RING: Ring<number> = {
  zero: 0,
  from: (n) => n,
  isZero: (a) => a === 0,
  mul: (a, b) => checked(a * b),
  sub: (a, b) => checked(a - b),
  gcd: (a, b) => {
    let x = Math.abs(a);
    let y = Math.abs(b);
    while (y !== 0) [x, y] = [y, x % y];
    return x;
  },
  div: (a, b) => a / b,
  isOne: (a) => a === 1,
};

const BIGINT_RING: Ring<bigint> = {
  zero: 0n,
  from: (n) => BigInt(n),
  isZero: (a) => a === 0n,
  mul: (a, b) => a * b,
  sub: (a, b) => a - b,
  gcd: (a, b) => {
    let x = a < 0n ? -a : a;
    let y = b < 0n ? -b : b;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  },
  div: (a, b) => a / b,
  isOne: (a) => a === 1n,
};

interface Row<T> {
  cols: number[];
  vals: T[];
}

/** a·target − b·pivot, where b is target's entry and a pivot's entry in column `col`; then made primitive. */
function eliminate<T>(ring: Ring<T>, target: Row<T>, pivot: Row<T>, col: number): Row<T> {
  const a = pivot.vals[pivot.cols.indexOf(col)] as T;
  const b = target.vals[target.cols.indexOf(col)] as T;
  const cols: number[] = [];
  const vals: T[] = [];
  let i = 0;
  let j = 0;
  while (i < target.cols.length || j < pivot.cols.length) {
    const ci = i < target.cols.length ? (target.cols[i] as number) : Infinity;
    const cj = j < pivot.cols.length ? (pivot.cols[j] as number) : Infinity;
    let v: T;
    let c: number;
    if (ci === cj) {
      v = ring.sub(ring.mul(a, target.vals[i] as T), ring.mul(b, pivot.vals[j] as T));
      c = ci;
      i++;
      j++;
    } else if (ci < cj) {
      v = ring.mul(a, target.vals[i] as T);
      c = ci;
      i++;
    } else {
      v = ring.sub(ring.zero, ring.mul(b, pivot.vals[j] as T));
      c = cj;
      j++;
    }
    if (!ring.isZero(v)) {
      cols.push(c);
      vals.push(v);
    }
  }
  return primitive(ring, { cols, vals });
}

function primitive<T>(ring: Ring<T>, row: Row<T>): Row<T> {
  let g = ring.zero;
  for (const v of row.vals) {
    g = ring.gcd(g, v);
    if (ring.isOne(g)) return row;
  }
  if (ring.isZero(g)) return row;
  return { cols: row.cols, vals: row.vals.map((v) => ring.div(v, g)) };
}

/**
 * Incremental Gauss-Jordan: each new row is reduced by the pivots so far, takes a pivot, and
 * that pivot column is then cleared from the earlier rows, so the pivot rows stay in RREF.
 * Returns the pivot rows keyed by their pivot column.
 */
function rref<T>(ring: Ring<T>, rows: readonly SparseRow[]): Map<number, Row<T>> {
  const pivots = new Map<number, Row<T>>();
  // Non-pivot column -> pivot columns whose rows hold it, to find the rows to clear quickly.
  const holders = new Map<number, Set<number>>();
  const index = (p: number, row: Row<T>, add: boolean): void => {
    for (const c of row.cols) {
      if (c === p) continue;
      let set = holders.get(c);
      if (!set) holders.set(c, (set = new Set()));
      if (add) set.add(p);
      else set.delete(p);
    }
  };

  for (const input of rows) {
    let row: Row<T> = primitive(ring, { cols: [...input.cols], vals: input.coefs.map((v) => ring.from(v)) });
    // Pivot rows hold no other pivot column, so one pass over the row's own pivot columns suffices.
    for (const c of input.cols) {
      const p = pivots.get(c);
      if (p && row.cols.includes(c)) row = eliminate(ring, row, p, c);
    }
    if (row.cols.length === 0) continue;
    // Pivot on the column held by the fewest earlier rows: least back-substitution and fill-in.
    let pivotCol = row.cols[0] as number;
    let best = Infinity;
    for (const c of row.cols) {
      const n = holders.get(c)?.size ?? 0;
      if (n < best) {
        best = n;
        pivotCol = c;
      }
    }
    const toClear = [...(holders.get(pivotCol) ?? [])].sort((x, y) => x - y);
    for (const q of toClear) {
      const old = pivots.get(q) as Row<T>;
      index(q, old, false);
      const cleared = eliminate(ring, old, row, pivotCol);
      pivots.set(q, cleared);
      index(q, cleared, true);
    }
    holders.delete(pivotCol);
    pivots.set(pivotCol, row);
    index(pivotCol, row, true);
  }
  return pivots;
}

function determinedIn<T>(ring: Ring<T>, rows: readonly SparseRow[]): number[] {
  const out: number[] = [];
  // In RREF, e_c is in the row space iff c is a pivot whose row has no entry in a free column.
  for (const [c, row] of rref(ring, rows)) if (row.cols.length === 1) out.push(c);
  return out.sort((x, y) => x - y);
}

/**
 * Columns whose value the rows pin down exactly: c is returned iff
 * rank(A) − rank(A without column c) = 1, i.e. the unit vector e_c is in the row space of A.
 */
export function determinedColumns(rows: readonly SparseRow[]): number[] {
  try {
    return determinedIn(NUMBER_RING, rows);
  } catch (err) {
    if (!(err instanceof Overflow)) throw err;
    return determinedIn(BIGINT_RING, rows);
  }
}

/** The same answer computed in BigInt only; exported so tests can pin both paths to each other. */
export function determinedColumnsBigInt(rows: readonly SparseRow[]): number[] {
  return determinedIn(BIGINT_RING, rows);
}

/** Exact rank of the rows. */
export function exactRank(rows: readonly SparseRow[]): number {
  try {
    return rref(NUMBER_RING, rows).size;
  } catch (err) {
    if (!(err instanceof Overflow)) throw err;
    return rref(BIGINT_RING, rows).size;
  }
}
