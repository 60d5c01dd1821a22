/**
 * The mail channels' handlers: thin adapters from the contract to {@link MailServices}.
 */
import type { HandlersFor } from '../contract.js';
import { AppError } from '../errors.js';
import type { mailChannels } from './channels.js';
import { openSender, type MailSender } from './delivery.js';
import { lastTestResults } from './last-results.js';
import { prepareRecipients, readRecipients } from './recipients.js';
import type { MailServices } from './service.js';
import { serverName, verifySmtp, type SmtpCheckResult } from './smtp.js';
import { DEFAULT_BODY, DEFAULT_SUBJECT, messageFor, PLACEHOLDERS } from './template.js';

const TEST_SUBJECT = 'Trax Admin: test message';
const TEST_TEXT =
  'This is a test message from Trax Admin, sent to check the email delivery settings.\n\n' +
  'If you can read it, Trax Admin can send the two-factor authorization test emails.';

/** Handlers of every mail and outbox channel. */
export function createMailHandlers(mail: MailServices): HandlersFor<keyof typeof mailChannels> {
  const { db } = mail.deps;
  const view = async () => ({ settings: mail.settings.get(), ...(await mail.passwordState()) });

  return {
    'mail.getSettings': view,
    'mail.saveSettings': async ({ settings }) => {
      const notice = await mail.saveSettings(settings);
      return { ...(await view()), ...(notice ? { notice } : {}) };
    },
    'mail.setPassword': async ({ form }) => {
      await mail.setPassword(form.password);
      return mail.passwordState();
    },
    'mail.clearPassword': async () => {
      await mail.clearPassword();
      return mail.passwordState();
    },
    'mail.testConnection': async (input) => {
      const settings = input?.settings ?? mail.settings.get();
      if (!settings.host) {
        return { ok: false, kind: 'other', message: 'Enter the SMTP host first.' };
      }
      try {
        const password = await mail.passwordFor(settings, input?.password);
        return await verifySmtp(settings, password, mail.deps.smtpHooks);
      } catch (error) {
        return asCheckFailure(error);
      }
    },
    'mail.sendTestMessage': async ({ form }) => {
      const settings = mail.settings.get();
      let sender: MailSender;
      try {
        sender = await openSender(mail.deps);
      } catch (error) {
        return asCheckFailure(error);
      }
      try {
        const receipt = await sender.send({
          to: form.to,
          subject: TEST_SUBJECT,
          text: TEST_TEXT,
          html: `<p>${TEST_TEXT.replace(/\n\n/g, '</p><p>')}</p>`,
        });
        const where =
          sender.via === 'outbox'
            ? 'It is in the Outbox (Local outbox mode: nothing left this computer).'
            : `${serverName(settings)} accepted it: ${receipt.response}`;
        return {
          ok: true,
          kind: 'success',
          message: `Success: test message sent to ${form.to}. ${where}`,
        };
      } catch (error) {
        const problem = sender.explain(error);
        return { ok: false, kind: problem.kind, message: problem.message };
      } finally {
        sender.close();
      }
    },
    'mail.prepareRecipients': ({ userIds }) => prepareRecipients(db, userIds),
    'mail.defaults': () => ({
      subject: DEFAULT_SUBJECT,
      body: DEFAULT_BODY,
      placeholders: [...PLACEHOLDERS],
      support: mail.getSupportContacts(),
    }),
    'mail.preview': ({ subject, body, userId }) => {
      const recipient = readRecipients(db, [userId]).get(userId);
      if (!recipient) throw new AppError('NOT_FOUND', 'That user is no longer in the roster.');
      const message = messageFor({ subject, body }, recipient, mail.getSupportContacts());
      return { ...message, toName: message.toName ?? '' };
    },
    'mail.startJob': ({ userIds, form }) => {
      mail.assertNotRestoring();
      const recipients = [...readRecipients(db, userIds).values()];
      if (recipients.length === 0) {
        throw new AppError('NOT_FOUND', 'None of the selected users is in the roster any more.');
      }
      const jobId = mail.jobs.createJob(form, mail.getSupportContacts(), recipients);
      mail.runner.start(jobId);
      return { jobId };
    },
    'mail.jobStatus': ({ jobId, status, limit, offset }) => {
      const { id, createdAt, updatedAt, subject, status: jobStatus, counts } = mail.jobs.job(jobId);
      return {
        job: { id, createdAt, updatedAt, subject, status: jobStatus, counts },
        running: mail.runner.isRunning(jobId),
        rows: mail.jobs.rows(jobId, status, limit, offset),
      };
    },
    'mail.cancelJob': ({ jobId }) => {
      mail.jobs.job(jobId);
      return { cancelled: mail.runner.cancel(jobId) };
    },
    'mail.retryFailed': ({ jobId }) => {
      mail.assertNotRestoring();
      mail.jobs.job(jobId);
      const requeued = mail.jobs.requeueFailed(jobId);
      if (requeued > 0) mail.runner.start(jobId);
      return { requeued };
    },
    'mail.resumeJob': ({ jobId }) => {
      mail.assertNotRestoring();
      const queued = mail.jobs.job(jobId).counts.queued;
      if (queued > 0) mail.runner.start(jobId);
      return { queued };
    },
    'mail.listJobs': (input) => ({ jobs: mail.jobs.listJobs(input?.status) }),
    'mail.lastResults': ({ userIds }) => ({
      results: [...lastTestResults(db, userIds)].map(([userId, r]) => ({ userId, ...r })),
    }),
    'outbox.list': () => ({ messages: mail.outbox.list() }),
    'outbox.get': ({ id }) => mail.outbox.get(id),
    'outbox.clear': () => mail.outbox.clear(),
  };
}

/** A failure shown in the Email delivery form rather than as an error banner. */
function asCheckFailure(error: unknown): SmtpCheckResult {
  if (error instanceof AppError) return { ok: false, kind: 'other', message: error.message };
  throw error;
}
