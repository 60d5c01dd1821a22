/**
 * The browser host: the renderer and the contract over HTTP on 127.0.0.1, for machines where
 * Electron cannot start and for the end-to-end tests. Every request passes the gate in
 * security.ts first; a refusal is a 403 that touches nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../csp.js';
import type { Result } from '../errors.js';
import { readRendererFile } from '../renderer-files.js';
import { API_PREFIX, checkRequest, newToken, tokenCookie, TOKEN_HEADER } from './security.js';

/** Calls one channel; the app's validating gateway (src-main/gateway.ts). */
export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** What the host serves and where. */
export interface HostOptions {
  invoke: Invoke;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The TCP port on 127.0.0.1; 0 picks any free port. */
  port: number;
  /** The per-run token; a fresh random one when omitted. */
  token?: string;
  /** The largest API request body accepted, in bytes (default 5 MB). */
  maxBodyBytes?: number;
}

/** A running host. */
export interface RunningHost {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

/** Starts the host on 127.0.0.1 and resolves once it listens. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = 0;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(
      {
        url: req.url ?? '/',
        host: req.headers.host,
        origin: req.headers.origin,
        tokenHeader: header(req, TOKEN_HEADER),
        cookie: req.headers.cookie,
      },
      port,
      token,
    );
    if (!verdict.allowed) {
      req.resume();
      return send(res, 403, `Forbidden: ${verdict.reason}.`);
    }
    if (verdict.api) return serveApi(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return send(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = await readRendererFile(options.rendererDir, pathname);
    if (!file) return send(res, 404, 'Not found.');
    if (verdict.setCookie) res.setHeader('Set-Cookie', tokenCookie(token));
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      return send(res, 405, 'Method not allowed.', { Allow: 'POST' });
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      req.resume();
      return send(res, 415, 'Send JSON (Content-Type: application/json).');
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large')
      return send(res, 413, 'Request body too large.', { Connection: 'close' });
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' },
      });
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice(API_PREFIX.length));
    } catch {
      channel = '';
    }
    sendJson(res, 200, await options.invoke(channel, input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the whole body, or answers 'too-large' as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
