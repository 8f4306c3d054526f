/** The shapes DataTable (and Figure's "Show as table") accept: declared in src/lib/tables. */
export type { CellValue, Flagged, TableColumn, TableRow } from '../../lib/tables/cells.ts';
