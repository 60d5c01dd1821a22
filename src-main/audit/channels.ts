import { z } from 'zod';
import { channel } from '../contract-kit.js';
import { UserId } from '../roster/schemas.js';
import type { ChangeEntry } from './entries.js';
import type { ChangesSinceSync, SyncMarker } from './change-log.js';
import { USER_TABS } from './tabs.js';

const TabName = z
  .string()
  .max(1000)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'Enter a name.').max(200, 'A name must be at most 200 characters.'));

/** The change log (History tab, Changes since last sync) and the three list tabs. */
export const auditChannels = {
  /**
   * Changes recorded after the last "Mark as synced", oldest first, email changes apart; each
   * list holds at most `limit` entries (totals count them all).
   */
  'changes.sinceSync': channel<ChangesSinceSync>()(
    z
      .strictObject({ limit: z.number().int().min(1).max(5000).default(500) })
      .default({ limit: 500 }),
  ),
  /**
   * "Mark as synced": every change up to `upToId` (what the administrator reviewed; default
   * the newest) counts as synced from now on.
   */
  'changes.markSynced': channel<SyncMarker>()(
    z.strictObject({ upToId: z.number().int().min(0).optional() }).default({}),
  ),
  /** One user's History, newest first. */
  'changes.forUser': channel<{ entries: ChangeEntry[] }>()(z.strictObject({ id: UserId })),
  /** The names on a user's Organizations, Permissions or Participant Assignments tab. */
  'tabs.list': channel<{ names: string[] }>()(
    z.strictObject({ id: UserId, tab: z.enum(USER_TABS) }),
  ),
  /** Adds a name to a tab. Fails with VALIDATION (form.name), NOT_FOUND or CONFLICT. */
  'tabs.add': channel<{ names: string[] }>()(
    z.strictObject({ id: UserId, tab: z.enum(USER_TABS), form: z.strictObject({ name: TabName }) }),
  ),
  /** Removes a name from a tab. Fails with NOT_FOUND. */
  'tabs.remove': channel<{ names: string[] }>()(
    z.strictObject({ id: UserId, tab: z.enum(USER_TABS), name: z.string().min(1).max(1000) }),
  ),
} as const;
