/**
 * State of View Details / Add User: the profile as typed, the saved copy it is compared with to
 * know whether leaving loses changes, the messages per field (ours and the server's), and Save.
 */
import type { UserDetail, UserStatus } from '../../src-main/contract';
import { call } from './api';
import { looksLikeEmail } from './email';

/** The editable fields of the Profile tab, in the order they appear. */
export const PROFILE_FIELDS = [
  'userName',
  'email',
  'firstName',
  'lastName',
  'workPhone',
  'status',
] as const;
/** One editable field of the Profile tab. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** The profile as typed. */
export interface ProfileValues {
  userName: string;
  email: string;
  firstName: string;
  lastName: string;
  workPhone: string;
  status: UserStatus;
}

const EMPTY: ProfileValues = {
  userName: '',
  email: '',
  firstName: '',
  lastName: '',
  workPhone: '',
  status: 'Active',
};

const REQUIRED: Partial<Record<ProfileField, string>> = {
  userName: 'User Name',
  email: 'Email Address',
  firstName: 'First Name',
  lastName: 'Last Name',
};

function valuesOf(user: UserDetail): ProfileValues {
  const { userName, email, firstName, lastName, workPhone, status } = user;
  return { userName, email, firstName, lastName, workPhone, status };
}

/** The messages the client can give before asking the server (which checks again). */
export function checkProfile(values: ProfileValues): Partial<Record<ProfileField, string>> {
  const errors: Partial<Record<ProfileField, string>> = {};
  for (const field of PROFILE_FIELDS) {
    const label = REQUIRED[field];
    if (label && values[field].trim() === '') errors[field] = `${label} is required.`;
  }
  if (!errors.userName && /\s/.test(values.userName.trim())) {
    errors.userName = 'User Name cannot contain spaces.';
  }
  if (!errors.email && !looksLikeEmail(values.email.trim())) {
    errors.email = 'Enter a valid email address, like name@agency.gov.';
  }
  return errors;
}

/** One View Details or Add User form; a new one per user shown. */
export class UserFormState {
  /** The user shown, or null while adding a new one. */
  id = $state<number | null>(null);
  values = $state<ProfileValues>({ ...EMPTY });
  saved = $state<ProfileValues>({ ...EMPTY });
  detail = $state<UserDetail | null>(null);
  errors = $state<Partial<Record<ProfileField, string>>>({});
  /** A message about the whole form (e.g. the server could not be reached). */
  formError = $state('');
  loading = $state(false);
  loadError = $state('');
  saving = $state(false);

  constructor(id: number | null) {
    this.id = id;
  }

  /** True when leaving now would lose what was typed. */
  get dirty(): boolean {
    return PROFILE_FIELDS.some((field) => this.values[field] !== this.saved[field]);
  }

  /** Loads the user (nothing to load when adding). */
  async load(): Promise<void> {
    if (this.id === null) return;
    this.loading = true;
    const result = await call('users.get', { id: this.id });
    this.loading = false;
    if (!result.ok) {
      this.loadError = result.error.message;
      return;
    }
    this.#adopt(result.value);
  }

  /**
   * Validates, then creates or updates. Answers true when saved; otherwise `errors` and
   * `formError` say why, and nothing was stored.
   */
  async save(): Promise<boolean> {
    this.formError = '';
    this.errors = checkProfile(this.values);
    if (Object.keys(this.errors).length > 0) return false;
    this.saving = true;
    const profile = { ...this.values };
    const result =
      this.id === null
        ? await call('users.create', { profile })
        : await call('users.update', { id: this.id, profile });
    this.saving = false;
    if (!result.ok) {
      const { code, message, fields } = result.error;
      const known = Object.fromEntries(
        Object.entries(fields ?? {}).filter(([key]) =>
          PROFILE_FIELDS.includes(key as ProfileField),
        ),
      );
      if (code === 'CONFLICT' && Object.keys(known).length === 0) known.userName = message;
      this.errors = known;
      if (Object.keys(known).length === 0) this.formError = message;
      return false;
    }
    this.#adopt(result.value);
    return true;
  }

  /** Forgets the typed changes. */
  revert(): void {
    this.values = { ...this.saved };
    this.errors = {};
    this.formError = '';
  }

  #adopt(user: UserDetail): void {
    this.id = user.id;
    this.detail = user;
    this.values = valuesOf(user);
    this.saved = valuesOf(user);
    this.errors = {};
  }
}
