/**
 * The actions of the line "Apply the following action for the selected user(s):". Adding one
 * (the mail issue adds "Send Email") is one entry in {@link BULK_ACTIONS}.
 */
import type { Result } from '../../src-main/contract';
import { call } from './api';
import { plural } from './format';
import { setComposeSelection } from './mail/compose-selection';
import { router } from './router.svelte';

/** Asked in a dialog before a destructive action runs. */
export interface Confirmation {
  title: string;
  message: string;
  confirmLabel: string;
}

/** One choice of the bulk-action dropdown. */
export interface BulkAction {
  id: string;
  /** The guide's word for it, shown in the dropdown. */
  label: string;
  /** Present when the action must be confirmed first. */
  confirm?: (count: number) => Confirmation;
  /** Runs the action; answers the message to show and announce. */
  run: (ids: number[]) => Promise<Result<string>>;
}

async function setStatus(ids: number[], status: 'Active' | 'Inactive', verb: string) {
  const result = await call('users.setStatus', { ids, status });
  if (!result.ok) return result;
  return { ok: true as const, value: `${plural(result.value.changed, 'user')} ${verb}.` };
}

/** The dropdown's choices, in order; the first is preselected. */
export const BULK_ACTIONS: BulkAction[] = [
  {
    // The guide's section 6: "Send Email" + "Go" opens the compose view for the selection.
    id: 'send-email',
    label: 'Send Email',
    run: async (ids) => {
      setComposeSelection(ids);
      router.go('/mail/compose');
      return { ok: true, value: `Composing an email to ${plural(ids.length, 'selected user')}.` };
    },
  },
  {
    id: 'activate',
    label: 'Activate',
    run: (ids) => setStatus(ids, 'Active', 'activated'),
  },
  {
    id: 'deactivate',
    label: 'Deactivate',
    confirm: (count) => ({
      title: 'Deactivate users?',
      message: `Deactivate ${plural(count, 'selected user')}? They will no longer be able to sign in.`,
      confirmLabel: 'Deactivate',
    }),
    run: (ids) => setStatus(ids, 'Inactive', 'deactivated'),
  },
];
