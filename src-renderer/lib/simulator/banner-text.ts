/**
 * The login page's 2FA banner in the guide's words, and the FAQ it links to.
 */
import type { Banner } from '../../../src-main/auth/banner.js';

/** The banner's heading: "… is coming soon!" before the go-live date, "… is here!" from it. */
export function bannerHeading(banner: Banner): string {
  return banner.state === 'coming-soon'
    ? 'Two Factor Authentication (2FA) is coming soon!'
    : 'Two Factor Authentication (2FA) is here!';
}

/** The banner's sentence, with the days left and the date when it is still coming. */
export function bannerSentence(banner: Banner): string {
  if (banner.state === 'here') {
    return 'All Trax users are now required to authenticate with a passcode using the email address listed in their Trax user profile.';
  }
  const days = banner.daysLeft === 1 ? '1 day' : `${banner.daysLeft} days`;
  return `Beginning ${days} from now (${banner.goLiveDate}) all Trax users will be required to authenticate with a passcode using the email address listed in their Trax user profile.`;
}

/** The guide's Frequently Asked Questions, verbatim. */
export const FAQ: readonly { question: string; answer: string }[] = [
  {
    question: 'Can I use my phone number to get an authorization code?',
    answer: "No, authorization codes are provided only to the Trax user's email address.",
  },
  {
    question: 'Can our organization turn off two-factor Authentication?',
    answer: 'No, all Trax users will be required to authenticate this way.',
  },
  {
    question: 'What if I do not receive an email with an authorization code?',
    answer:
      'First, review the email hint on the login page to confirm that it matches your expected email address. If it does not, contact your local Trax administrator to confirm and update your user profile. If this does not seem to be the problem, try resending an authorization code. If the problem persists, contact client support for assistance.',
  },
  {
    question: 'What if our users are sharing a user account?',
    answer:
      'Account sharing is not permitted. Please contact your Account Manager or client support for assistance in purchasing additional user licenses if necessary.',
  },
];
