import { describe, expect, it } from 'vitest';
import {
  GENERIC_LOCAL_PARTS,
  isGenericUserName,
  normaliseLocalPart,
} from '../../../src-main/readiness/generic-words.js';
import {
  indistinguishableHint,
  invalidEmail,
  missingEmail,
  placeholderDomain,
  roleBased,
  sharedAddress,
  testEmail,
} from '../../../src-main/readiness/rules.js';

describe('missing email', () => {
  it('flags an empty or blank address', () => {
    expect(missingEmail('')?.code).toBe('missing-email');
    expect(missingEmail('   ')?.code).toBe('missing-email');
  });
  it('passes any address given', () => {
    expect(missingEmail('jane@agency.gov')).toBeNull();
  });
});

describe('invalid email', () => {
  it.each([
    'jane',
    'jane@',
    '@agency.gov',
    'jane doe@agency.gov',
    'jane@agency',
    'jane@@agency.gov',
  ])('flags %s', (address) => {
    const reason = invalidEmail(address);
    expect(reason?.code).toBe('invalid-email');
    expect(reason?.text).toContain(address);
  });
  it('passes valid addresses and leaves a missing one to its own rule', () => {
    expect(invalidEmail('jane.doe+2fa@mail.agency.gov')).toBeNull();
    expect(invalidEmail('')).toBeNull();
  });
});

describe('placeholder or reserved domain', () => {
  it.each([
    'frontdeskt@email.com',
    'a@EXAMPLE.com',
    'a@example.org',
    'a@example.net',
    'a@mail.example.com',
    'a@box.test',
    'a@nowhere.invalid',
    'a@host.localhost',
    'a@site.example',
    'a@Email.Com',
  ])('flags %s', (address) => {
    expect(placeholderDomain(address)?.code).toBe('placeholder-domain');
  });
  it.each(['a@agency.gov', 'a@myemail.com', 'a@examples.com', 'a@testing.org', 'a@gmail.com'])(
    'passes %s',
    (address) => {
      expect(placeholderDomain(address)).toBeNull();
    },
  );
});

describe('role-based / generic address', () => {
  it.each([
    'frontdesk',
    'front.desk',
    'front-desk2',
    'OfficeManager',
    'FRONT_DESK',
    'info',
    'Admin01',
    'reception',
  ])('flags %s@agency.gov whoever owns it', (local) => {
    expect(roleBased(`${local}@agency.gov`, 'JaneDoe')?.code).toBe('role-based');
  });
  it.each(['jsmith', 'jane.doe', 'bjackson', 'abarry', 'alexa'])(
    'passes %s@agency.gov',
    (local) => {
      expect(roleBased(`${local}@agency.gov`, 'JaneDoe')).toBeNull();
    },
  );
  it("flags the address that is the user's own generic user name, typo included", () => {
    // The guide's FrontDesk user has "frontdeskt@…".
    expect(roleBased('frontdeskt@agency.gov', 'FrontDesk')?.code).toBe('role-based');
    // Two generic words run together: not in the list as one word, but a role all the same.
    expect(GENERIC_LOCAL_PARTS.has('hroffice')).toBe(false);
    expect(roleBased('hr.office@agency.gov', 'HrOffice')?.code).toBe('role-based');
  });
  it('does not flag a personal user name used as the address', () => {
    expect(roleBased('brianjackson@agency.gov', 'BrianJackson')).toBeNull();
    expect(roleBased('frontdeskt@agency.gov', 'BrianJackson')).toBeNull();
  });
  it('normalises case, dots, dashes, underscores and trailing digits', () => {
    for (const s of ['frontdesk', 'front.desk', 'front-desk2', 'Front_Desk', 'FRONTDESK99']) {
      expect(normaliseLocalPart(s)).toBe('frontdesk');
    }
    expect(normaliseLocalPart('OfficeManager')).toBe('officemanager');
    expect(normaliseLocalPart('123')).toBe('123');
  });
  it('knows the words of the guide and of the supplement', () => {
    for (const word of ['frontdesk', 'officemanager', 'intake', 'caseworker', 'info', 'noreply']) {
      expect(GENERIC_LOCAL_PARTS.has(word)).toBe(true);
    }
    expect(isGenericUserName('OfficeManager')).toBe(true);
    expect(isGenericUserName('AllisonBarry')).toBe(false);
  });
});

describe('shared address', () => {
  it('flags an address on two or more active users, naming how many others', () => {
    expect(sharedAddress(2)?.text).toContain('1 other active user:');
    expect(sharedAddress(4)?.text).toContain('3 other active users');
  });
  it('passes an address on one user', () => {
    expect(sharedAddress(1)).toBeNull();
  });
});

describe('indistinguishable hint', () => {
  it('flags a hint shared with other addresses', () => {
    const reason = indistinguishableHint('t*****r@n*****s.com', 1);
    expect(reason?.code).toBe('indistinguishable-hint');
    expect(reason?.text).toContain('t*****r@n*****s.com');
  });
  it('passes a unique hint', () => {
    expect(indistinguishableHint('t*****r@n*****s.com', 0)).toBeNull();
  });
});

describe('test email', () => {
  it('flags never sent, failed and uncertain', () => {
    expect(testEmail(undefined)?.code).toBe('test-email-not-sent');
    const failed = testEmail({
      at: '2024-03-01T00:00:00Z',
      status: 'failed',
      detail: '550 No such user',
    });
    expect(failed?.code).toBe('test-email-failed');
    expect(failed?.text).toContain('550 No such user');
    expect(testEmail({ at: 'x', status: 'uncertain', detail: 'timeout' })?.code).toBe(
      'test-email-uncertain',
    );
  });
  it('passes a sent test email', () => {
    expect(testEmail({ at: 'x', status: 'sent', detail: '250 OK' })).toBeNull();
  });
});
