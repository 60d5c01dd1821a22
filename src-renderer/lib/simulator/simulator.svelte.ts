/**
 * The login simulator's state across its screens: which screen is showing, the code-entry
 * challenge, the simulated session and its user. One instance for the app, so visiting the FAQ
 * and coming back keeps the rehearsal where it was.
 */
import type { ChallengeView, SimulatorProfile } from '../../../src-main/auth/sign-in';
import { call } from '../api';

/** The simulated TraxSolutions screens. */
export type SimulatorStep =
  'login' | 'code' | 'forgot' | 'reset' | 'home' | 'profile' | 'change-password';

/** Where the rehearsal is. */
export class SimulatorState {
  step = $state<SimulatorStep>('login');
  /** The code-entry screen's challenge, while on it. */
  challenge = $state<ChallengeView | null>(null);
  /** The simulated session token and its user, once signed in. */
  session = $state<string | null>(null);
  user = $state<SimulatorProfile | null>(null);
  /** A message for the login page (e.g. "start over"), shown once. */
  notice = $state('');
  /** Bumped whenever an email may have been sent, so the mail panel looks again. */
  mailSent = $state(0);
  /** The user name typed on the Forgot password page, carried to the reset step. */
  resetUserName = $state('');

  /** A code was sent: show code entry. */
  codeSent(challenge: ChallengeView): void {
    this.challenge = challenge;
    this.step = 'code';
    this.mailSent += 1;
  }

  /** The code was accepted. */
  signedIn(session: string, user: SimulatorProfile): void {
    this.challenge = null;
    this.session = session;
    this.user = user;
    this.step = 'home';
  }

  /** Back to the login page, with an optional message. */
  startOver(notice = ''): void {
    this.challenge = null;
    this.notice = notice;
    this.step = 'login';
  }

  /** Log Out: ends the simulated session. */
  async signOut(): Promise<void> {
    if (this.session) await call('auth.signOut', { session: this.session });
    this.session = null;
    this.user = null;
    this.startOver('You have logged out.');
  }
}

/** The app's one simulator. */
export const simulator = new SimulatorState();
