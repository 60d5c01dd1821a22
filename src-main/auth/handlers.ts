/**
 * The login simulator's channels, served by {@link SignInService}, {@link AccountService} and
 * {@link PasswordAdmin}.
 * Validation (lengths, matching passwords) already happened in the gateway.
 */
import type { HandlersFor } from '../contract.js';
import type { AccountService } from './account-service.js';
import type { authChannels } from './channels.js';
import type { PasswordAdmin } from './password-admin.js';
import type { TwoFactorSettingsStore } from './two-factor-settings.js';
import type { SignInService } from './sign-in.js';

/** What the auth handlers need. */
export interface AuthDeps {
  signIn: SignInService;
  account: AccountService;
  admin: PasswordAdmin;
  settings: TwoFactorSettingsStore;
}

/** Handlers for every channel in {@link authChannels}. */
export function createAuthHandlers(deps: AuthDeps): HandlersFor<keyof typeof authChannels> {
  const { signIn, account, admin, settings } = deps;
  return {
    'auth.banner': () => signIn.banner(),
    'auth.signIn': ({ form }) => signIn.signIn(form.userName, form.password),
    'auth.verifyCode': ({ challengeId, code }) => signIn.verifyCode(challengeId, code),
    'auth.resendCode': ({ challengeId }) => signIn.resendCode(challengeId),
    'auth.profile': ({ session }) => account.profile(session),
    'auth.changePassword': async ({ session, form }) => {
      await account.changePassword(session, form.oldPassword, form.newPassword);
      return { changed: true };
    },
    'auth.forgotPassword': ({ form }) => account.forgotPassword(form.userName),
    'auth.resetPassword': async ({ form }) => {
      await account.resetPassword(form.userName, form.code, form.newPassword);
      return { changed: true };
    },
    'auth.signOut': ({ session }) => {
      account.signOut(session);
      return { signedOut: true };
    },
    'auth.setUserPassword': async ({ id, form }) => {
      await admin.setUserPassword(id, form.password);
      return { changed: true };
    },
    'auth.passwordState': ({ id }) => admin.passwordState(id),
    'auth.unlockUser': ({ id }) => admin.unlock(id),
    'policy.get': () => settings.get(),
    'policy.set': (input) => settings.set(input.settings),
  };
}
