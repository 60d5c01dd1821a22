/**
 * Import roster: a preview of what a file would do, and applying it — after a backup copy of
 * the database, in ONE transaction, every change in the change log with source 'import'. A
 * refused file leaves the database untouched (nothing is written before the plan is complete).
 */
import type { AuditChange } from '../audit/audit-recorder.js';
import { backUp, type Database } from '../db/connection.js';
import type { PrefsRepository } from '../db/prefs-repository.js';
import type { ColumnMapping } from './columns.js';
import {
  planImport,
  type ImportCounts,
  type ImportedField,
  type ImportOptions,
  type PlannedRow,
  type RowOutcome,
} from './import-plan.js';
import { withBulkLoad, worthBulkLoad } from './bulk-load.js';

/** How many rows the preview table shows. */
export const PREVIEW_ROWS = 20;
/** How many row errors the preview lists (the count covers all). */
export const PREVIEW_ERRORS = 1000;

/** One row of the preview table. */
export interface PreviewRow {
  line: number;
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
  workPhone: string | null;
  status: string | null;
  outcome: RowOutcome;
  errors: string[];
}

/** A row that will be rejected, and why. */
export interface RowError {
  line: number;
  userName: string;
  messages: string[];
}

/** What the Import roster screen shows before Apply. */
export interface ImportPreview {
  columns: ColumnMapping[];
  unknownColumns: string[];
  totalRows: number;
  rows: PreviewRow[];
  errors: RowError[];
  errorCount: number;
  counts: ImportCounts;
}

/** What Apply did. */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  deactivated: number;
  /** The copy of the database taken just before the import. */
  backupFile: string;
}

/** Where changes go: the audit log's recorder (it accepts the user name to save a lookup). */
export interface ImportRecorder {
  record(changes: AuditChange[]): void;
  /** Records every user with an id above `afterId` as created. */
  recordAddedUsers(afterId: number, source: 'import'): void;
}

/** Changes are handed to the recorder in batches of this many. */
const RECORD_BATCH = 5000;

const COLUMN: Record<ImportedField, string> = {
  userName: 'user_name',
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  workPhone: 'work_phone',
  status: 'status',
};

/** Previews and applies roster imports. */
export class RosterImporter {
  constructor(
    private readonly db: Database,
    private readonly deps: { clock: () => Date; recorder: ImportRecorder; prefs: PrefsRepository },
  ) {}

  /** What importing `text` with `options` would do. Writes nothing. */
  preview(text: string, options: ImportOptions): ImportPreview {
    const plan = planImport(this.db, text, options);
    const rejected = plan.rows.filter((r) => r.outcome === 'reject');
    return {
      columns: plan.columns,
      unknownColumns: plan.unknownColumns,
      totalRows: plan.rows.length,
      rows: plan.rows.slice(0, PREVIEW_ROWS).map(previewRow),
      errors: rejected
        .slice(0, PREVIEW_ERRORS)
        .map((r) => ({ line: r.line, userName: r.userName, messages: r.errors })),
      errorCount: rejected.length,
      counts: plan.counts,
    };
  }

  /** Backs the database up, then applies the import in one transaction. */
  apply(text: string, options: ImportOptions): ImportSummary {
    const plan = planImport(this.db, text, options);
    const backupFile = backUp(this.db, this.db.name, 'before-import', this.deps.clock);
    const now = this.deps.clock().toISOString();
    const insert = this.db.prepare<
      [string, string, string, string, string, string, string, string]
    >(
      'INSERT INTO users (user_name, email, first_name, last_name, work_phone, status, ' +
        'created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const deactivate = this.db.prepare<[string, number]>(
      "UPDATE users SET status = 'Inactive', updated_at = ? WHERE id = ?",
    );
    const pending: AuditChange[] = [];
    const flush = (force = false) => {
      if (pending.length >= RECORD_BATCH || (force && pending.length)) {
        this.deps.recorder.record(pending.splice(0));
      }
    };
    const written = plan.counts.add + plan.counts.update;
    const write = () => {
      // New users get ids above the largest one now (INTEGER PRIMARY KEY, this transaction is
      // the only writer), which is how their creation is recorded in one statement below.
      const lastIdBefore =
        this.db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM users').pluck().get() ?? 0;
      for (const row of plan.rows) {
        if (row.outcome === 'add') {
          const { userName, email, firstName, lastName } = row;
          insert.run(
            userName,
            email,
            firstName,
            lastName,
            row.workPhone ?? '',
            row.status ?? 'Active',
            now,
            now,
          );
        } else if (row.outcome === 'update' && row.existing) {
          this.update(row, now);
          for (const field of row.changes) {
            pending.push(
              change(row.existing.id, row.userName, field, row.existing[field], row[field]),
            );
          }
        }
        flush();
      }
      for (const user of plan.toDeactivate) {
        deactivate.run(now, user.id);
        pending.push(change(user.id, user.userName, 'status', user.status, 'Inactive'));
        flush();
      }
      flush(true);
      if (plan.counts.add > 0) this.deps.recorder.recordAddedUsers(lastIdBefore, 'import');
      this.deps.prefs.setDemoRoster(false);
    };
    const rosterSizeAfter = plan.existingCount + plan.counts.add;
    this.db.transaction(() =>
      worthBulkLoad(written, rosterSizeAfter) ? withBulkLoad(this.db, write) : write(),
    )();
    const c = plan.counts;
    return {
      added: c.add,
      updated: c.update,
      unchanged: c.unchanged,
      rejected: c.reject,
      skipped: c.skip,
      deactivated: c.deactivate,
      backupFile,
    };
  }

  /** Statements per set of changed fields: few distinct sets occur, so they are cached. */
  private readonly updates = new Map<string, ReturnType<Database['prepare']>>();

  private update(row: PlannedRow, now: string): void {
    const key = row.changes.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      const assignments = row.changes.map((f) => `${COLUMN[f]} = @${f}`).join(', ');
      statement = this.db.prepare(
        `UPDATE users SET ${assignments}, updated_at = @now WHERE id = @id`,
      );
      this.updates.set(key, statement);
    }
    const params: Record<string, string | number> = { now, id: row.existing?.id ?? 0 };
    for (const field of row.changes) params[field] = row[field] ?? '';
    statement.run(params);
  }
}

function change(
  userId: number,
  userName: string,
  field: ImportedField,
  oldValue: string | null,
  newValue: string | null,
): AuditChange {
  return { userId, userName, field, oldValue, newValue, source: 'import' };
}

function previewRow(row: PlannedRow): PreviewRow {
  const { line, userName, firstName, lastName, email, workPhone, status, outcome, errors } = row;
  return { line, userName, firstName, lastName, email, workPhone, status, outcome, errors };
}
