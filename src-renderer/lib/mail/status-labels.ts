/**
 * Words for delivery and job states, as the results table and the mail log show them.
 */
import type { DeliveryStatus, JobStatus } from '../../../src-main/mail/jobs-repository';

/** A delivery row's state in plain words. */
export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  uncertain: 'Uncertain',
};

/** A job's state in plain words. */
export const JOB_LABELS: Record<JobStatus, string> = {
  running: 'Sending',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  finished: 'Finished',
};
