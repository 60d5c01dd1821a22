/**
 * The two-factor sign-in policy (Settings → Two-factor sign-in): go-live date, code shape and
 * lifetime, resend cooldown, wrong codes and resends allowed per sign-in attempt, lockout
 * threshold and time, and the code email. Stored in
 * {@link SettingsStore} under `auth.policy`. The support phone and email the code email names are
 * NOT stored here: they are shared with every other email, in Email delivery's settings
 * (`MailSettingsRepository`); Settings → Two-factor sign-in shows and edits those same values
 * (two-factor-settings.ts).
 */
import { z } from 'zod';
import type { Database } from '../db/connection.js';
import { SettingsStore } from '../db/settings-store.js';
import { CODE_ALPHABETS } from './codes.js';

/**
 * The guide's code email, verbatim, with placeholders: {{User First Name}}, {{Code}},
 * {{Code Lifetime}} (e.g. "5 minutes"), {{Support Phone}} and {{Support Email}}.
 */
export const DEFAULT_CODE_EMAIL_TEMPLATE = [
  'Hello {{User First Name}}.',
  '',
  'Your one-time authorization code is: {{Code}}',
  'Please enter this code to continue logging into TraxSolutions.',
  'This code will expire after {{Code Lifetime}}.',
  '',
  'If you have any questions, please contact client support at {{Support Phone}}',
  'or {{Support Email}}',
  '',
  'Thank You.',
].join('\n');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the go-live date as a date, like 2024-04-23.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'That date does not exist.');

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .max(20_000)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, `${label} is required.`)
        .max(max, `${label} must be at most ${max} characters.`),
    );

/** The policy form; each field's message names the field as Settings labels it. */
export const PolicySettingsInput = z.strictObject({
  goLiveDate: isoDate,
  codeLength: whole('Code length', 4, 10),
  codeAlphabet: z.enum(CODE_ALPHABETS, { error: 'Choose digits or letters and digits.' }),
  codeLifetimeMinutes: whole('Code lifetime', 1, 60),
  resendCooldownSeconds: whole('Resend cooldown', 0, 600),
  wrongCodesAllowed: whole('Wrong codes allowed', 1, 10),
  resendsAllowed: whole('Resends allowed', 0, 10),
  failedSignInsBeforeLockout: whole('Failed sign-ins before lockout', 1, 100),
  lockoutMinutes: whole('Lockout time', 1, 1440),
  codeEmailSubject: text('Code email subject', 1, 200),
  codeEmailTemplate: text('Code email text', 1, 5000).pipe(
    z.string().refine((t) => t.includes('{{Code}}'), 'The code email must contain {{Code}}.'),
  ),
});

/** The whole policy, as handlers and services read it. */
export type Policy = z.output<typeof PolicySettingsInput>;

/** The policy until an administrator changes it: the guide's example values. */
export const DEFAULT_POLICY: Policy = {
  goLiveDate: '2024-04-23',
  codeLength: 6,
  codeAlphabet: 'digits',
  codeLifetimeMinutes: 5,
  resendCooldownSeconds: 30,
  wrongCodesAllowed: 3,
  resendsAllowed: 3,
  failedSignInsBeforeLockout: 5,
  lockoutMinutes: 15,
  codeEmailSubject: 'Your TraxSolutions authorization code',
  codeEmailTemplate: DEFAULT_CODE_EMAIL_TEMPLATE,
};

const POLICY_KEY = 'auth.policy';

/** Reads and changes the policy. */
export class PolicyStore {
  private readonly settings: SettingsStore;

  constructor(db: Database) {
    this.settings = new SettingsStore(db);
  }

  /**
   * The policy, field by field: a stored value that no longer passes its rule (written by another
   * version, or edited by hand) falls back to the default rather than breaking sign-in.
   */
  get(): Policy {
    const stored = this.settings.getJson<unknown>(POLICY_KEY, {});
    const record = typeof stored === 'object' && stored !== null ? stored : {};
    const policy: Record<string, unknown> = { ...DEFAULT_POLICY };
    for (const [key, schema] of Object.entries(PolicySettingsInput.shape)) {
      const parsed = schema.safeParse((record as Record<string, unknown>)[key]);
      if (parsed.success) policy[key] = parsed.data;
    }
    return policy as Policy;
  }

  /** Replaces the policy with a validated form and answers it. */
  set(settings: Policy): Policy {
    this.settings.setJson(POLICY_KEY, PolicySettingsInput.parse(settings));
    return this.get();
  }
}
