/** Renders the data dictionary (data/DATA-DICTIONARY.md) from the extract contract. */
import { extracts, type ColumnSpec, type ExtractSpec } from './extracts.ts';
import { limitWords } from './limits.ts';
import { WINDOWS_1252_UNDEFINED } from '../../../src/lib/encoding/windows1252.ts';
import { renderReferenceDictionary } from './reference-dictionary.ts';

const TYPE_WORDS: Record<ColumnSpec['type'], string> = {
  text: 'text',
  code: 'code',
  code_list: 'codes separated by ";"',
  integer: 'whole number',
  decimal: 'number',
  date: 'date (yyyy-mm-dd or dd/mm/yyyy)',
  financial_year: 'financial year (yyyy-yy)',
  period: 'financial quarter or year',
};

const undefinedBytes = WINDOWS_1252_UNDEFINED.map((b) => `0x${b.toString(16).toUpperCase()}`).join(', ');

const cell = (text: string) => text.replaceAll('|', '\\|');

function renderExtract(spec: ExtractSpec): string {
  const rows = spec.columns.map(
    (c) =>
      `| \`${c.name}\` | ${TYPE_WORDS[c.type]} | ${c.required ? 'yes' : 'no'} | ${cell(c.meaning)} | ${cell(c.allowed ?? '')} | \`${c.example}\` |`,
  );
  return [
    `### \`${spec.file}\``,
    '',
    spec.description,
    '',
    `Unique key: ${spec.key.map((k) => `\`${k}\``).join(' + ')}.`,
    '',
    '| Column | Type | Required | Meaning | Allowed values | Example |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...(spec.rules?.length ? ['Rules checked across rows and files (each refuses the row at its line and column unless it says otherwise):', '', ...spec.rules.map((r) => `- \`${r.code}\`: ${cell(r.rule)}`), ''] : []),
  ].join('\n');
}

function renderLimits(): string {
  return [
    '### Limits',
    '',
    'Every extract is refused past these limits, with a message naming the file, the line and the',
    'limit, so that no input, however malformed, can make a run take unbounded time or memory. A',
    'value over the limit rejects its record; any other limit rejects the whole file. Each extract',
    'must also be a plain file of the extracts folder: a symbolic link to a file outside it, a hard',
    'link, a named pipe or a device is refused before a byte of it is read.',
    '',
    '| Limit | Largest accepted |',
    '| --- | --- |',
    ...Object.values(limitWords).map((l) => `| ${l.what} | ${l.limit} |`),
    '',
  ].join('\n');
}

export function renderDataDictionary(): string {
  return [
    '# Data dictionary',
    '',
    '<!-- Generated from scripts/pipeline/contract/extracts.ts by `npm run dictionary`. Do not edit by hand. -->',
    '',
    'An analyst puts these four CSV files in one folder and runs',
    '`npm run data -- --extracts <folder> --audience public`. Each file has a header row with the',
    'column names below (any order; names are not case-sensitive). Files may be UTF-8 (with or',
    'without a byte-order mark) or Windows-1252, as Excel saves them; lines may end in CRLF or LF.',
    `A file that is not UTF-8 and holds a byte Windows-1252 leaves undefined (${undefinedBytes}) is refused.`,
    'Leave optional values empty. Dates may be ISO (`2013-08-14`) or UK (`14/08/2013`). Numbers are',
    'plain digits with a full stop for decimals (`1234.5`): no thousands separators, currency or',
    'percent signs, or exponents (`8e2`, Excel\'s Scientific format); 10^15 or more is refused.',
    '',
    'Extracts must be anonymised before they reach this project. The pipeline refuses, before it',
    'writes anything, any file with a column or value that looks like a direct identifier: names,',
    'dates of birth, addresses, full postcodes, NHS numbers, Unique Pupil Numbers, National',
    'Insurance numbers, email addresses or phone numbers.',
    '',
    'Reference data (localities, the indicator catalogue, programme settings) lives in',
    '`data/reference/` and is validated against the schemas in `src/lib/reference/schema.ts`; its',
    'fields are described at the end of this page.',
    '',
    '## The extracts',
    '',
    ...extracts.map(renderExtract),
    renderLimits(),
    renderReferenceDictionary(),
  ].join('\n');
}
