import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import { UserId, UserIds } from '../roster/schemas.js';
import type { JobSummary, DeliveryRow } from './jobs-repository.js';
import { DELIVERY_STATUSES, JOB_STATUSES } from './jobs-repository.js';
import type { LastTestResult } from './last-results.js';
import type { OutboxMessage, OutboxSummary } from './outbox.js';
import type { PreparedRecipients } from './recipients.js';
import type { PasswordState } from './service.js';
import { MailSettingsInput, type MailSettings, type SupportContacts } from './settings.js';
import type { SmtpCheckResult } from './smtp.js';
import type { RenderedMessage } from './template.js';

/** Settings → Email delivery as the form shows it: the settings and the password's state. */
export interface MailSettingsView extends PasswordState {
  settings: MailSettings;
  /** After a save: what happened to the password of the previous settings, if anything. */
  notice?: string;
}

/** A job's progress: its counts, whether it is still being sent, and (filtered) rows. */
export interface JobStatusView {
  job: JobSummary;
  running: boolean;
  rows: DeliveryRow[];
}

/** One user's last test email. */
export interface LastResultView extends LastTestResult {
  userId: number;
}

const JobId = z.number().int().positive();
const Subject = z
  .string()
  .max(1000)
  .transform((s) => s.trim())
  .pipe(
    z.string().min(1, 'Subject is required.').max(200, 'Subject must be at most 200 characters.'),
  );
const Body = z
  .string()
  .max(20_000, 'Body must be at most 20,000 characters.')
  .refine((s) => s.trim().length > 0, 'Body is required.');

/** Email delivery settings, the Outbox, and bulk Send Email. */
export const mailChannels = {
  /** Settings → Email delivery, with whether a password is saved (never the password). */
  'mail.getSettings': channel<MailSettingsView>()(NoInput),
  /**
   * Saves the Email delivery form. VALIDATION with a message per field. A changed host, port,
   * security or user name removes the password saved for the previous ones (`notice` says so).
   */
  'mail.saveSettings': channel<MailSettingsView>()(z.strictObject({ settings: MailSettingsInput })),
  /**
   * Saves the SMTP password for the saved host and user name in the OS keychain (only there).
   * UNAVAILABLE when no keychain can be reached; nothing is stored then.
   */
  'mail.setPassword': channel<PasswordState>()(
    z.strictObject({
      form: z.strictObject({
        password: z
          .string()
          .min(1, 'Enter the password.')
          .max(1000, 'The password must be at most 1,000 characters.'),
      }),
    }),
  ),
  /** Removes the saved SMTP password from the keychain. */
  'mail.clearPassword': channel<PasswordState>()(NoInput),
  /**
   * Test connection: connects, upgrades to TLS and signs in with the saved settings (or the
   * given, unsaved ones), and says plainly how it went. Never throws for a server problem. The
   * saved password is used only with the saved host, port, security and user name; other
   * settings need `password` (typed for this test, never saved).
   */
  'mail.testConnection': channel<SmtpCheckResult>()(
    z
      .strictObject({
        settings: MailSettingsInput.optional(),
        password: z
          .string()
          .min(1, 'Enter the password.')
          .max(1000, 'The password must be at most 1,000 characters.')
          .optional(),
      })
      .optional(),
  ),
  /** Send a test message to… one address, in the saved delivery mode. */
  'mail.sendTestMessage': channel<SmtpCheckResult>()(
    z.strictObject({
      form: z.strictObject({
        to: z
          .string()
          .max(254, 'The address must be at most 254 characters.')
          .transform((s) => s.trim())
          .pipe(z.email('Enter an address like name@example.com.')),
      }),
    }),
  ),
  /** The selected users split into ready, inactive and invalid-address recipients. */
  'mail.prepareRecipients': channel<PreparedRecipients>()(z.strictObject({ userIds: UserIds })),
  /** The default subject and body (the guide's test email), the placeholders and the contacts. */
  'mail.defaults': channel<{
    subject: string;
    body: string;
    placeholders: string[];
    support: SupportContacts;
  }>()(NoInput),
  /** The message as one recipient would receive it (placeholders filled, HTML escaped). */
  'mail.preview': channel<RenderedMessage & { to: string; toName: string }>()(
    z.strictObject({
      subject: z.string().max(1000),
      body: z.string().max(100_000),
      userId: UserId,
    }),
  ),
  /**
   * Send: persists the job and one queued row per recipient, then sends in the background.
   * `userIds` is the final list (ready users plus any the administrator included).
   */
  'mail.startJob': channel<{ jobId: number }>()(
    z.strictObject({ userIds: UserIds, form: z.strictObject({ subject: Subject, body: Body }) }),
  ),
  /**
   * A job's counts and one page of its rows (optionally only those in one status), for the
   * progress view, which polls it while the job runs.
   */
  'mail.jobStatus': channel<JobStatusView>()(
    z.strictObject({
      jobId: JobId,
      status: z.enum(DELIVERY_STATUSES).optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ),
  /**
   * Cancel: stops after the messages in flight, cutting short any pause; queued rows stay
   * queued for Resume.
   */
  'mail.cancelJob': channel<{ cancelled: boolean }>()(z.strictObject({ jobId: JobId })),
  /** Retry failed: queues the failed rows again (only those) and sends them. */
  'mail.retryFailed': channel<{ requeued: number }>()(z.strictObject({ jobId: JobId })),
  /** Resume: sends the queued rows of a cancelled or interrupted job. Uncertain rows are not sent. */
  'mail.resumeJob': channel<{ queued: number }>()(z.strictObject({ jobId: JobId })),
  /** The mail log: past jobs (or only those in `status`), newest first, with their counts. */
  'mail.listJobs': channel<{ jobs: JobSummary[] }>()(
    z.strictObject({ status: z.enum(JOB_STATUSES).optional() }).optional(),
  ),
  /** Each given user's last test email (users never sent one are absent). */
  'mail.lastResults': channel<{ results: LastResultView[] }>()(
    z.strictObject({ userIds: z.array(UserId).max(200_000) }),
  ),
  /** The Outbox: every caught message, newest first. */
  'outbox.list': channel<{ messages: OutboxSummary[] }>()(NoInput),
  /** One caught message as the recipient would see it (text, HTML, headers). */
  'outbox.get': channel<OutboxMessage>()(z.strictObject({ id: z.number().int().positive() })),
  /** Clear outbox (the renderer asks first). */
  'outbox.clear': channel<{ removed: number }>()(NoInput),
} as const;
