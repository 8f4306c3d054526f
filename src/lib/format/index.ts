/** Formatting for everything the site shows: numbers, dates, changes, statuses and GSS symbols. */
export { formatCount, formatMoney, formatNumber, formatPercent } from './number.ts';
export { formatDate } from './date.ts';
export { formatInUnit, formatValue, type FormatUnit, type FormatValueOptions } from './value.ts';
export { changeDirection, formatChange, type ChangeDirection, type FormatChangeOptions } from './change.ts';
export { formatStatus, isStatus, STATUSES, STATUS_LABELS, type Status } from './status.ts';
export { isGssFlag, splitSymbols, symbolsIn, SYMBOL_MEANINGS, SYMBOL_ORDER, type SymbolMeaning, type TextPart } from './symbols.ts';
export { csvFlag, csvValue, toCsv, type CsvColumn } from './csv.ts';
