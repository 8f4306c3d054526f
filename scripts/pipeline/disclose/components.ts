/**
 * Connected components of the unknown cells, joined by the relations they share. Cells only
 * ever become unknown, so components only merge: a union-find kept across rounds of the exact
 * check costs a little per new unknown instead of a pass over the whole table per round.
 */

/** What joins cells here: only a relation's variables (secondary.ts's ProtectRelation has them). */
interface RelationVars {
  readonly vars: readonly number[];
}

export class UnknownComponents {
  private readonly parent: Int32Array;
  private readonly members = new Map<number, number[]>();

  constructor(
    n: number,
    private readonly relations: readonly RelationVars[],
    private readonly relsOf: readonly (readonly number[])[],
    private readonly unknown: readonly boolean[],
  ) {
    this.parent = new Int32Array(n).map((_, i) => i);
    for (let v = 0; v < n; v++) if (unknown[v]) this.add(v);
  }

  /** Call once `unknown[v]` has become true. */
  add(v: number): void {
    if (this.members.has(v) || this.find(v) !== v) return;
    this.members.set(v, [v]);
    for (const k of this.relsOf[v] as number[]) {
      for (const u of (this.relations[k] as RelationVars).vars) if (u !== v && this.unknown[u] && this.members.has(this.find(u))) this.union(v, u);
    }
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x] as number] as number;
      x = p[x] as number;
    }
    return x;
  }

  /** Members of the component holding v, in index order. */
  membersOf(v: number): number[] {
    return [...(this.members.get(this.find(v)) ?? [])].sort((a, b) => a - b);
  }

  /** Relations touching the component holding v, in index order. */
  relationsOf(v: number): number[] {
    const seen = new Set<number>();
    for (const m of this.members.get(this.find(v)) ?? []) for (const k of this.relsOf[m] as number[]) seen.add(k);
    return [...seen].sort((a, b) => a - b);
  }

  private union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    let ma = this.members.get(ra) as number[];
    let mb = this.members.get(rb) as number[];
    if (ma.length < mb.length) {
      [ra, rb] = [rb, ra];
      [ma, mb] = [mb, ma];
    }
    this.parent[rb] = ra;
    for (const m of mb) ma.push(m);
    this.members.delete(rb);
  }
}
