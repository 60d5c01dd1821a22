/**
 * When to tell the administrator, with a desktop notification, that a Send Email job ended: only
 * when it finished on its own while the window was in the background (a cancelled job was the
 * administrator's own doing; a focused window shows the progress screen already). Pure.
 */
import type { MailJobFinished } from '../mail/job-runner.js';

/** A notification's text, and the screen that clicking it opens. */
export interface Notice {
  title: string;
  body: string;
  route: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The notice for a job that ended, or null when none should be shown. */
export function jobFinishedNotice(job: MailJobFinished, windowFocused: boolean): Notice | null {
  if (windowFocused || job.status !== 'finished') return null;
  const { sent, failed, uncertain } = job.counts;
  const parts = [`${plural(sent, 'message')} sent`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (uncertain > 0) parts.push(`${uncertain} uncertain`);
  return {
    title: failed > 0 ? 'Send Email finished with failures' : 'Send Email finished',
    body: parts.join(', ') + '.',
    route: `/mail/jobs/${job.jobId}`,
  };
}
