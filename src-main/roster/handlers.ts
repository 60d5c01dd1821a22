/**
 * The roster's channels (Manage Users, View Details, Add User, bulk status) served from the
 * repository. Validation already happened in the gateway; the repository checks conflicts.
 */
import type { HandlersFor } from '../contract.js';
import type { PrefsRepository } from '../db/prefs-repository.js';
import type { rosterChannels } from './channels.js';
import type { UsersRepository } from './users-repository.js';

/** What the roster handlers need. */
export interface RosterDeps {
  users: UsersRepository;
  prefs: PrefsRepository;
}

/** Handlers for every channel in {@link rosterChannels}. */
export function createRosterHandlers(deps: RosterDeps): HandlersFor<keyof typeof rosterChannels> {
  const { users } = deps;
  return {
    'users.search': (input) => users.search(input),
    'users.matchingIds': (input) => ({ ids: users.matchingIds(input) }),
    'users.get': ({ id }) => users.get(id),
    'users.create': ({ profile }) => users.create(profile),
    'users.update': ({ id, profile }) => users.update(id, profile),
    'users.setStatus': ({ ids, status }) => ({ changed: users.setStatus(ids, status) }),
  };
}
