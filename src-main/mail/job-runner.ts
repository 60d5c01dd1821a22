/**
 * Sends a bulk Send Email job in the background of the main process, one delivery row at a time
 * per connection, recording each row's fate as it happens.
 *
 * Rules (what the results table and the tests rely on):
 * - A row is committed as 'sending' before its SMTP transaction starts, and as 'sent', 'failed'
 *   or 'uncertain' right after. Only a crash leaves 'sending' behind; recovery turns it into
 *   'uncertain' and it is never re-sent automatically.
 * - Each connection claims its next row (committed 'sending') while its current message is being
 *   sent, so the next message goes out as soon as the reply comes instead of after a disk sync
 *   of its own. That row is put back in the queue, its attempt uncounted, whenever the
 *   connection stops or pauses before sending it; only after a crash does it become
 *   'uncertain' although it was never handed over (at most one row per connection).
 * - Temporary failures — a 4xx reply, or a dropped connection or timeout before the whole
 *   message was handed over (connecting, greeting, EHLO, AUTH, MAIL, RCPT, or part-way through
 *   the message) — are retried with growing pauses, up to {@link RunnerOptions.maxAttempts}
 *   attempts. SMTP delivers a message only once its end of DATA has arrived, so a message cut
 *   off earlier was not taken.
 * - A drop or timeout after the whole message was handed over, before the server's reply, makes
 *   the row 'uncertain' with the reason: the server may have delivered it, and none may receive
 *   a message twice, so it is not sent again. (The pool's own re-sending is switched off.)
 * - Permanent failures (every 5xx) fail the row at once, quoting the server.
 * - Setup problems (connection refused, TLS, authentication, no password) are the same for
 *   every recipient: the row and every row still queued fail with that reason, so a wrong
 *   password is not tried hundreds of times (which could lock the account). Fix the settings,
 *   then Retry failed.
 * - At most "Parallel connections" messages are in flight and at most "Messages per minute"
 *   start in any minute (rate-limit.ts, on the app's clock). A row takes its place in the
 *   minute before it is claimed.
 * - Cancel stops claiming rows and cuts short any pause (a retry's or the rate limit's);
 *   messages in flight finish and are recorded. Queued rows stay queued for Resume.
 */
import type { DeliveryRow, Job, JobCounts, JobStatus, JobsRepository } from './jobs-repository.js';
import { RowQueue } from './row-queue.js';
import { openSender, type DeliveryReceipt, type MailDeps, type MailSender } from './delivery.js';
import { GroupCommit } from './group-commit.js';
import { RateLimiter, realSleep, type Sleep } from './rate-limit.js';
import { MailSettingsRepository } from './settings.js';
import { messageFor } from './template.js';

/** Tuning of retries and pauses. */
export interface RunnerOptions {
  /** Attempts per row per run, the first included. */
  maxAttempts?: number;
  /** The pause before attempt `n + 1` after the n-th attempt failed temporarily. */
  backoffMs?: (attempt: number) => number;
  /**
   * Every pause (retry backoff, rate limit); it must end early when its signal aborts (Cancel).
   * Tests pass one that moves their clock by `ms` instead of waiting (the rate limit measures
   * its minute on the app's clock).
   */
  sleep?: Sleep;
  /** Called when a run fails unexpectedly (a closed database, a bug); never shown to the user. */
  onError?: (error: unknown) => void;
  /** Called when a run has ended and its status is recorded (the desktop notification). */
  onJobFinished?: (job: MailJobFinished) => void;
}

/** A job whose run just ended: its recorded status and row counts. */
export interface MailJobFinished {
  jobId: number;
  status: JobStatus;
  counts: JobCounts;
}

const DEFAULT_MAX_ATTEMPTS = 4;
const defaultBackoff = (attempt: number) => Math.min(30_000, 2_000 * 2 ** (attempt - 1));

interface Run {
  /** Aborted by Cancel (and shutdown): no new rows are claimed and every pause ends. */
  stop: AbortController;
  setupProblem: string | null;
  done: Promise<void>;
}

/** True once the run must not claim or send another row. */
const stopped = (run: Run) => run.stop.signal.aborted || run.setupProblem !== null;

/** A row taken from the queue, and its claim (its rate slot first, then 'sending' committed). */
interface Claim {
  row: DeliveryRow;
  /** True once committed 'sending'; false when the run stopped first or it was not queued. */
  claimed: Promise<boolean>;
}

/** One connection's worker, and what it sends with (shared by every lane of the run). */
interface Lane {
  run: Run;
  sender: MailSender;
  rate: RateLimiter | undefined;
  queue: RowQueue;
  /** The next row, claimed while the current one is being sent. */
  ahead: Claim | undefined;
  /** The outcomes of its rows, committed in the groups of the other rows' writes. */
  recorded: Promise<void>;
}

/** Runs jobs; at most one run per job at a time. */
export class JobRunner {
  private readonly runs = new Map<number, Run>();
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly sleep: Sleep;
  private readonly commits: GroupCommit;

  constructor(
    private readonly deps: MailDeps,
    private readonly jobs: JobsRepository,
    private readonly options: RunnerOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.sleep = options.sleep ?? realSleep;
    this.commits = new GroupCommit(deps.db);
  }

  /** Starts sending the job's queued rows in the background (no-op if already running). */
  start(jobId: number): void {
    if (this.runs.has(jobId)) return;
    this.jobs.setStatus(jobId, 'running');
    const run: Run = { stop: new AbortController(), setupProblem: null, done: Promise.resolve() };
    this.runs.set(jobId, run);
    run.done = this.execute(jobId, run)
      .then(() => this.reportFinished(jobId))
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => this.runs.delete(jobId));
  }

  /** True while the job is being sent. */
  isRunning(jobId: number): boolean {
    return this.runs.has(jobId);
  }

  /** True while any job is being sent. */
  isBusy(): boolean {
    return this.runs.size > 0;
  }

  /** Asks a running job to stop after the messages in flight. Answers whether it was running. */
  cancel(jobId: number): boolean {
    const run = this.runs.get(jobId);
    run?.stop.abort();
    return Boolean(run);
  }

  /** Resolves when the job's current run has ended (at once if none). */
  async whenDone(jobId: number): Promise<void> {
    await this.runs.get(jobId)?.done;
  }

  /** Cancels every run and waits for the messages in flight (before closing the database). */
  async stopAll(): Promise<void> {
    for (const run of this.runs.values()) run.stop.abort();
    await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  private reportFinished(jobId: number): void {
    const onJobFinished = this.options.onJobFinished;
    if (!onJobFinished) return;
    const { status, counts } = this.jobs.job(jobId);
    onJobFinished({ jobId, status, counts });
  }

  private async execute(jobId: number, run: Run): Promise<void> {
    let sender: MailSender;
    try {
      sender = await openSender(this.deps);
    } catch (error) {
      // No password saved, no keychain: nothing can be sent until the settings are fixed.
      const reason = error instanceof Error ? error.message : String(error);
      this.jobs.failQueued(jobId, reason);
      this.jobs.setStatus(jobId, 'finished');
      return;
    }
    try {
      const job = this.jobs.job(jobId);
      const settings = new MailSettingsRepository(this.deps.db).get();
      const smtp = sender.via === 'smtp';
      const workers = smtp ? settings.connections : 1;
      const rate = smtp
        ? new RateLimiter(settings.messagesPerMinute, this.deps.clock, this.sleep)
        : undefined;
      const queue = new RowQueue(this.jobs, jobId);
      const lanes = Array.from({ length: workers }, (): Lane => {
        return { run, sender, rate, queue, ahead: undefined, recorded: Promise.resolve() };
      });
      await Promise.all(lanes.map((lane) => this.work(job, lane)));
    } finally {
      sender.close();
    }
    if (run.setupProblem) this.jobs.failQueued(jobId, run.setupProblem);
    const stillQueued = this.jobs.counts(jobId).queued > 0;
    this.jobs.setStatus(jobId, run.stop.signal.aborted && stillQueued ? 'cancelled' : 'finished');
  }

  /** One connection: sends claimed rows one after another until the queue is empty or stopped. */
  private async work(job: Job, lane: Lane): Promise<void> {
    try {
      for (;;) {
        const claim = lane.ahead ?? this.claimNext(lane);
        lane.ahead = undefined;
        if (!claim) break;
        try {
          if (await claim.claimed) await this.deliver(job, claim.row, lane);
        } finally {
          lane.queue.release(claim.row.id);
        }
        if (stopped(lane.run)) break;
      }
    } finally {
      await this.putBack(lane);
      await lane.recorded;
    }
  }

  /**
   * Takes the next queued row and claims it: waits for its rate slot, then commits it 'sending'
   * (with whatever else is being written). Undefined when the run stopped or the queue is empty.
   */
  private claimNext({ run, rate, queue }: Lane): Claim | undefined {
    if (stopped(run)) return undefined;
    const row = queue.take();
    if (!row) return undefined;
    const claimed = (async () => {
      if (rate && !(await rate.acquire(run.stop.signal))) return false;
      if (stopped(run)) return false;
      return this.commits.run(() => this.jobs.claim(row.id));
    })();
    // Awaited once the lane is ready for it; marked handled meanwhile, so a failure is raised
    // there rather than reported as an unhandled rejection.
    claimed.catch(() => {});
    return { row, claimed };
  }

  /** Puts the lane's row claimed ahead back in the queue, its attempt uncounted. */
  private async putBack(lane: Lane): Promise<void> {
    const ahead = lane.ahead;
    lane.ahead = undefined;
    if (!ahead) return;
    try {
      if (await ahead.claimed) await this.commits.run(() => this.jobs.unclaim(ahead.row.id));
    } finally {
      lane.queue.release(ahead.row.id);
    }
  }

  /** Commits `write` (a row's outcome) with the next group, without waiting for it. */
  private record(lane: Lane, write: () => void): void {
    lane.recorded = Promise.all([lane.recorded, this.commits.run(write)]).then(() => {});
    // Awaited when the lane ends; marked handled until then (see claimNext).
    lane.recorded.catch(() => {});
  }

  /**
   * Sends one claimed row, retrying temporary failures (each retry takes a rate slot and is
   * claimed again). The lane's next row is claimed while this one is on its way.
   */
  private async deliver(job: Job, row: DeliveryRow, lane: Lane): Promise<void> {
    const { sender, run, rate } = lane;
    const message = messageFor(job, { ...row, email: row.address }, job.support);
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) {
        if (rate && !(await rate.acquire(run.stop.signal))) return;
        if (run.setupProblem) return;
        if (!(await this.commits.run(() => this.jobs.claim(row.id)))) return;
      }
      lane.ahead ??= this.claimNext(lane);
      let receipt: DeliveryReceipt;
      try {
        receipt = await sender.send(message);
      } catch (error) {
        const problem = sender.explain(error);
        if (problem.setup) {
          run.setupProblem ??= problem.message;
          return this.record(lane, () => this.jobs.markFailed(row.id, sender.via, problem.message));
        }
        if (problem.kind === 'uncertain') {
          return this.record(lane, () =>
            this.jobs.markUncertain(row.id, sender.via, problem.message),
          );
        }
        if (problem.retryable && attempt < this.maxAttempts) {
          // Queued again (also when cancelled meanwhile: Resume then picks it up). The row
          // claimed ahead goes back too: nothing waits through the pause as 'sending'.
          const note = `(attempt ${attempt} of ${this.maxAttempts}; trying again)`;
          await this.commits.run(() =>
            this.jobs.requeue(row.id, sender.via, `${problem.message} ${note}`),
          );
          await this.putBack(lane);
          if (stopped(run)) return;
          await this.sleep(this.backoffMs(attempt), run.stop.signal);
          if (stopped(run)) return;
          continue;
        }
        const gaveUp = problem.retryable ? ` Gave up after ${attempt} attempts.` : '';
        return this.record(lane, () =>
          this.jobs.markFailed(row.id, sender.via, problem.message + gaveUp),
        );
      }
      return this.record(lane, () =>
        this.jobs.markSent(row.id, sender.via, receipt.messageId, receipt.response),
      );
    }
  }
}
