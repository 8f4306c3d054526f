/**
 * A named SQL query with positional parameters, runnable unchanged by native DuckDB
 * (@duckdb/node-api) and DuckDB-WASM. Every parameter is text: dates are ISO strings cast in the
 * SQL, lists are comma-separated codes (codes never contain commas: the reference schemas forbid
 * it), so neither runtime needs list or date binding.
 */
export interface SqlQuery<P extends string = string> {
  readonly name: string;
  readonly sql: string;
  /** Parameter names in the order of `$1`, `$2`, ... */
  readonly params: readonly P[];
}

/** The positional values for a query, checked so a missing parameter fails before DuckDB does. */
export function bindParams<P extends string>(query: SqlQuery<P>, values: Readonly<Record<P, string>>): string[] {
  return query.params.map((name) => {
    const value = values[name];
    if (typeof value !== 'string') throw new TypeError(`${query.name}: parameter "${name}" is missing`);
    return value;
  });
}

/** A list parameter: codes joined by commas, rejecting a code that would break the split. */
export function listParam(codes: readonly string[]): string {
  for (const code of codes) checkListCode(code);
  return codes.join(',');
}

/** A list of "code:number" pairs, for per-code settings such as an outcome's sustain months. */
export function pairListParam(pairs: readonly (readonly [code: string, value: number])[]): string {
  return pairs
    .map(([code, value]) => {
      checkListCode(code);
      if (!Number.isFinite(value)) throw new TypeError(`value for "${code}" must be a finite number`);
      return `${code}:${value}`;
    })
    .join(',');
}

function checkListCode(code: string): void {
  if (code.includes(',') || code.includes(':')) throw new TypeError(`code "${code}" cannot be passed in a list parameter`);
}
