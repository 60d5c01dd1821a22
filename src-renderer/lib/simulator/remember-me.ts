/**
 * "Remember Me": the user name kept in this workstation's localStorage for the next visit to the
 * simulated login page. Only the user name — never a password, code or session.
 */
const KEY = 'trax-admin.simulator.userName';

/** The remembered user name, or '' when none. */
export function rememberedUserName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keeps `userName` when `remember` is true, forgets any remembered name otherwise. */
export function rememberUserName(userName: string, remember: boolean): void {
  try {
    if (remember) localStorage.setItem(KEY, userName);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage may be unavailable (private mode); Remember Me then simply does nothing.
  }
}
