/**
 * The readiness channels, served from {@link ReadinessService}.
 */
import type { HandlersFor } from '../contract.js';
import type { readinessChannels } from './channels.js';
import type { ReadinessService } from './service.js';

/** Handlers for every channel in {@link readinessChannels}. */
export function createReadinessHandlers(deps: {
  readiness: ReadinessService;
}): HandlersFor<keyof typeof readinessChannels> {
  const { readiness } = deps;
  return {
    'readiness.summary': () => readiness.summary(),
    'readiness.forUsers': ({ userIds }) => ({ users: readiness.forUsers(userIds) }),
    'readiness.evaluateDraft': ({ id, draft }) => readiness.evaluateDraft(id, draft),
  };
}
