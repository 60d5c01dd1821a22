import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../../src-main/auth/policy.js';
import { MailSettingsRepository } from '../../../src-main/mail/settings.js';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp-server.js';
import { codeIn, PASSWORD, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

describe('policy', () => {
  it("starts with the guide's values", async () => {
    expect(await h.call('policy.get')).toEqual({
      goLiveDate: '2024-04-23',
      codeLength: 6,
      codeAlphabet: 'digits',
      codeLifetimeMinutes: 5,
      resendCooldownSeconds: 30,
      wrongCodesAllowed: 3,
      resendsAllowed: 3,
      failedSignInsBeforeLockout: 5,
      lockoutMinutes: 15,
      codeEmailSubject: 'Your TraxSolutions authorization code',
      codeEmailTemplate: [
        'Hello {{User First Name}}.',
        '',
        'Your one-time authorization code is: {{Code}}',
        'Please enter this code to continue logging into TraxSolutions.',
        'This code will expire after {{Code Lifetime}}.',
        '',
        'If you have any questions, please contact client support at {{Support Phone}}',
        'or {{Support Email}}',
        '',
        'Thank You.',
      ].join('\n'),
      supportPhone: '1.886.954.9557',
      supportEmail: 'support@nfocus.com',
    });
    // The banner reads the guide's date as the guide writes it.
    expect(await h.call('auth.banner')).toMatchObject({ goLiveDate: '4/23/2024' });
  });

  it('saves a changed policy and the banner follows the go-live date', async () => {
    const settings: Policy = { ...DEFAULT_POLICY, goLiveDate: '2024-03-01', lockoutMinutes: 30 };
    const saved = {
      ...settings,
      supportPhone: '1.886.954.9557',
      supportEmail: 'support@nfocus.com',
    };
    expect(await h.call('policy.set', { settings })).toEqual(saved);
    expect(await h.call('policy.get')).toEqual(saved);
    expect(await h.call('auth.banner')).toEqual({
      state: 'here',
      goLiveDate: '3/1/2024',
      daysLeft: -10,
    });
  });

  it('answers a message per field for a bad form', async () => {
    const settings = {
      ...DEFAULT_POLICY,
      goLiveDate: '2024-02-30',
      codeLength: 2,
      codeLifetimeMinutes: 1.5,
      codeEmailTemplate: 'Hello {{User First Name}}, no code here.',
    };
    expect(await h.fail('policy.set', { settings })).toEqual({
      code: 'VALIDATION',
      message: 'Please correct the highlighted fields.',
      fields: {
        goLiveDate: 'That date does not exist.',
        codeLength: 'Code length must be at least 4.',
        codeLifetimeMinutes: 'Code lifetime must be a whole number.',
        codeEmailTemplate: 'The code email must contain {{Code}}.',
      },
    });
  });

  it('fills a custom template and the support contacts from Email delivery', async () => {
    const mail = new MailSettingsRepository(h.app.db);
    mail.save({ ...mail.get(), supportPhone: '602.555.0100', supportEmail: 'help@agency.gov' });
    await h.call('policy.set', {
      settings: {
        ...DEFAULT_POLICY,
        codeEmailSubject: 'Sign-in code',
        codeEmailTemplate:
          '{{User First Name}} {{Code}} {{Code Lifetime}} {{Support Phone}} {{Support Email}} {{Unknown}}',
      },
    });
    await h.addUser({ userName: 'Custom', firstName: 'Cleo' });
    await h.call('auth.signIn', { form: { userName: 'Custom', password: PASSWORD } });
    const message = h.lastMail();
    expect(message.subject).toBe('Sign-in code');
    expect(message.text).toMatch(
      /^Cleo \d{6} 5 minutes 602\.555\.0100 help@agency\.gov \{\{Unknown\}\}$/,
    );
  });

  it('falls back to the default for a stored value that no longer passes its rule', async () => {
    h.app.db
      .prepare("INSERT INTO settings (key, value) VALUES ('auth.policy', ?)")
      .run(JSON.stringify({ codeLength: 99, lockoutMinutes: 45 }));
    expect(await h.call('policy.get')).toMatchObject({ codeLength: 6, lockoutMinutes: 45 });
  });
});

describe('support contacts on Two-factor sign-in', () => {
  const mailSettings = async () =>
    (await h.call<{ settings: Record<string, unknown> }>('mail.getSettings')).settings;

  it('edits the very values Email delivery shows, and the code email names them', async () => {
    const settings = {
      ...DEFAULT_POLICY,
      supportPhone: '602.555.0100',
      supportEmail: 'help@x.gov',
    };
    expect(await h.call('policy.set', { settings })).toMatchObject({
      supportPhone: '602.555.0100',
      supportEmail: 'help@x.gov',
    });
    expect(await mailSettings()).toMatchObject({
      supportPhone: '602.555.0100',
      supportEmail: 'help@x.gov',
    });

    // And the other way round: what Email delivery saves, Two-factor sign-in shows.
    await h.call('mail.saveSettings', {
      settings: { ...(await mailSettings()), supportPhone: '480.555.0199' },
    });
    expect(await h.call('policy.get')).toMatchObject({ supportPhone: '480.555.0199' });

    await h.addUser({ userName: 'Support', firstName: 'Sam' });
    await h.call('auth.signIn', { form: { userName: 'Support', password: PASSWORD } });
    expect(h.lastMail().text).toContain(
      'please contact client support at 480.555.0199\nor help@x.gov',
    );
  });

  it('refuses a support email that is not an address, with its message, and saves nothing', async () => {
    const settings = { ...DEFAULT_POLICY, lockoutMinutes: 45, supportEmail: 'not an address' };
    expect(await h.fail('policy.set', { settings })).toEqual({
      code: 'VALIDATION',
      message: 'Please correct the highlighted fields.',
      fields: { supportEmail: 'Support email must look like name@example.com.' },
    });
    expect(await h.call('policy.get')).toMatchObject({
      lockoutMinutes: 15,
      supportEmail: 'support@nfocus.com',
    });
    expect(await mailSettings()).toMatchObject({ supportEmail: 'support@nfocus.com' });
  });

  it('keeps the other Email delivery settings as they were', async () => {
    const before = await mailSettings();
    await h.call('mail.saveSettings', { settings: { ...before, fromName: 'Agency Admin' } });
    await h.call('policy.set', { settings: { ...DEFAULT_POLICY, supportPhone: '602.555.0100' } });
    expect(await mailSettings()).toEqual({
      ...before,
      fromName: 'Agency Admin',
      supportPhone: '602.555.0100',
    });
  });
});

describe('code email over SMTP', () => {
  let server: TestSmtp;
  afterEach(async () => server.close());

  it('reaches a real SMTP server on 127.0.0.1 with the guide text', async () => {
    server = await startTestSmtp();
    const mail = new MailSettingsRepository(h.app.db);
    mail.save({
      ...mail.get(),
      mode: 'smtp',
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      user: '',
      fromAddress: 'trax-admin@agency.gov',
    });
    await h.addUser({ userName: 'FrontDesk', firstName: 'Front', email: 'frontdesk@agency.gov' });
    const challenge = await h.call<{ hint: string }>('auth.signIn', {
      form: { userName: 'FrontDesk', password: PASSWORD },
    });
    expect(challenge.hint).toBe('f*****k@a*****y.gov');
    expect(server.received).toHaveLength(1);
    const received = server.received[0];
    expect(received?.to && 'text' in received.to ? received.to.text : '').toContain(
      'frontdesk@agency.gov',
    );
    const text = received?.text ?? '';
    expect(text).toContain('Hello Front.');
    expect(text).toContain('Your one-time authorization code is: ');
    expect(codeIn(text)).toMatch(/^\d{6}$/);
    expect(h.outbox.list()).toHaveLength(0);
  });
});
