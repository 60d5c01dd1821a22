import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../csp.js';
import { readRendererFile } from '../renderer-files.js';
import { APP_SCHEME, appUrlPath } from './policy.js';

/**
 * Declares app:// a standard, secure scheme. Must run before the app is ready, so main.ts calls
 * it at load time.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer under app://trax/ with the shared CSP. Only GET of a file inside
 * `rendererDir` is answered; the path checks live in renderer-files.ts.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const urlPath = request.method === 'GET' ? appUrlPath(request.url) : null;
    const file = urlPath === null ? null : await readRendererFile(rendererDir, urlPath);
    if (!file) {
      return new Response('Not found.', {
        status: 404,
        headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    return new Response(new Uint8Array(file.body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}
