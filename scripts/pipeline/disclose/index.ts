/**
 * Disclosure control for the public audience. The board audience gets the unsuppressed tables:
 * the pipeline simply does not call these functions.
 */
export { discloseIndicators } from './indicators.ts';
export { describeRule } from './describe.ts';
export type { DiscloseOptions, IndicatorDiscloseOptions } from './options.ts';
export {
  NO_RELATIONS,
  TABLE_RELATIONS,
  unbalancedRelations,
  type LinkedMeasure,
  type RelationSpec,
  type StockFlow,
} from './relations.ts';
