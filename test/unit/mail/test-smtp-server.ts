/**
 * A real SMTP server on 127.0.0.1 for the mail tests: smtp-server with STARTTLS on a throwaway
 * certificate and AUTH, every accepted message read back with mailparser. Each message's fate
 * can be scripted per recipient and attempt (accept, reply 4xx/5xx, drop the connection, stall).
 */
import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer } from 'smtp-server';

/** What the server does with the n-th DATA for a recipient (1-based). */
export type Verdict =
  'accept' | { reply: number; message: string } | 'drop' | { delayMs: number; then?: Verdict };

/** Decides each message's fate. */
export type Script = (recipient: string, attempt: number) => Verdict;

export interface TestSmtpOptions {
  auth?: { user: string; pass: string };
  script?: Script;
}

/** A running test server. */
export interface TestSmtp {
  port: number;
  /** The PEM certificate to trust (pass as `tls: { ca }`). */
  cert: string;
  /** Messages accepted, in order, parsed. */
  received: ParsedMail[];
  /** DATA attempts per recipient address (accepted or not). */
  attempts: Map<string, number>;
  /** Failed AUTH attempts. */
  authFailures: number;
  /** Whether each accepted session had upgraded to TLS. */
  secureSessions: boolean[];
  close(): Promise<void>;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;

/** One throwaway certificate for 127.0.0.1/localhost per test process. */
export function throwawayCertificate() {
  certificate ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((p) => ({ key: p.private, cert: p.cert }));
  return certificate;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const { key, cert } = await throwawayCertificate();
  const script = options.script ?? (() => 'accept');
  const sockets = new Set<Socket>();
  const state: Omit<TestSmtp, 'port' | 'close'> = {
    cert,
    received: [],
    attempts: new Map(),
    authFailures: 0,
    secureSessions: [],
  };

  const server = new SMTPServer({
    key,
    cert,
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !options.auth,
    onAuth(auth, _session, callback) {
      const ok =
        options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
      if (ok) return callback(null, { user: auth.username });
      state.authFailures++;
      const error = Object.assign(new Error('5.7.8 Authentication credentials invalid'), {
        responseCode: 535,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const attempt = (state.attempts.get(to) ?? 0) + 1;
        state.attempts.set(to, attempt);
        const act = (verdict: Verdict): void => {
          if (verdict === 'accept') {
            void simpleParser(Buffer.concat(chunks)).then((parsed) => {
              state.received.push(parsed);
              state.secureSessions.push(session.secure);
              callback(null, `2.0.0 Ok: queued as ${to}#${attempt}`);
            });
          } else if (verdict === 'drop') {
            for (const s of sockets) if (s.remotePort === session.remotePort) s.destroy();
          } else if ('delayMs' in verdict) {
            setTimeout(() => act(verdict.then ?? 'accept'), verdict.delayMs);
          } else {
            callback(Object.assign(new Error(verdict.message), { responseCode: verdict.reply }));
          }
        };
        act(script(to, attempt));
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', () => {});

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ...state,
    get authFailures() {
      return state.authFailures;
    },
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
