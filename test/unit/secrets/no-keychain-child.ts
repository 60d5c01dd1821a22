/**
 * Runs with DBUS_SESSION_BUS_ADDRESS pointing nowhere: reads Settings on a fresh database, tries
 * to save the SMTP password through the mail handlers, and prints what the administrator would
 * be told, as JSON.
 *
 * Usage: node --import tsx test/unit/secrets/no-keychain-child.ts <dataDir>
 */
import path from 'node:path';
import { openDatabase } from '../../../src-main/db/connection.js';
import { AppError } from '../../../src-main/errors.js';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { DEFAULT_MAIL_SETTINGS } from '../../../src-main/mail/settings.js';

const [dataDir, password] = process.argv.slice(2);
if (!dataDir || !password) throw new Error('usage: no-keychain-child.ts <dataDir> <password>');
const clock = () => new Date();
const db = openDatabase(path.join(dataDir, 'trax-admin.db'), { clock });
const handlers = createMailHandlers(createMailServices({ db, clock }));
const initial = await handlers['mail.getSettings'](undefined);
await handlers['mail.saveSettings']({
  settings: {
    ...DEFAULT_MAIL_SETTINGS,
    mode: 'smtp',
    host: 'smtp.example.com',
    user: 'nobody',
    fromAddress: 'a@example.com',
  },
});
let outcome: unknown;
try {
  await handlers['mail.setPassword']({ form: { password } });
  outcome = { saved: true };
} catch (error) {
  outcome =
    error instanceof AppError
      ? { code: error.code, message: error.message }
      : { other: String(error) };
}
const state = await handlers['mail.getSettings'](undefined);
db.close();
process.stdout.write(JSON.stringify({ initial, outcome, state }));
