/** SQL shared by native DuckDB (pipeline, build) and DuckDB-WASM (browser). */
export { bindParams, listParam, pairListParam, type SqlQuery } from './query.ts';
export {
  periodEndExclusiveSql,
  periodStartSql,
  quarterLabelSql,
  quarterStartOfLabelSql,
  quarterStartSql,
} from './financial-quarter.ts';
export { COUNT_PARAMS, type CountParam } from './count-grid.ts';
export { programmeCounts } from './programme-counts.ts';
export { criteriaCounts } from './criteria-counts.ts';
export { outcomeCounts } from './outcome-counts.ts';
export { claimCounts } from './claim-counts.ts';
export { areaIndicators } from './area-indicators.ts';
