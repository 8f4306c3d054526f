/**
 * The safety net on the real built sample site: the clean site passes; a copy with each kind of
 * problem planted (a row-level column, a direct identifier, a board manifest, a count the rule
 * forbids, a rounded figure off its base, a hidden figure published beside its symbol) fails,
 * naming the file and the value, with identifiers masked. The same check fails the CLI, the
 * build hook, and a real `astro build` whose release carries an identifier.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { decompressZstd } from 'hyparquet-compressors';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../browser-harness/browser.ts';
import { checkSite, describeFindings, type Finding } from '../../scripts/site-check/index.ts';
import { siteCheck } from '../../scripts/site-check/integration.ts';
import { PUBLIC_SITE_ENV } from '../../scripts/build/sample-site.ts';

const siteDir = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'tfo-safety-net-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A real NHS number shape with a valid modulus-11 check digit (the NHS's own example).
const NHS = '943 476 5919';
const EMAIL = 'jane.doe@example.com';

// One copy of the built site taken first, so every planted copy starts from the same files.
const clean = join(work, 'clean');
beforeAll(() => cpSync(realpathSync(siteDir), clean, { recursive: true, dereference: true }));

let copies = 0;
/**
 * A fresh copy of the built site with `plant` applied. The quarter views (hundreds of pages from
 * one template, all read by the clean check above) stay out of the copies, so each planted
 * problem is found in seconds rather than minutes.
 */
async function plantedSite(plant: (dir: string) => void | Promise<void>): Promise<string> {
  const dir = join(work, `site-${++copies}`);
  const quarters = join(clean, 'quarters');
  cpSync(clean, dir, { recursive: true, filter: (src) => src !== quarters });
  await plant(dir);
  return dir;
}

async function readParquet(file: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file: buffer, compressors: { ZSTD: (input, length) => decompressZstd(input, new Uint8Array(length)) } });
}

/** Rewrites a count table's Parquet file with `change` applied to its rows. */
async function rewriteCounts(file: string, change: (rows: Record<string, unknown>[]) => void): Promise<void> {
  const rows = await readParquet(file);
  change(rows);
  const text = (name: string) => ({ name, type: 'STRING' as const, data: rows.map((r) => (r[name] === null ? null : String(r[name] instanceof Date ? (r[name] as Date).toISOString().slice(0, 10) : r[name]))) });
  const buffer = parquetWriteBuffer({
    columnData: [
      ...['quarter', 'quarter_start', 'area_code', 'area_type', 'measure', 'breakdown'].map(text),
      { name: 'value', type: 'DOUBLE', data: rows.map((r) => (r.value === null ? null : Number(r.value))) },
      text('flag'),
    ],
  });
  writeFileSync(file, Buffer.from(buffer));
}

const check = (dir: string) => checkSite(dir, { audience: 'public' });
const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.kind} ${f.file} ${f.value}`);

describe('the safety net', () => {
  it('passes the clean sample site', async () => {
    expect(await check(clean)).toEqual([]);
  });

  it('finds a row-level column in a CSV, a Parquet schema, a JSON key and a page, by name', async () => {
    const dir = await plantedSite(async (d) => {
      writeFileSync(join(d, 'data', 'families.csv'), 'family_ref,locality_code,adults\r\nF7Q2K9XW,NTH,2\r\n');
      writeFileSync(join(d, 'data', 'extra.parquet'), Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'Date of birth', type: 'STRING', data: ['2001-02-03'] }] })));
      writeFileSync(join(d, 'data', 'rows.json'), JSON.stringify([{ claim_ref: 'C2013W2-0042', value: 800 }]));
      const page = join(d, 'methodology', 'index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', '<table><tr><th>date_attached</th></tr></table></main>'));
    });
    const found = summary(await check(dir));
    expect(found).toContain('row-level column data/families.csv family_ref');
    expect(found).toContain('row-level column data/families.csv adults');
    expect(found).toContain('row-level column data/extra.parquet Date of birth');
    expect(found).toContain('row-level column data/rows.json claim_ref');
    expect(found).toContain('row-level column methodology/index.html date_attached');
    // A locality is what aggregates are counted by, not one family's row.
    expect(found.some((f) => f.includes('locality_code'))).toBe(false);
  });

  it('finds identifiers with the privacy guard\'s patterns in HTML, CSV, JSON and Parquet, and never prints them', async () => {
    const dir = await plantedSite(async (d) => {
      const page = join(d, 'index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', `<p>Family contact ${EMAIL}</p></main>`));
      const csv = join(d, 'data', 'programme.csv');
      writeFileSync(csv, readFileSync(csv, 'utf8').replace(/\r\n([^,]*),/, `\r\n$1 NHS ${NHS},`));
      writeFileSync(join(d, 'data', 'note.json'), JSON.stringify({ note: 'Visit at SW1A 1AA' }));
      await rewriteCounts(join(d, 'data', 'claims.parquet'), (rows) => {
        if (rows[0]) rows[0].breakdown = 'AB 12 34 56 C';
      });
    });
    const findings = await check(dir);
    const found = summary(findings);
    expect(found).toContain('identifier index.html j***@***');
    expect(found).toContain('identifier data/programme.csv 943 *** ****');
    expect(found).toContain('identifier data/note.json S*** ***');
    expect(found).toContain('identifier data/claims.parquet A* ** ** ** *');
    const message = describeFindings(dir, findings);
    for (const secret of [EMAIL, NHS, '9434765919', 'SW1A 1AA', 'AB 12 34 56 C']) expect(message).not.toContain(secret);
  });

  it('finds an identifier in the text of a PDF', async () => {
    const browser = await launchBrowser();
    try {
      const dir = await plantedSite(async (d) => {
        const page = await browser.newPage();
        await page.setContent(`<h1>Evidence pack</h1><p>Case note: NHS number ${NHS}.</p>`);
        await page.pdf({ path: join(d, 'pack.pdf'), format: 'A4' });
        await page.close();
      });
      expect(summary(await check(dir))).toContain('identifier pack.pdf 943 *** ****');
    } finally {
      await browser.close();
    }
  });

  it('finds a board manifest anywhere in the public site', async () => {
    const manifest = JSON.parse(readFileSync(join(clean, 'data', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const dir = await plantedSite((d) => {
      mkdirSync(join(d, 'archive'));
      writeFileSync(join(d, 'archive', 'manifest.json'), JSON.stringify({ ...manifest, audience: 'board', suppression: { applied: false, threshold: 5 } }));
    });
    expect(summary(await check(dir))).toContain('board manifest archive/manifest.json board');
  });

  it('finds counts under the threshold, rounded figures off their base and hidden figures that kept their value', async () => {
    const dir = await plantedSite(async (d) => {
      await rewriteCounts(join(d, 'data', 'programme.parquet'), (rows) => {
        const published = rows.filter((r) => r.flag === null && typeof r.value === 'number' && r.value >= 5);
        if (published[0]) published[0].value = 3;
        const rounded = rows.find((r) => r.flag === '[rd]');
        if (rounded) rounded.value = 15;
      });
      await rewriteCounts(join(d, 'data', 'criteria.parquet'), (rows) => {
        const hidden = rows.find((r) => r.flag === '[c]');
        if (hidden) hidden.value = 7;
      });
      const csv = join(d, 'data', 'outcomes.csv');
      const lines = readFileSync(csv, 'utf8').split('\r\n');
      const at = lines.findIndex((line, i) => i > 0 && /,\d+,$/.test(line));
      lines[at] = (lines[at] ?? '').replace(/,\d+,$/, ',1,');
      writeFileSync(csv, lines.join('\r\n'));
    });
    const found = summary(await check(dir));
    expect(found).toContain('small count data/programme.parquet 3');
    expect(found).toContain('rounding data/programme.parquet 15');
    expect(found).toContain('hidden value data/criteria.parquet 7');
    expect(found).toContain('small count data/outcomes.csv 1');
  });

  it('reads counts in pages\' tables as a reader sees them, and only the council\'s own', async () => {
    const dir = await plantedSite((d) => {
      const page = join(d, 'index.html');
      let html = readFileSync(page, 'utf8');
      // The first count cell showing a whole number of at least the threshold becomes 3; a copy of
      // it marked as another authority's figure shows 2, which is not this council's to control.
      const cell = /(<t[dh][^>]*data-published-count[^>]*>)(\d{1,3}(?:,\d{3})*)(<\/t[dh]>)/g;
      const match = [...html.matchAll(cell)].find((m) => Number((m[2] ?? '').replace(/,/g, '')) >= 5);
      expect(match, 'a published count in the dashboard table').toBeDefined();
      const [whole, open, , close] = match!;
      const other = `${open!.replace('data-published-count', 'data-published-count="E06000001"')}2${close}`;
      html = html.replace(whole, `${open}3${close}${other}`);
      writeFileSync(page, html);
    });
    const found = summary(await check(dir));
    expect(found).toEqual(['small count index.html 3']);
  });

  it('checks the council\'s own areas in other tables, not figures other bodies published for other areas', async () => {
    const programme = JSON.parse(readFileSync('data/reference/programme.json', 'utf8')) as { authority: { code: string } };
    const dir = await plantedSite((d) => {
      writeFileSync(
        join(d, 'data', 'national.json'),
        JSON.stringify([
          { indicator_code: 'ni_111', authority_code: 'E06000001', numerator: 3 },
          { indicator_code: 'ni_111', authority_code: programme.authority.code, numerator: 2 },
        ]),
      );
    });
    expect(summary(await check(dir))).toEqual(['small count data/national.json 2']);
  });

  it('allows zeros and money amounts, which the rule does not restrict', async () => {
    const dir = await plantedSite(async (d) => {
      await rewriteCounts(join(d, 'data', 'claims.parquet'), (rows) => {
        const money = rows.find((r) => r.measure === 'claim_amount_gbp');
        if (money) Object.assign(money, { value: 2, flag: null });
        const count = rows.find((r) => r.measure === 'claims');
        if (count) Object.assign(count, { value: 0, flag: null });
      });
    });
    expect(await check(dir)).toEqual([]);
  });

  it('fails the CLI and the build hook with the file and the value', async () => {
    const dir = await plantedSite((d) => writeFileSync(join(d, 'data', 'families.csv'), 'family_ref\r\nF7Q2K9XW\r\n'));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli/site-check.ts', dir], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('data/families.csv (header): "family_ref"');

    const hook = siteCheck('public').hooks['astro:build:done'];
    const logger = { info: () => undefined } as unknown as Parameters<NonNullable<typeof hook>>[0]['logger'];
    const done = { dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<NonNullable<typeof hook>>[0];
    await expect(hook?.(done)).rejects.toThrow(/data\/families\.csv \(header\): "family_ref" is a row-level column/);
  });
});

describe('the public build', () => {
  let build: ReturnType<typeof spawnSync>;
  const out = join(work, 'built');

  beforeAll(() => {
    // A release whose manifest names a source file after a person: the build copies the manifest
    // into the site, and the safety net must stop it there.
    const data = join(work, 'release');
    // public/data is a link to the pipeline's latest release folder: copy the files, not the link,
    // or the edit below would change the shared release.
    cpSync(realpathSync('public/data'), data, { recursive: true, dereference: true });
    if (lstatSync(data).isSymbolicLink()) throw new Error(`${data} must be a copy, not a link`);
    const manifestFile = join(data, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sources: { file: string }[] };
    if (manifest.sources[0]) manifest.sources[0].file = `families from ${EMAIL}.csv`;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', out], {
      encoding: 'utf8',
      env: { ...process.env, ...PUBLIC_SITE_ENV, TFO_SITE_DATA: data },
    });
  });

  it('fails, naming the file and the masked value', () => {
    expect(build.status).not.toBe(0);
    const output = `${String(build.stdout)}${String(build.stderr)}`;
    expect(output).toContain('data/manifest.json');
    expect(output).toContain('j***@***');
    expect(output).not.toContain(EMAIL);
  });
});
