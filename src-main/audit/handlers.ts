/**
 * The change-log and tab channels, served from {@link ChangeLog} and {@link UserTabs}.
 */
import type { HandlersFor } from '../contract.js';
import type { auditChannels } from './channels.js';
import type { ChangeLog } from './change-log.js';
import type { UserTabs } from './tabs.js';

/** What the audit handlers need. */
export interface AuditDeps {
  changeLog: ChangeLog;
  tabs: UserTabs;
}

/** Handlers for every channel in {@link auditChannels}. */
export function createAuditHandlers(deps: AuditDeps): HandlersFor<keyof typeof auditChannels> {
  const { changeLog, tabs } = deps;
  return {
    'changes.sinceSync': ({ limit }) => changeLog.sinceSync(limit),
    'changes.markSynced': ({ upToId }) => changeLog.markSynced(upToId),
    'changes.forUser': ({ id }) => ({ entries: changeLog.forUser(id) }),
    'tabs.list': ({ id, tab }) => ({ names: tabs.list(id, tab) }),
    'tabs.add': ({ id, tab, form }) => ({ names: tabs.add(id, tab, form.name) }),
    'tabs.remove': ({ id, tab, name }) => ({ names: tabs.remove(id, tab, name) }),
  };
}
