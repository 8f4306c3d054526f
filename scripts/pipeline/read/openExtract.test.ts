import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSameFile, openExtract } from './openExtract.ts';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'tfo-open-'));
  mkdirSync(join(root, 'extracts'));
  return root;
}

describe('openExtract', () => {
  it('reads a plain file of the folder and says which file it read', async () => {
    const root = folder();
    writeFileSync(join(root, 'extracts', 'families.csv'), 'a,b\n1,2\n');
    const opened = await openExtract(join(root, 'extracts'), 'families.csv', 'families.csv');
    if (!opened.ok) throw new Error(`expected a read, got ${opened.code}`);
    expect(opened.bytes.toString()).toBe('a,b\n1,2\n');
    expect(await isSameFile(opened.identity)).toBe(true);
  });

  it('refuses a named pipe without waiting for a writer', async () => {
    const root = folder();
    execFileSync('mkfifo', [join(root, 'extracts', 'families.csv')]);
    expect(await openExtract(join(root, 'extracts'), 'families.csv', 'families.csv')).toMatchObject({ ok: false, code: 'not_a_file', message: 'families.csv is a named pipe, not a file; it was not read.' });
  });

  it('follows a link into a subfolder but not a dangling one', async () => {
    const root = folder();
    mkdirSync(join(root, 'extracts', '2014-q2'));
    writeFileSync(join(root, 'extracts', '2014-q2', 'families.csv'), 'a\n');
    symlinkSync('2014-q2/families.csv', join(root, 'extracts', 'families.csv'));
    symlinkSync('nowhere.csv', join(root, 'extracts', 'claims.csv'));
    expect(await openExtract(join(root, 'extracts'), 'families.csv', 'families.csv')).toMatchObject({ ok: true });
    expect(await openExtract(join(root, 'extracts'), 'claims.csv', 'claims.csv')).toMatchObject({ ok: false, code: 'linked_file' });
  });

  it('notices a file replaced after it was read, by a link or by new content', async () => {
    const root = folder();
    const path = join(root, 'extracts', 'families.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const opened = await openExtract(join(root, 'extracts'), 'families.csv', 'families.csv');
    if (!opened.ok) throw new Error('expected a read');
    writeFileSync(join(root, 'secret.csv'), 'a,b\n1,2\n');
    renameSync(path, join(root, 'extracts', 'old.csv'));
    symlinkSync(join(root, 'secret.csv'), path);
    expect(await isSameFile(opened.identity)).toBe(false);

    const again = await openExtract(join(root, 'extracts'), 'old.csv', 'families.csv');
    if (!again.ok) throw new Error('expected a read');
    writeFileSync(join(root, 'extracts', 'old.csv'), 'a,b\n3,4,5\n');
    expect(await isSameFile(again.identity)).toBe(false);
  });
});
