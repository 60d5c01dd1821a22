/**
 * The three exports — roster (the current search, filter and sort, every page), readiness
 * report, and change log — as CSV text with a file name. The shell decides where it goes: a
 * save dialog in Electron, a download in the browser host.
 */
import type { ChangeLog } from '../audit/change-log.js';
import type { ChangeEntry } from '../audit/entries.js';
import type { Database } from '../db/connection.js';
import type { ReadinessDeps } from '../readiness/evaluate.js';
import type { ReadinessFilter } from '../readiness/reasons.js';
import { readinessReportRows } from '../readiness/report-rows.js';
import type { UserColumn, UserFilter } from '../roster/schemas.js';
import type { UsersRepository } from '../roster/users-repository.js';
import { toCsv } from './csv-out.js';

/** An export ready to save. */
export interface ExportFile {
  fileName: string;
  text: string;
}

/** The roster export's filter and sort: what Manage Users shows, without paging. */
export interface RosterExportInput extends UserFilter {
  sort: { column: UserColumn; direction: 'asc' | 'desc' };
}

/** The Group column of the change-log export, named as Changes since last sync names its lists. */
const EMAIL_CHANGES = 'Email changes';
const OTHER_CHANGES = 'Other changes';

/** The guide's column headers, which the import reads back. */
const ROSTER_HEADERS = ['User Name', 'First Name', 'Last Name', 'Email', 'Work Phone', 'Status'];

/** What the exporter needs. */
export interface ExporterDeps {
  clock: () => Date;
  changeLog: ChangeLog;
  readiness: ReadinessDeps;
  /** The ids a readiness filter lets through, null for 'all' (ReadinessService.idsFor). */
  readinessIds: (filter: ReadinessFilter) => readonly number[] | null;
  /** Manage Users' own search, so the export matches it row for row. */
  users: Pick<UsersRepository, 'matchingIds' | 'rowsInOrder'>;
}

/** Builds the export files. */
export class Exporter {
  constructor(
    private readonly db: Database,
    private readonly deps: ExporterDeps,
  ) {}

  /** Every user matching the search, status and readiness filters, in the chosen order. */
  roster(input: RosterExportInput): ExportFile {
    const { users, readinessIds } = this.deps;
    const ids = users.matchingIds({ ...input, onlyIds: readinessIds(input.readiness) }, input.sort);
    const rows = users
      .rowsInOrder(ids)
      .map((u) => [u.userName, u.firstName, u.lastName, u.email, u.workPhone, u.status]);
    return { fileName: this.name('roster'), text: toCsv(ROSTER_HEADERS, rows) };
  }

  /** Every user with Ready / Not ready / Out of scope and the reasons. */
  readiness(onlyNotReady: boolean): ExportFile {
    const rows = readinessReportRows(this.db, this.deps.readiness, onlyNotReady).map((r) => [
      r.userName,
      r.firstName,
      r.lastName,
      r.email,
      r.status,
      r.readiness,
      r.reasons,
    ]);
    const headers = [...ROSTER_HEADERS.filter((h) => h !== 'Work Phone'), 'Readiness', 'Reasons'];
    return { fileName: this.name('readiness'), text: toCsv(headers, rows) };
  }

  /**
   * The change log since the last sync mark, or all of it; with `upToId` (what Changes since
   * last sync shows and marks) nothing newer. As on that screen, email changes come apart: the
   * first column, Group, is "Email changes" for every change of an email address — listed
   * first, oldest first, since the two-factor switch depends on them — and "Other changes" for
   * the rest, oldest first.
   */
  changes(scope: 'sinceSync' | 'all', upToId?: number): ExportFile {
    const entries = this.deps.changeLog.entries(scope, upToId);
    const email = entries.filter((e) => e.field === 'email');
    const other = entries.filter((e) => e.field !== 'email');
    const row = (group: string) => (e: ChangeEntry) => [
      group,
      e.at,
      e.userName,
      e.fieldLabel,
      e.oldValue,
      e.newValue,
      e.source,
    ];
    const rows = [...email.map(row(EMAIL_CHANGES)), ...other.map(row(OTHER_CHANGES))];
    const headers = [
      'Group',
      'When (UTC)',
      'User Name',
      'Field',
      'Old Value',
      'New Value',
      'Source',
    ];
    const prefix = scope === 'all' ? 'changes-all' : 'changes-since-last-sync';
    return { fileName: this.name(prefix), text: toCsv(headers, rows) };
  }

  private name(prefix: string): string {
    return `trax-${prefix}-${this.deps.clock().toISOString().slice(0, 10)}.csv`;
  }
}
