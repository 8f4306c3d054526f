/** Aggregation stage: validated tables in DuckDB to the long count and indicator rows. */
export { aggregateCounts, type CountTable } from './aggregate-counts.ts';
export { aggregateIndicators } from './aggregate-indicators.ts';
export type { AggregationReference, QuarterRange } from './reference.ts';
