/**
 * The login page's 2FA banner in the guide's words, from the banner the host computes for a
 * given day (src-main/auth/banner.ts): the days left, "1 day" on the last day before, and "is
 * here!" from the go-live day itself on.
 */
import { describe, expect, it } from 'vitest';
import { bannerFor } from '../../../src-main/auth/banner.js';
import {
  bannerHeading,
  bannerSentence,
  FAQ,
} from '../../../src-renderer/lib/simulator/banner-text.js';

const GO_LIVE = '2024-04-23';
const COMING = 'Two Factor Authentication (2FA) is coming soon!';
const HERE = 'Two Factor Authentication (2FA) is here!';
const NOW_REQUIRED =
  'All Trax users are now required to authenticate with a passcode using the email address listed in their Trax user profile.';

/** The heading and sentence shown on `day` (local time). */
function shown(day: Date): [string, string] {
  const banner = bannerFor(GO_LIVE, day);
  return [bannerHeading(banner), bannerSentence(banner)];
}

describe('the 2FA banner', () => {
  it("reads as the guide's on its day, 43 days before 4/23/2024", () => {
    expect(shown(new Date(2024, 2, 11, 9, 30))).toEqual([
      COMING,
      'Beginning 43 days from now (4/23/2024) all Trax users will be required to authenticate with a passcode using the email address listed in their Trax user profile.',
    ]);
  });

  it('says "1 day", not "1 days", on the last day before, until midnight', () => {
    for (const day of [new Date(2024, 3, 22, 0, 0), new Date(2024, 3, 22, 23, 59, 59)]) {
      expect(shown(day)[1]).toMatch(/^Beginning 1 day from now \(4\/23\/2024\) all Trax users/);
    }
    expect(shown(new Date(2024, 3, 21, 12))[1]).toMatch(/^Beginning 2 days from now/);
  });

  it('says "is here!" on the go-live day itself (0 days left) and after it', () => {
    for (const day of [
      new Date(2024, 3, 23, 0, 0),
      new Date(2024, 3, 23, 23, 59),
      new Date(2025, 0, 1, 12),
    ]) {
      expect(shown(day)).toEqual([HERE, NOW_REQUIRED]);
    }
    expect(bannerFor(GO_LIVE, new Date(2024, 3, 23, 12)).daysLeft).toBe(0);
  });

  it("keeps the guide's four questions", () => {
    expect(FAQ.map((item) => item.question)).toEqual([
      'Can I use my phone number to get an authorization code?',
      'Can our organization turn off two-factor Authentication?',
      'What if I do not receive an email with an authorization code?',
      'What if our users are sharing a user account?',
    ]);
  });
});
