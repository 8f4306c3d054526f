/**
 * Arquero's types for the row and params objects of a table expression. Its expression type
 * also accepts strings and "stringable" objects, so callbacks get no contextual types and
 * are annotated with these instead.
 */
export type { Struct as Datum, Params } from 'arquero/dist/types/table/types.js';
