/**
 * The hook through which the roster reports every field it changes, so the audit log can keep
 * when, what, old and new. Called inside the same transaction as the change itself: if recording
 * fails, the change is rolled back too.
 */

/** Where a change came from. */
export type ChangeSource = 'edit' | 'import' | 'bulk';

/** One field of one user changed from `oldValue` to `newValue` (null: no value, e.g. created). */
export interface FieldChange {
  userId: number;
  /** The profile field name, as in UserProfile: userName, email, firstName, lastName, … */
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: ChangeSource;
}

/** Receives the changes of one transaction, in the order they were made. */
export interface ChangeRecorder {
  record(changes: FieldChange[]): void;
}
