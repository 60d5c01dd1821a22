/**
 * The login page's 2FA banner: "coming soon" with the days left before the go-live date, or
 * "here" from that date on. Days are counted between calendar dates on this workstation's local
 * calendar, as a person reading the banner would count them.
 */

/** What the login page shows above the form. */
export interface Banner {
  state: 'coming-soon' | 'here';
  /** The go-live date as the guide writes it: M/D/YYYY. */
  goLiveDate: string;
  /** Whole days from today to the go-live date; 0 or negative once it has come. */
  daysLeft: number;
}

const DAY_MS = 86_400_000;

/** The banner for `today` and a go-live date written `YYYY-MM-DD`. */
export function bannerFor(goLiveDate: string, today: Date): Banner {
  const [year = 1970, month = 1, day = 1] = goLiveDate.split('-').map(Number);
  const goLive = Date.UTC(year, month - 1, day);
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const daysLeft = Math.round((goLive - todayUtc) / DAY_MS);
  return {
    state: daysLeft > 0 ? 'coming-soon' : 'here',
    goLiveDate: `${month}/${day}/${year}`,
    daysLeft,
  };
}
