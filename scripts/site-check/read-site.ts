/**
 * Reads everything under a built site into what the checks look at: text (for identifiers and
 * row-level column names), column headers, table records (for counts) and JSON documents (for
 * manifests). Every published format a reader could open is read the way that reader would:
 * HTML as text and attributes, CSV by its header, JSON as data, Parquet through hyparquet and
 * PDF through pdftotext. A file the net cannot read is itself a finding, never skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { Compressors } from 'hyparquet';
import { decompressZstd } from 'hyparquet-compressors';
import { parseHTML } from 'linkedom';
import { parseCsv } from '../../src/lib/encoding/csv.ts';
import { splitSymbols } from '../../src/lib/format/symbols.ts';
import { PUBLISHED_COUNT_ATTRIBUTE } from '../../src/lib/tables/cells.ts';

/** A piece of text and where it is: "line 12", "row 3, column area_code". */
export interface TextPiece {
  readonly file: string;
  readonly where: string;
  readonly text: string;
  /**
   * Program code (scripts, stylesheets): bundled libraries carry their authors' emails and
   * constants such as 2147483647 that pass the NHS check digit, so code is searched for
   * row-level column names but not for identifier shapes. Data a page embeds is in HTML or JSON.
   */
  readonly code?: boolean;
}

export type Cell = string | number | boolean | null;

/** One row of a published table (CSV or Parquet) or one object of a JSON array. */
export interface TableRecord {
  readonly file: string;
  readonly where: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface SiteContent {
  /** Site-relative paths of every file, "/"-separated. */
  readonly files: string[];
  readonly texts: TextPiece[];
  /** Column headers of tables (CSV, Parquet): checked against the guard's column rules too. */
  readonly headers: TextPiece[];
  /** Keys of JSON objects. */
  readonly keys: TextPiece[];
  readonly records: TableRecord[];
  readonly json: { readonly file: string; readonly value: unknown }[];
  /** Files that could not be read as what their name says. */
  readonly unreadable: { readonly file: string; readonly reason: string }[];
}

const COMPRESSORS: Compressors = {
  ZSTD: (input, outputLength) => decompressZstd(input, new Uint8Array(outputLength)),
};

/** Formats with no text a reader sees; anything else unknown is read as UTF-8 text. */
const BINARY = new Set(['.wasm', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.woff', '.woff2', '.ttf', '.otf']);

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, root, out);
    else out.push(relative(root, path).split(sep).join('/'));
  }
}

function textLines(content: SiteContent, file: string, text: string, code = false): void {
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') content.texts.push({ file, where: `line ${i + 1}`, text: line, code });
  });
}

const CODE = new Set(['.js', '.mjs', '.cjs', '.css', '.map']);

function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/** Keys, string values and arrays of objects (as records) of a JSON value, recursively. */
function readJsonValue(content: SiteContent, file: string, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const where = `${path}[${i}]`;
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const cells: Record<string, Cell> = {};
        for (const [k, v] of Object.entries(item as Record<string, unknown>)) cells[k] = plainCell(v);
        content.records.push({ file, where, cells });
      }
      readJsonValue(content, file, item, where);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const where = path === '' ? k : `${path}.${k}`;
      content.keys.push({ file, where, text: k });
      readJsonValue(content, file, v, where);
    }
  } else if (typeof value === 'string' || typeof value === 'number') {
    content.texts.push({ file, where: path === '' ? 'value' : path, text: String(value) });
  }
}

function readJson(content: SiteContent, file: string, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON after all: still read as text, so nothing in it goes unseen.
    content.unreadable.push({ file, reason: 'is not valid JSON' });
    textLines(content, file, text);
    return;
  }
  content.json.push({ file, value });
  readJsonValue(content, file, value, '');
}

/**
 * A table cell a page marks as a published count, as a record like a CSV row: its number as the
 * reader sees it ("1,234"), the symbol beside it as its flag, and its area when the row names one.
 */
function publishedCountCell(file: string, where: string, area: string, text: string): TableRecord {
  const parts = splitSymbols(text);
  const flag = parts.find((part) => part.kind === 'symbol');
  const digits = parts.map((part) => (part.kind === 'text' ? part.text : '')).join('').replace(/[,\s£]/g, '');
  return {
    file,
    where: `published count in <${where}> "${text.trim()}"`,
    cells: { measure: 'published count', value: /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : null, flag: flag?.kind === 'symbol' ? flag.symbol : null, area_code: area === '' ? null : area },
  };
}

function readHtml(content: SiteContent, file: string, text: string): void {
  const { document } = parseHTML(text);
  // Each text node and attribute value is a piece of its own: joining them would let the end of
  // one cell and the start of the next look like one identifier.
  const visit = (node: Node, path: string, code: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.textContent ?? '';
      if (value.trim() !== '') content.texts.push({ file, where: `text in ${path}`, text: value, code });
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    const here = element.id ? `${tag}#${element.id}` : tag;
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.value.trim() !== '') content.texts.push({ file, where: `${attribute.name} of <${here}>`, text: attribute.value });
    }
    const area = element.getAttribute(PUBLISHED_COUNT_ATTRIBUTE);
    if (area !== null) content.records.push(publishedCountCell(file, here, area, element.textContent ?? ''));
    const type = element.getAttribute('type') ?? '';
    if (tag === 'script' && /json/i.test(type)) {
      readJson(content, `${file} (<script type="${type}">)`, element.textContent ?? '');
      return;
    }
    const isCode = tag === 'style' || (tag === 'script' && (type === '' || /javascript|module/i.test(type)));
    for (const child of Array.from(element.childNodes)) visit(child, here, isCode);
  };
  visit(document.documentElement as unknown as Node, 'html', false);
}

function readCsv(content: SiteContent, file: string, text: string): void {
  const records = parseCsv(text);
  const header = records[0]?.fields ?? [];
  header.forEach((name) => content.headers.push({ file, where: 'header', text: name }));
  for (const record of records.slice(1)) {
    const cells: Record<string, Cell> = {};
    record.fields.forEach((field, i) => {
      const column = header[i] ?? `column ${i + 1}`;
      cells[column] = field === '' ? null : field;
      if (field !== '') content.texts.push({ file, where: `line ${record.line}, column ${column}`, text: field });
    });
    content.records.push({ file, where: `line ${record.line}`, cells });
  }
}

async function readParquet(content: SiteContent, file: string, bytes: Buffer): Promise<void> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  columns.forEach((name) => content.headers.push({ file, where: 'schema', text: name }));
  for (const { key, value } of metadata.key_value_metadata ?? []) {
    content.texts.push({ file, where: `metadata ${key}`, text: `${key} ${value ?? ''}` });
  }
  const rows = await parquetReadObjects({ file: buffer, metadata, compressors: COMPRESSORS });
  rows.forEach((row: Record<string, unknown>, i: number) => {
    const cells: Record<string, Cell> = {};
    for (const column of columns) {
      const cell = plainCell(row[column]);
      cells[column] = cell;
      // Whole numbers too: an NHS number stored as a number is still an NHS number.
      if (typeof cell === 'string' || (typeof cell === 'number' && Number.isInteger(cell))) {
        content.texts.push({ file, where: `row ${i + 1}, column ${column}`, text: String(cell) });
      }
    }
    content.records.push({ file, where: `row ${i + 1}`, cells });
  });
}

function readPdf(content: SiteContent, file: string, path: string): void {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  textLines(content, file, text);
}

/** Everything under `dir`, read as a reader of the published site would read it. */
export async function readSite(dir: string): Promise<SiteContent> {
  const files: string[] = [];
  walk(dir, dir, files);
  const content: SiteContent = { files, texts: [], headers: [], keys: [], records: [], json: [], unreadable: [] };
  for (const file of files) {
    const path = join(dir, file);
    const ext = extname(file).toLowerCase();
    if (BINARY.has(ext)) continue;
    try {
      if (ext === '.parquet') await readParquet(content, file, readFileSync(path));
      else if (ext === '.pdf') readPdf(content, file, path);
      else {
        const text = readFileSync(path, 'utf8');
        if (ext === '.html' || ext === '.htm') readHtml(content, file, text);
        else if (ext === '.csv') readCsv(content, file, text);
        else if (ext === '.json' || ext === '.webmanifest') readJson(content, file, text);
        else textLines(content, file, text, CODE.has(ext));
      }
    } catch (error) {
      content.unreadable.push({ file, reason: `could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` });
    }
  }
  return content;
}
