/**
 * Settings → Email delivery: where mail goes (Local outbox or SMTP), the SMTP server, and the
 * support contacts the templates name. Kept in {@link SettingsStore} under `mail.settings`.
 * The SMTP password is never part of these settings: it lives only in the OS keychain.
 */
import { z } from 'zod';
import type { Database } from '../db/connection.js';
import { SettingsStore } from '../db/settings-store.js';

/** Delivery modes: Local outbox (nothing leaves the machine) is the default. */
export const DELIVERY_MODES = ['outbox', 'smtp'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Connection security: STARTTLS (default), TLS from the first byte, or none (warned). */
export const SMTP_SECURITIES = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITIES)[number];

/** The guide's client support contacts, used until the administrator changes them. */
export const DEFAULT_SUPPORT_PHONE = '1.886.954.9557';
export const DEFAULT_SUPPORT_EMAIL = 'support@nfocus.com';

const SETTINGS_KEY = 'mail.settings';

const text = (label: string, max: number) =>
  z
    .string(`${label} must be text.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((s) => s.trim());

const whole = (label: string, min: number, max: number) =>
  z
    .number(`${label} must be a number.`)
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

/** A plain address check for the From and support fields (the roster has its own, stricter). */
const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+$/;

/**
 * The Email delivery form as the administrator fills it in. Host and From address are required
 * only in SMTP mode, so a half-filled SMTP form can still be kept while Local outbox is on.
 */
export const MailSettingsInput = z
  .strictObject({
    mode: z.enum(DELIVERY_MODES, 'Choose Local outbox or SMTP.'),
    host: text('Host', 253),
    port: whole('Port', 1, 65535),
    security: z.enum(SMTP_SECURITIES, 'Choose STARTTLS, TLS or None.'),
    user: text('User name', 256),
    fromName: text('From name', 100),
    fromAddress: text('From address', 254),
    messagesPerMinute: whole('Messages per minute', 1, 100_000),
    connections: whole('Parallel connections', 1, 20),
    supportPhone: text('Support phone', 40),
    supportEmail: text('Support email', 254),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.mode === 'smtp' && !s.host) issue('host', 'Host is required for SMTP.');
    if (s.host && !/^[A-Za-z0-9.:[\]-]+$/.test(s.host)) {
      issue('host', 'Host must be a server name or IP address, without spaces.');
    }
    if (s.mode === 'smtp' && !s.fromAddress) issue('fromAddress', 'From address is required.');
    if (s.fromAddress && !ADDRESS.test(s.fromAddress)) {
      issue('fromAddress', 'From address must look like name@example.com.');
    }
    if (/[\r\n]/.test(s.fromName)) issue('fromName', 'From name must be on one line.');
    if (s.supportEmail && !ADDRESS.test(s.supportEmail)) {
      issue('supportEmail', 'Support email must look like name@example.com.');
    }
  });

/** The saved Email delivery settings (never the password). */
export type MailSettings = z.output<typeof MailSettingsInput>;

/** What Settings shows before anything was saved: Local outbox, STARTTLS on 587. */
export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  mode: 'outbox',
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  fromName: 'Trax Administrator',
  fromAddress: '',
  messagesPerMinute: 120,
  connections: 3,
  supportPhone: DEFAULT_SUPPORT_PHONE,
  supportEmail: DEFAULT_SUPPORT_EMAIL,
};

/** The support contacts that fill {{Support Phone}} and {{Support Email}}. */
export interface SupportContacts {
  phone: string;
  email: string;
}

/** Reads and saves the Email delivery settings. */
export class MailSettingsRepository {
  private readonly store: SettingsStore;

  constructor(db: Database) {
    this.store = new SettingsStore(db);
  }

  /**
   * The saved settings, field by field: a field missing or invalid (written by another version)
   * falls back to its default instead of making the whole form unreadable.
   */
  get(): MailSettings {
    const stored = this.store.getJson<unknown>(SETTINGS_KEY, {});
    const merged: Record<string, unknown> = { ...DEFAULT_MAIL_SETTINGS };
    if (stored && typeof stored === 'object') {
      for (const [key, value] of Object.entries(stored)) {
        if (key in DEFAULT_MAIL_SETTINGS) merged[key] = value;
      }
    }
    const parsed = MailSettingsInput.safeParse(merged);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    for (const key of bad) merged[key] = DEFAULT_MAIL_SETTINGS[key as keyof MailSettings];
    const retry = MailSettingsInput.safeParse(merged);
    return retry.success ? retry.data : { ...DEFAULT_MAIL_SETTINGS };
  }

  /** Saves validated settings and answers them. */
  save(settings: MailSettings): MailSettings {
    this.store.setJson(SETTINGS_KEY, settings);
    return this.get();
  }

  /** The support phone and email the templates use (the login simulator reads these too). */
  getSupportContacts(): SupportContacts {
    const s = this.get();
    return {
      phone: s.supportPhone || DEFAULT_SUPPORT_PHONE,
      email: s.supportEmail || DEFAULT_SUPPORT_EMAIL,
    };
  }
}
