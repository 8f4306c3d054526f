import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, serveStatic, type StaticServer } from './static-server.ts';

describe('parseRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
    ['bytes=50-500', { start: 50, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=9-3', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-6', undefined],
    ['items=0-1', undefined],
    [undefined, undefined],
  ] as const)('%s of a 100-byte file', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});

describe('serveStatic', () => {
  let dir: string;
  let server: StaticServer;
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tfo-static-'));
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
    await writeFile(join(dir, 'data', 'table.parquet'), bytes);
    await writeFile(join(dir, 'engine.wasm'), bytes);
    await writeFile(join(dir, 'worker.js'), 'self.onmessage = () => {};');
    server = await serveStatic(dir);
  });

  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves on 127.0.0.1 with index.html for a directory', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Home</title>');
  });

  it('labels wasm and scripts as browsers require', async () => {
    expect((await fetch(`${server.url}engine.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${server.url}worker.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers a HEAD request with the length and no body', async () => {
    const response = await fetch(`${server.url}data/table.parquet`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('256');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
  });

  it('answers a range request with 206 and just those bytes', async () => {
    const response = await fetch(`${server.url}data/table.parquet`, { headers: { Range: 'bytes=10-19' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/256');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...bytes.subarray(10, 20)]);
    const suffix = await fetch(`${server.url}data/table.parquet`, { headers: { Range: 'bytes=-4' } });
    expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([252, 253, 254, 255]);
  });

  it('refuses a range past the end with 416', async () => {
    const response = await fetch(`${server.url}data/table.parquet`, { headers: { Range: 'bytes=300-' } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */256');
  });

  it('answers 404 for missing files and for paths that climb out of the folder', async () => {
    expect((await fetch(`${server.url}nope.parquet`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('logs every request it answered', () => {
    expect(server.requests).toContainEqual({ method: 'GET', path: '/data/table.parquet', range: 'bytes=10-19', status: 206, bytes: 10 });
    expect(server.requests).toContainEqual({ method: 'HEAD', path: '/data/table.parquet', status: 200, bytes: 0 });
  });
});
