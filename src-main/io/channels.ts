import { z } from 'zod';
import { channel } from '../contract-kit.js';
import { UserFilterInput, USER_COLUMNS } from '../roster/schemas.js';
import type { ExportFile } from './export.js';
import type { ImportPreview, ImportSummary } from './import-roster.js';

/**
 * The file's text as the renderer read it (never a path). The service states the real limit
 * (20 MB) in its refusal; this bound only keeps absurd requests out of the parser.
 */
const FileText = z.string().max(64 * 1024 * 1024);

const ImportOptionsInput = z
  .strictObject({
    addNew: z.boolean().default(true),
    updateExisting: z.boolean().default(true),
    missingUsers: z.enum(['leave', 'deactivate']).default('leave'),
  })
  .default({ addNew: true, updateExisting: true, missingUsers: 'leave' });

/** Import roster and the three CSV exports. */
export const ioChannels = {
  /**
   * What importing the file would do: column mapping (unknown columns listed), the first rows,
   * per-row errors with line numbers, and counts (add, update, unchanged, reject, skip,
   * deactivate). Writes nothing. A refused file (too large, not UTF-8, binary, empty, not CSV,
   * no usable header, missing required columns, duplicate headers, no rows) fails with
   * BAD_INPUT and the reason.
   */
  'io.previewImport': channel<ImportPreview>()(
    z.strictObject({ text: FileText, options: ImportOptionsInput }),
  ),
  /**
   * Applies the import: backup copy of the database first, then one transaction; rejected rows
   * are left out; every change is in the change log (source 'import'); the roster stops being
   * the demo roster. Refusals as for io.previewImport, with the database untouched.
   */
  'io.applyImport': channel<ImportSummary>()(
    z.strictObject({ text: FileText, options: ImportOptionsInput }),
  ),
  /** The roster as CSV: the current search, status and readiness filters and sort, all pages. */
  'io.exportRoster': channel<ExportFile>()(
    UserFilterInput.extend({
      sort: z
        .strictObject({ column: z.enum(USER_COLUMNS), direction: z.enum(['asc', 'desc']) })
        .default({ column: 'userName', direction: 'asc' }),
    }),
  ),
  /** The readiness report as CSV: every user (or only those not ready) with the reasons. */
  'io.exportReadiness': channel<ExportFile>()(
    z.strictObject({ onlyNotReady: z.boolean().default(false) }).default({ onlyNotReady: false }),
  ),
  /**
   * The change log as CSV: since the last sync mark (default) or all of it, email changes first
   * (column Group). `upToId` — the id Changes since last sync shows and passes to
   * changes.markSynced — leaves out anything recorded after the screen was loaded.
   */
  'io.exportChanges': channel<ExportFile>()(
    z
      .strictObject({
        scope: z.enum(['sinceSync', 'all']).default('sinceSync'),
        upToId: z.number().int().min(0).optional(),
      })
      .default({ scope: 'sinceSync' }),
  ),
} as const;
