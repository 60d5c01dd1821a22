/**
 * The roster's channels (Manage Users, View Details, Add User, bulk status) served from the
 * repository. Validation already happened in the gateway; the repository checks conflicts.
 * Readiness is computed in memory by the readiness service, so its filter reaches the SQL as
 * the ids it lets through, and each row of a page gets its badge from the same evaluation.
 */
import type { HandlersFor } from '../contract.js';
import type { PrefsRepository } from '../db/prefs-repository.js';
import type { LastTestResult } from '../mail/last-results.js';
import type { ReadinessService } from '../readiness/service.js';
import type { rosterChannels } from './channels.js';
import type { UserListPage } from './schemas.js';
import type { UsersRepository } from './users-repository.js';

/** What the roster handlers need. */
export interface RosterDeps {
  users: UsersRepository;
  prefs: PrefsRepository;
  /** The readiness filter's ids and the rows' badges. */
  readiness: Pick<ReadinessService, 'snapshot' | 'idsFor'>;
  /** Each given user's last test email; users never sent one are absent. */
  lastTestEmails: (userIds: number[]) => ReadonlyMap<number, LastTestResult>;
}

/** Handlers for every channel in {@link rosterChannels}. */
export function createRosterHandlers(deps: RosterDeps): HandlersFor<keyof typeof rosterChannels> {
  const { users, readiness, lastTestEmails } = deps;
  return {
    'users.search': (input): UserListPage => {
      const snapshot = readiness.snapshot();
      const page = users.search({ ...input, onlyIds: snapshot.idsFor(input.readiness) });
      const lasts = lastTestEmails(page.rows.map((row) => row.id));
      return {
        ...page,
        rows: page.rows.map((row) => ({
          ...row,
          readiness: snapshot.badge(row.id) ?? null,
          lastTestEmail: lasts.get(row.id) ?? null,
        })),
      };
    },
    'users.matchingIds': (input) => ({
      ids: users.matchingIds({ ...input, onlyIds: readiness.idsFor(input.readiness) }),
    }),
    'users.get': ({ id }) => users.get(id),
    'users.create': ({ profile }) => users.create(profile),
    'users.update': ({ id, profile }) => users.update(id, profile),
    'users.setStatus': ({ ids, status }) => ({ changed: users.setStatus(ids, status) }),
  };
}
