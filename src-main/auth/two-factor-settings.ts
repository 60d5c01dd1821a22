/**
 * Settings → Two-factor sign-in as one form: the policy, plus the support phone and email the
 * code email names. Those two are NOT copied here: they are the very values Settings → Email
 * delivery keeps (`mail.settings`, shared with every other email), read and written in place with
 * Email delivery's own rules, so either page shows what the other saved.
 */
import { z } from 'zod';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import { MailSettingsInput, type MailSettingsRepository } from '../mail/settings.js';
import { PolicySettingsInput, type Policy, type PolicyStore } from './policy.js';

/** The support contacts as both settings pages show them. */
export interface SupportFields {
  supportPhone: string;
  supportEmail: string;
}

/** The Two-factor sign-in form: the whole policy and the support contacts. */
export type TwoFactorSettings = Policy & SupportFields;

/**
 * The form as `policy.set` takes it. The support fields may be left out (they are then kept);
 * their length rules are Email delivery's, and the address check runs when saving.
 */
export const TwoFactorSettingsInput = PolicySettingsInput.extend({
  supportPhone: MailSettingsInput.shape.supportPhone.optional(),
  supportEmail: MailSettingsInput.shape.supportEmail.optional(),
});

/** Reads and saves the Two-factor sign-in form. */
export class TwoFactorSettingsStore {
  constructor(
    private readonly db: Database,
    private readonly policy: PolicyStore,
    private readonly mail: MailSettingsRepository,
  ) {}

  /** The policy and the support contacts as Email delivery holds them. */
  get(): TwoFactorSettings {
    const { supportPhone, supportEmail } = this.mail.get();
    return { ...this.policy.get(), supportPhone, supportEmail };
  }

  /**
   * Saves the policy and the support contacts together, or neither.
   * @throws AppError VALIDATION when a support contact breaks Email delivery's rules.
   */
  set(form: z.output<typeof TwoFactorSettingsInput>): TwoFactorSettings {
    const { supportPhone, supportEmail, ...policy } = form;
    const current = this.mail.get();
    const mail = MailSettingsInput.safeParse({
      ...current,
      supportPhone: supportPhone ?? current.supportPhone,
      supportEmail: supportEmail ?? current.supportEmail,
    });
    if (!mail.success) {
      const fields: Record<string, string> = {};
      for (const issue of mail.error.issues) fields[String(issue.path[0])] ??= issue.message;
      throw new AppError('VALIDATION', 'Please correct the highlighted fields.', fields);
    }
    this.db.transaction(() => {
      this.policy.set(policy);
      this.mail.save(mail.data);
    })();
    return this.get();
  }
}
