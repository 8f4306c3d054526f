/**
 * Runs the real pipeline CLI on real files in a temporary folder: a copy of the shipped sample
 * with one thing broken, so each test shows exactly what an analyst would see.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  root: string;
  extracts: string;
  out: string;
  report: string;
}

/**
 * A temporary workspace holding a copy of data/sample as the extracts. The output and report
 * folders are one level down, like public/data, so their staging folder (.tfo-staging, in the
 * folder above the output's parent) is inside the workspace too.
 */
export function makeWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'tfo-cli-'));
  const extracts = join(root, 'extracts');
  cpSync('data/sample', extracts, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  return { root, extracts, out: join(root, 'site', 'data'), report: join(root, 'private', 'data-quality') };
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/cli/data.ts', ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function runOn(ws: Workspace, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli(['--extracts', ws.extracts, '--out', ws.out, '--report', ws.report, '--quiet', ...extra], env);
}

/** SHA-256 of every file in a folder, so a test can show a failed run changed nothing. */
export function hashDir(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  }
  return out;
}

export function readLines(ws: Workspace, file: string): string[] {
  return readFileSync(join(ws.extracts, file), 'utf8').split('\n');
}

export function writeLines(ws: Workspace, file: string, lines: readonly string[]): void {
  writeFileSync(join(ws.extracts, file), lines.join('\n'));
}

/** Replace one field (by header name) on one line (1-based, header is line 1). */
export function setField(ws: Workspace, file: string, line: number, column: string, value: string): void {
  const lines = readLines(ws, file);
  const header = lines[0]!.split(',');
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`${file} has no column ${column}`);
  const fields = lines[line - 1]!.split(',');
  fields[index] = value;
  lines[line - 1] = fields.join(',');
  writeLines(ws, file, lines);
}

export function field(ws: Workspace, file: string, line: number, column: string): string {
  const lines = readLines(ws, file);
  const index = lines[0]!.split(',').indexOf(column);
  return lines[line - 1]!.split(',')[index]!;
}

export function columnNumber(ws: Workspace, file: string, column: string): number {
  return readLines(ws, file)[0]!.split(',').indexOf(column) + 1;
}
