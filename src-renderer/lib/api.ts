/**
 * The one client of the contract (src-main/contract.ts). In Electron the preload exposes one
 * function per channel on `window.traxAdmin`; in the browser host the same channels answer over
 * HTTP at `api/<channel>`, guarded by a per-run token that arrives once in the page URL.
 */
import type { Channel, InputOf, OutputOf, Result } from '../../src-main/contract';
import type { DesktopBridge } from '../../src-main/shell/desktop-channels';

/** What the Electron preload exposes: named functions only, one per channel. */
export type Bridge = {
  [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

declare global {
  interface Window {
    /**
     * Present only inside the Electron shell: the channels, plus the shell's menu commands and
     * export saving (src-main/shell/desktop-channels.ts).
     */
    traxAdmin?: Bridge & DesktopBridge;
  }
}

const TOKEN_KEY = 'trax-admin-token';

/**
 * Moves the host's token from the address bar into sessionStorage, so it is neither bookmarked,
 * shown, nor leaked in a Referer, yet survives a reload of this tab. Runs once at start-up.
 */
export function adoptTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete('token');
  // `url.hash` is kept as is, so a deep link like `?token=…#/users/5` still lands on the user.
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

const UNAVAILABLE_MESSAGE =
  'Trax Admin could not reach its data service. Check that the app is still running, then try again.';

function unavailable<T>(): Result<T> {
  return { ok: false, error: { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } };
}

function isResult(value: unknown): value is Result<never> {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'ok') === 'boolean'
  );
}

/** Calls one channel and answers its {@link Result}; never throws. */
export async function call<C extends Channel>(
  channel: C,
  input: InputOf<C>,
): Promise<Result<OutputOf<C>>> {
  const bridge: Bridge | undefined = window.traxAdmin;
  if (bridge) {
    try {
      return await bridge[channel](input);
    } catch {
      return unavailable();
    }
  }
  try {
    const response = await fetch('api/' + channel, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-trax-token': sessionStorage.getItem(TOKEN_KEY) ?? '',
      },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await response.json();
    return isResult(body) ? (body as Result<OutputOf<C>>) : unavailable();
  } catch {
    return unavailable();
  }
}
