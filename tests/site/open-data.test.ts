/**
 * The public release people can reuse, read from the real built sample site: every published
 * table as CSV and Parquet; a Frictionless datapackage.json valid under the Table Schema rules
 * (checked here with zod: there is no network to fetch the official profiles), whose schemas are
 * the declared columns and describe the files as they are; CSVs equal to the Parquet; the
 * licence, release calendar, revisions log and accessibility statement; and no developer-only
 * component examples.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { decompressZstd } from 'hyparquet-compressors';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { parseCsv } from '../../src/lib/encoding/csv.ts';
import { loadReleaseCalendar, splitCalendar } from '../../src/lib/reference/release-calendar.ts';
import { tableColumns, tableKey } from '../../src/lib/outputs/table-layout.ts';
import { OUTPUT_TABLES, type Manifest, type OutputTable } from '../../src/lib/outputs/tables.ts';
import { formatDate } from '../../src/lib/format/date.ts';

const siteDir = inject('siteDir');
const dataDir = join(siteDir, 'data');
const TABLES = Object.keys(OUTPUT_TABLES) as OutputTable[];
const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as Manifest;

// --- Frictionless rules (Data Package and Table Schema v2), as a zod model -----------------

const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'list', 'any'] as const;
/** A path is a POSIX path inside the package's folder: never absolute, never "..", never another host. */
const relativePath = z.string().min(1).refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !/^[a-z][a-z0-9+.-]*:/i.test(p) && !p.includes('\\'), 'a relative POSIX path inside the package');
const fieldSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  missingValues: z.array(z.string()).optional(),
  constraints: z.strictObject({ required: z.boolean().optional(), unique: z.boolean().optional(), enum: z.array(z.string()).min(1).optional() }).optional(),
});
const tableSchemaSchema = z
  .strictObject({
    $schema: z.url().optional(),
    fields: z.array(fieldSchema).min(1),
    missingValues: z.array(z.string()).optional(),
    primaryKey: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((schema, ctx) => {
    const names = schema.fields.map((f) => f.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'field names must be unique' });
    for (const key of schema.primaryKey ?? []) if (!names.includes(key)) ctx.addIssue({ code: 'custom', message: `primaryKey ${key} is not a field` });
  });
const resourceSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9._-]+$/),
  type: z.literal('table'),
  path: relativePath,
  format: z.string().min(1),
  mediatype: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  encoding: z.string().optional(),
  title: z.string().min(1),
  description: z.string().min(1),
  bytes: z.number().int().positive().optional(),
  hash: z.string().regex(/^(?:[a-z0-9]+:)?[0-9a-f]+$/).optional(),
  schema: tableSchemaSchema,
});
const dataPackageSchema = z
  .strictObject({
    $schema: z.url(),
    name: z.string().regex(/^[a-z0-9._-]+$/),
    title: z.string().min(1),
    description: z.string().min(1),
    created: z.iso.datetime(),
    licenses: z.array(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9._-]+$/), title: z.string().min(1), path: z.url() })).min(1),
    resources: z.array(resourceSchema).min(1),
  })
  .superRefine((pkg, ctx) => {
    const names = pkg.resources.map((r) => r.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'resource names must be unique' });
  });
type TableSchema = z.infer<typeof tableSchemaSchema>;

// --- Reading the files ---------------------------------------------------------------------

function readCsv(file: string): { header: string[]; rows: string[][] } {
  const records = parseCsv(readFileSync(file, 'utf8'));
  return { header: records[0]?.fields ?? [], rows: records.slice(1).map((r) => r.fields) };
}

async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file: buffer, compressors: { ZSTD: (input, length) => decompressZstd(input, new Uint8Array(length)) } });
}

/** A cell's problem under its field's type and missing values (field-level ones replace the schema's), or null. */
function cellProblem(text: string, field: TableSchema['fields'][number], schema: TableSchema): string | null {
  if ((field.missingValues ?? schema.missingValues ?? ['']).includes(text)) return null;
  if (field.constraints?.enum && !field.constraints.enum.includes(text)) return `"${text}" is not in the enum`;
  switch (field.type) {
    case 'number':
      return /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^(?:NaN|-?INF)$/.test(text) ? null : `"${text}" is not a number`;
    case 'integer':
      return /^-?\d+$/.test(text) ? null : `"${text}" is not an integer`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? null : `"${text}" is not an ISO date`;
    case 'boolean':
      return ['true', 'false'].includes(text) ? null : `"${text}" is not a boolean`;
    default:
      return null;
  }
}

const plain = (value: unknown): string | number | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'bigint' ? Number(value) : (value as string | number);

function page(path: string): Document {
  return parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;
}
const text = (doc: Document) => (doc.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ');

// --- Tests ---------------------------------------------------------------------------------

const pkgFile = join(dataDir, 'datapackage.json');
const pkg = dataPackageSchema.parse(JSON.parse(readFileSync(pkgFile, 'utf8')));

describe('open data', () => {
  it('publishes every table as Parquet and CSV', () => {
    for (const table of TABLES) {
      expect(existsSync(join(dataDir, OUTPUT_TABLES[table].file)), table).toBe(true);
      expect(existsSync(join(dataDir, `${table}.csv`)), table).toBe(true);
    }
  });

  it('describes both files of every table in datapackage.json, with the Open Government Licence', () => {
    const paths = pkg.resources.map((r) => r.path).sort();
    expect(paths).toEqual(TABLES.flatMap((t) => [OUTPUT_TABLES[t].file, `${t}.csv`]).sort());
    expect(pkg.licenses).toContainEqual(expect.objectContaining({ name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0' }));
    for (const r of pkg.resources) expect(existsSync(join(dataDir, r.path)), r.path).toBe(true);
  });

  it('derives every schema from the declared columns', () => {
    const TYPES: Record<string, string> = { VARCHAR: 'string', DATE: 'date', DOUBLE: 'number' };
    for (const r of pkg.resources) {
      const table = TABLES.find((t) => r.path === OUTPUT_TABLES[t].file || r.path === `${t}.csv`) as OutputTable;
      expect(r.schema.fields.map((f) => [f.name, f.type])).toEqual(tableColumns(table).map(([name, type]) => [name, TYPES[type]]));
      expect(r.schema.primaryKey).toEqual([...tableKey(table)]);
      for (const f of r.schema.fields) expect(f.description, `${r.name}.${f.name}`).not.toBe('');
    }
  });

  it('gives each Parquet resource the size and checksum of its file', () => {
    for (const r of pkg.resources.filter((r) => r.format === 'parquet')) {
      const file = join(dataDir, r.path);
      expect(r.bytes).toBe(statSync(file).size);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
      expect(manifest.outputs.find((o) => o.file === r.path)?.sha256).toBe(r.hash?.slice('sha256:'.length));
    }
  });

  it.each(TABLES)('%s.csv conforms to its Table Schema: header, types, missing values, enum and primary key', (table) => {
    const resource = pkg.resources.find((r) => r.path === `${table}.csv`);
    if (!resource) throw new Error(`no resource for ${table}.csv`);
    const { header, rows } = readCsv(join(dataDir, `${table}.csv`));
    const schema = resource.schema;
    expect(header).toEqual(schema.fields.map((f) => f.name));
    const problems: string[] = [];
    const keys = new Set<string>();
    rows.forEach((row, i) => {
      expect(row.length).toBe(header.length);
      schema.fields.forEach((field, c) => {
        const problem = cellProblem(row[c] ?? '', field, schema);
        if (problem) problems.push(`row ${i + 2}, ${field.name}: ${problem}`);
      });
      const key = (schema.primaryKey ?? []).map((k) => row[header.indexOf(k)]).join('\u0000');
      if (keys.has(key)) problems.push(`row ${i + 2}: primary key repeated`);
      keys.add(key);
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each(TABLES)('%s.csv holds the same rows as the Parquet file', async (table) => {
    const { header, rows } = readCsv(join(dataDir, `${table}.csv`));
    const parquet = await readParquet(join(dataDir, OUTPUT_TABLES[table].file));
    expect(rows.length).toBe(parquet.length);
    const key = tableKey(table);
    const csvByKey = new Map(rows.map((row) => [key.map((k) => row[header.indexOf(k)]).join('\u0000'), row]));
    for (const record of parquet) {
      const id = key.map((k) => String(plain(record[k]))).join('\u0000');
      const row = csvByKey.get(id);
      expect(row, id).toBeDefined();
      header.forEach((name, c) => {
        const cell = row?.[c] ?? '';
        const value = plain(record[name]);
        if (value === null) {
          // A missing figure is written as the symbol that replaces it, or left blank.
          expect(cell === '' || /^\[[a-z]+\]$/.test(cell), `${id} ${name}: "${cell}"`).toBe(true);
        } else if (typeof value === 'number') {
          expect(Number(cell), `${id} ${name}`).toBe(value);
        } else {
          expect(cell, `${id} ${name}`).toBe(String(value));
        }
      });
    }
  });

  it('links the data dictionary, data package and licence from the open-data page', () => {
    const doc = page('data');
    const hrefs = Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/data/datapackage.json', '/licence/', '/release-calendar/', '/revisions/']));
    expect(doc.querySelector('#columns')?.textContent).toBe('Data dictionary');
  });
});

describe('release pages', () => {
  it('gives the Open Government Licence v3.0 by name and address, as text', () => {
    const body = text(page('licence'));
    expect(body).toContain('Open Government Licence v3.0');
    expect(body).toContain('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
    expect(body).toContain('Contains public sector information');
  });

  it('gives the date of the next release from the release calendar', () => {
    const { next } = splitCalendar(loadReleaseCalendar(), manifest.released);
    expect(next).not.toBeNull();
    const doc = page('release-calendar');
    expect(text(doc)).toContain(`The next release is on ${formatDate(next?.date ?? '')}`);
    expect(doc.querySelector(`#next ~ p time[datetime="${next?.date}"]`)).not.toBeNull();
  });

  it('keeps a revisions log (its entries are tested in releases.test.ts)', () => {
    const doc = page('revisions');
    expect(doc.querySelector('h1')?.textContent).toBe('Revisions log');
    expect(doc.querySelector('#no-revisions') ?? doc.querySelector('#revisions-table')).not.toBeNull();
  });

  it('has an accessibility statement in the form the 2018 regulations expect', () => {
    const doc = page('accessibility');
    const headings = Array.from(doc.querySelectorAll('h2, h3')).map((h) => h.textContent?.trim());
    expect(headings).toEqual(
      expect.arrayContaining([
        'How accessible this website is',
        'Reporting accessibility problems with this website',
        'Enforcement procedure',
        'Compliance status',
        'Preparation of this accessibility statement',
      ]),
    );
    const body = text(doc);
    expect(body).toMatch(/This website is (fully|partially|not) compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/);
    expect(body).toContain('Equality and Human Rights Commission');
    expect(body).toContain('Equality Advisory and Support Service');
    expect(doc.querySelector('#known-issues li')).not.toBeNull();
    expect(doc.querySelector('#preparation ~ p time[datetime]')).not.toBeNull();
    expect(doc.querySelector('a[href^="mailto:"]')).not.toBeNull();
  });

  it('links the release pages from every page footer', () => {
    const hrefs = Array.from(page('methodology').querySelectorAll('footer a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/licence/', '/accessibility/', '/release-calendar/', '/revisions/']));
  });

  it('leaves the developer-only component examples out of the public build', () => {
    expect(existsSync(join(siteDir, 'components'))).toBe(false);
    const all: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.html')) all.push(join(dir, e.name));
      }
    };
    walk(siteDir);
    for (const file of all) expect(readFileSync(file, 'utf8'), file).not.toContain('href="/components/');
  });
});
