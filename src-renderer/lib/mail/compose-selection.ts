/**
 * Hands the users selected in Manage Users to the compose view ("Send Email" + "Go"). Kept in
 * sessionStorage so a reload of the compose view keeps its recipients.
 */
const KEY = 'trax-admin-mail-selection';

/** Remembers the selection for the compose view. */
export function setComposeSelection(ids: readonly number[]): void {
  sessionStorage.setItem(KEY, JSON.stringify(ids));
}

/** The remembered selection (empty when none). */
export function composeSelection(): number[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((n): n is number => Number.isInteger(n) && n > 0)
      : [];
  } catch {
    return [];
  }
}
