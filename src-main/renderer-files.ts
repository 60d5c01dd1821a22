/**
 * Finding the built renderer's files for a request, shared by the browser host (HTTP) and the
 * Electron shell (app://). Pure path logic: a request can only ever name a file inside the
 * renderer folder, whatever dots, encodings or separators it tries.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { APP_ROOT } from './app-root.js';

/** The built renderer: out/renderer. */
export const DEFAULT_RENDERER_DIR = path.join(APP_ROOT, 'out', 'renderer');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `rootDir` that a URL path names (`/` is `index.html`), or null when the path
 * is malformed or would leave the folder (`..`, encoded separators, NUL bytes, drive letters).
 */
export function resolveRendererPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** A renderer file read from disk, ready to send. */
export interface RendererFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads the renderer file a URL path names; null when it is outside the folder, missing, or a
 * directory (folders are never listed).
 */
export async function readRendererFile(
  rootDir: string,
  urlPath: string,
): Promise<RendererFile | null> {
  const file = resolveRendererPath(rootDir, urlPath);
  if (!file) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return { body: await readFile(file), contentType: contentTypeOf(file) };
  } catch {
    return null;
  }
}
