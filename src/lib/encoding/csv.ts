/** Reading CSV text into records, with the line each starts on. */
export interface CsvRecord {
  /** Line the record starts on (1-based). */
  readonly line: number;
  readonly fields: string[];
}

/**
 * A small RFC 4180 parser for the small CSV files the project reads whole (reference data, a
 * published CSV, a generated extract in a test): quoted fields may hold commas, doubled quotes
 * and line breaks; blank lines are skipped; each record keeps the line it starts on, for error
 * messages. The extracts themselves are read by DuckDB. Clarity beats speed here.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawAny = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      sawAny = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      if (sawAny || field !== '') endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      sawAny = true;
    }
  }
  if (sawAny || field !== '') endRecord();
  return records;
}
