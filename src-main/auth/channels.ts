import { z } from 'zod';
import { channel, NoInput } from '../contract-kit.js';
import { UserId } from '../roster/schemas.js';
import type { Banner } from './banner.js';
import type { PasswordState } from './password-admin.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.js';
import { TwoFactorSettingsInput, type TwoFactorSettings } from './two-factor-settings.js';
import type {
  ChallengeView,
  ResendCodeResult,
  SimulatorProfile,
  VerifyCodeResult,
} from './sign-in.js';

const userName = z.string().trim().min(1, 'Enter your user name.').max(200);
/** A password being checked: any text (its rules apply when it is chosen, not when it is used). */
const givenPassword = (message: string) => z.string().min(1, message).max(1000);
/** A password being chosen. */
const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `The new password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `The new password must be at most ${MAX_PASSWORD_LENGTH} characters.`);
const session = z.string().min(1).max(200);
const challengeId = z.string().min(1).max(200);
const code = z.string().trim().min(1, 'Enter the code from the email.').max(40);
const NEW_PASSWORDS_DIFFER = 'The two new passwords do not match.';

/** Change Password: old, new twice; the new one must differ from the old one. */
export const ChangePasswordForm = z
  .strictObject({
    oldPassword: givenPassword('Enter your old password.'),
    newPassword,
    confirmPassword: z.string().max(1000),
  })
  .refine((f) => f.newPassword === f.confirmPassword, {
    message: NEW_PASSWORDS_DIFFER,
    path: ['confirmPassword'],
  })
  .refine((f) => f.newPassword !== f.oldPassword, {
    message: 'The new password must be different from the old one.',
    path: ['newPassword'],
  });

/** Forgot password, second step: the emailed code and the new password twice. */
export const ResetPasswordForm = z
  .strictObject({ userName, code, newPassword, confirmPassword: z.string().max(1000) })
  .refine((f) => f.newPassword === f.confirmPassword, {
    message: NEW_PASSWORDS_DIFFER,
    path: ['confirmPassword'],
  });

/** The login simulator and its policy. */
export const authChannels = {
  /** The 2FA banner of the login page, computed from today and the go-live date. */
  'auth.banner': channel<Banner>()(NoInput),
  /**
   * Log In: checks user name and password and emails a code. Every refusal is the same
   * VALIDATION message (no enumeration); UNAVAILABLE when the email cannot be sent.
   * `rememberMe` is honoured by the renderer (the user name kept in localStorage on this
   * workstation); it gives the session nothing extra.
   */
  'auth.signIn': channel<ChallengeView>()(
    z.strictObject({
      form: z.strictObject({
        userName,
        password: givenPassword('Enter your password.'),
        rememberMe: z.boolean().default(false),
      }),
    }),
  ),
  /** Code entry's Log In: a session and the user's profile, or why the code was refused. */
  'auth.verifyCode': channel<VerifyCodeResult>()(z.strictObject({ challengeId, code })),
  /** Resend Code: a new code (the old one stops working) once the cooldown is over. */
  'auth.resendCode': channel<ResendCodeResult>()(z.strictObject({ challengeId })),
  /** My Profile → Profile Info. NOT_FOUND when the session has ended. */
  'auth.profile': channel<SimulatorProfile>()(z.strictObject({ session })),
  /** Change Password; VALIDATION with a message per field. */
  'auth.changePassword': channel<{ changed: true }>()(
    z.strictObject({ session, form: ChangePasswordForm }),
  ),
  /** Forgot password?: always the same answer; emails a reset code to an active user. */
  'auth.forgotPassword': channel<{ message: string }>()(
    z.strictObject({ form: z.strictObject({ userName }) }),
  ),
  /** Sets a new password with the emailed reset code. */
  'auth.resetPassword': channel<{ changed: true }>()(z.strictObject({ form: ResetPasswordForm })),
  /** Ends the simulator session. */
  'auth.signOut': channel<{ signedOut: true }>()(z.strictObject({ session })),
  /**
   * View Details: the administrator sets a user's simulator password (only its hash is kept, only
   * the fact is recorded in the change log); lifts a lockout. NOT_FOUND for an unknown id.
   */
  'auth.setUserPassword': channel<{ changed: true }>()(
    z.strictObject({ id: UserId, form: z.strictObject({ password: newPassword }) }),
  ),
  /** View Details: demo password, own password or none, and a lockout still in force. */
  'auth.passwordState': channel<PasswordState>()(z.strictObject({ id: UserId })),
  /** View Details → Unlock: ends a lockout (recorded in the change log); answers the new state. */
  'auth.unlockUser': channel<PasswordState>()(z.strictObject({ id: UserId })),
  /**
   * Settings → Two-factor sign-in: the policy, and the support phone and email the code email
   * names (the same stored values Settings → Email delivery edits).
   */
  'policy.get': channel<TwoFactorSettings>()(NoInput),
  /**
   * Saves the whole form (support fields left out are kept); VALIDATION with a message per field.
   */
  'policy.set': channel<TwoFactorSettings>()(z.strictObject({ settings: TwoFactorSettingsInput })),
} as const;
