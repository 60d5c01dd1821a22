/**
 * The app half of the crash test: opens the database in `dataDir`, starts a Send Email job to
 * every user through the SMTP server on 127.0.0.1:`port` (trusting the certificate in
 * `certFile`), says "started", and keeps sending until the test kills it with SIGKILL.
 *
 * Usage: node --import tsx test/unit/mail/crash-child.ts <dataDir> <port> <certFile>
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../src-main/db/connection.js';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';

const [dataDir, port, certFile] = process.argv.slice(2);
if (!dataDir || !port || !certFile)
  throw new Error('usage: crash-child.ts <dataDir> <port> <certFile>');

const clock = () => new Date();
const db = openDatabase(path.join(dataDir, 'trax-admin.db'), { clock });
const mail = createMailServices({
  db,
  clock,
  smtpHooks: { tls: { ca: readFileSync(certFile, 'utf8') } },
});
const handlers = createMailHandlers(mail);
const userIds = db
  .prepare<[], { id: number }>('SELECT id FROM users ORDER BY id')
  .all()
  .map((r) => r.id);
const { jobId } = await handlers['mail.startJob']({
  userIds,
  form: { subject: 'Crash test', body: 'Hello {{User First Name}}.' },
});
process.stdout.write(`started ${jobId}\n`);
await mail.runner.whenDone(jobId);
process.stdout.write('finished\n');
