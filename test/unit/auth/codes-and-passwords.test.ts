import { describe, expect, it } from 'vitest';
import { ALPHABET_CHARACTERS, generateCode, normaliseCode } from '../../../src-main/auth/codes.js';
import {
  DEMO_PASSWORD,
  hashPassword,
  PasswordVerifier,
  verifyPassword,
} from '../../../src-main/auth/passwords.js';

describe('generateCode', () => {
  it('draws 6-digit codes with every digit in every position', () => {
    const seen = Array.from({ length: 6 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const code = generateCode(6, 'digits');
      expect(code).toMatch(/^[0-9]{6}$/);
      [...code].forEach((c, position) => seen[position]?.add(c));
    }
    // A miss has a chance of 10 × 0.9^2000 per position (about 10^-90): only a bias fails this.
    expect(seen.map((digits) => digits.size)).toEqual([10, 10, 10, 10, 10, 10]);
  });

  it('draws letter-and-digit codes of the chosen length without I, L or O', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateCode(8, 'alphanumeric');
      expect(code).toMatch(/^[0-9A-HJKMNP-Z]{8}$/);
      for (const c of code) seen.add(c);
    }
    expect([...seen].sort().join('')).toBe([...ALPHABET_CHARACTERS.alphanumeric].sort().join(''));
    expect(seen.has('I') || seen.has('L') || seen.has('O')).toBe(false);
  });
});

describe('normaliseCode', () => {
  it('ignores spaces and hyphens', () => {
    expect(normaliseCode(' 179 857 ', 'digits')).toBe('179857');
    expect(normaliseCode('abc-123', 'alphanumeric')).toBe('ABC123');
  });

  it('reads the look-alikes the letter alphabet leaves out as digits', () => {
    expect(normaliseCode('o1lI', 'alphanumeric')).toBe('0111');
    // Digit codes are compared as typed: a letter is simply wrong.
    expect(normaliseCode('O12345', 'digits')).toBe('O12345');
  });
});

describe('passwords', () => {
  it('hashes with scrypt, its parameters and a per-user salt', async () => {
    const a = await hashPassword('Trax-Demo-2024!');
    const b = await hashPassword('Trax-Demo-2024!');
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Trax-Demo');
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(await verifyPassword('Correct-Horse-9', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-9', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('answers false for malformed or absurd hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$N=1073741824,r=8,p=1$AAAA$AAAA')).toBe(false);
  });

  it('accepts the demo password for a user without a hash only on the demo roster', async () => {
    let demo = true;
    const verifier = new PasswordVerifier(() => demo);
    expect(await verifier.verify(DEMO_PASSWORD, null)).toBe(true);
    expect(await verifier.verify('something-else', null)).toBe(false);
    demo = false;
    expect(await verifier.verify(DEMO_PASSWORD, null)).toBe(false);
    expect(await verifier.verify(DEMO_PASSWORD, undefined)).toBe(false);
  });
});
