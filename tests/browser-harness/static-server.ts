/**
 * A small static file server for browser tests: serves a built site from 127.0.0.1 with the
 * MIME types browsers insist on (application/wasm for streaming compilation, JavaScript for
 * module and worker scripts) and HTTP Range requests, which hyparquet uses to fetch only the
 * parts of a Parquet file a view needs.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface ServedRequest {
  readonly method: string;
  readonly path: string;
  readonly range?: string;
  readonly status: number;
  /** Body bytes sent (0 for HEAD). */
  readonly bytes: number;
}

export interface StaticServer {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  /** Every request answered so far, in order. */
  readonly requests: readonly ServedRequest[];
  close(): Promise<void>;
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * Parse a single-range `Range` header (bytes=a-b, bytes=a-, bytes=-n) against a file size.
 * Multi-range requests are answered with the whole file, which RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Serve `dir` on 127.0.0.1 at a free port. Directories answer with their index.html. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    handle(root, req, res).then(
      (served) => requests.push(served),
      () => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<ServedRequest> {
  const method = req.method ?? 'GET';
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const range = req.headers.range;
  const answer = (status: number, bytes = 0): ServedRequest => ({ method, path, status, bytes, ...(range ? { range } : {}) });

  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return answer(405);
  }
  const file = await resolveFile(root, path);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return answer(404);
  }
  const headers = {
    'Content-Type': MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    // Tests count requests: a cache would hide the second fetch of a file.
    'Cache-Control': 'no-store',
  };
  const byteRange = parseRange(range, file.size);
  if (byteRange === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}` }).end();
    return answer(416);
  }
  const { start, end } = byteRange ?? { start: 0, end: file.size - 1 };
  const length = file.size === 0 ? 0 : end - start + 1;
  const status = byteRange ? 206 : 200;
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(length),
    ...(byteRange ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  if (method === 'HEAD' || length === 0) {
    res.end();
    return answer(status);
  }
  // A browser may cancel a read it no longer needs: log the request whether or not it completed.
  await pipeline(createReadStream(file.path, { start, end }), res).catch(() => undefined);
  return answer(status, length);
}

/** The file a URL path names inside root, or undefined; never a path outside root. */
async function resolveFile(root: string, urlPath: string): Promise<{ path: string; size: number } | undefined> {
  const candidate = resolve(join(root, normalize(urlPath)));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return { path, size: info.size };
  }
  return undefined;
}
