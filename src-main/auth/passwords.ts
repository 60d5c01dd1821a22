/**
 * Simulator passwords: scrypt from node:crypto with a random per-user salt, stored as one string
 * that carries its own parameters (so they can be raised later without breaking old hashes), and
 * verified in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Shortest password Change Password, Forgot password and View Details accept. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest: scrypt takes any length, but a bound keeps requests small. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The password every demo-roster user signs in with until an administrator sets their own in View
 * Details (see {@link PasswordVerifier}); documented in the README.
 */
export const DEMO_PASSWORD = 'Trax-Demo-2024!';

/** scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt), 32-byte key, 16-byte salt. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

function derive(password: string, salt: Buffer, params: ScryptOptions, keyLength: number) {
  // maxmem must exceed 128·N·r bytes (32 MiB at the default cost).
  const maxmem = 256 * (params.N ?? PARAMS.N) * (params.r ?? PARAMS.r);
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes `password` as `scrypt$N=32768,r=8,p=1$<salt base64>$<key base64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  const params = `N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}`;
  return `${PREFIX}$${params}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const ENCODED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/**
 * True when `password` matches `encoded`. The comparison is constant-time; a malformed hash or
 * parameters outside sane bounds answer false (after the same work), never throw.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = ENCODED.exec(encoded);
  const [N, r, p] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const sane = match && N >= 2 ** 10 && N <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  if (!sane) {
    await derive(password, randomBytes(SALT_LENGTH), PARAMS, KEY_LENGTH);
    return false;
  }
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const expected = Buffer.from(match[5] ?? '', 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, salt, { N, r, p }, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * Checks a stored password hash, or the lack of one. A user without a hash cannot sign in — except
 * on the demo roster, where such a user's password is {@link DEMO_PASSWORD}. Unknown users are
 * checked against a dummy hash so that a wrong user name costs the same time as a wrong password.
 */
export class PasswordVerifier {
  private demoHash: Promise<string> | undefined;
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly isDemoRoster: () => boolean) {}

  /** Verifies `password` for a user whose stored hash is `stored` (`undefined`: no such user). */
  async verify(password: string, stored: string | null | undefined): Promise<boolean> {
    if (typeof stored === 'string') return verifyPassword(password, stored);
    if (stored === null && this.isDemoRoster()) {
      this.demoHash ??= hashPassword(DEMO_PASSWORD);
      return verifyPassword(password, await this.demoHash);
    }
    this.dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
    await verifyPassword(password, await this.dummyHash);
    return false;
  }
}
