/**
 * A real SMTP server on 127.0.0.1 for the mail tests: smtp-server with STARTTLS (or TLS from the
 * first byte) on a throwaway certificate and optional AUTH, every delivered message read back
 * with mailparser. Each message's fate can be scripted per recipient and attempt: accept, reply
 * 4xx/5xx, drop the connection before the message, deliver it and drop the connection before
 * answering, or stall.
 */
import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * What the server does with the n-th attempt for a recipient (1-based, counted at RCPT TO).
 * - `drop-before-data`: closes the connection at RCPT TO, before any of the message is sent.
 * - `drop-during-data`: closes the connection as the first bytes of the message arrive.
 * - `deliver-then-drop`: takes the whole message (it counts as delivered) and closes the
 *   connection instead of answering, as if the reply were lost.
 */
export type Verdict =
  | 'accept'
  | 'drop-before-data'
  | 'drop-during-data'
  | 'deliver-then-drop'
  | { reply: number; message: string }
  | { delayMs: number; then?: Verdict };

/** Decides each message's fate. */
export type Script = (recipient: string, attempt: number) => Verdict;

export interface TestSmtpOptions {
  auth?: { user: string; pass: string };
  script?: Script;
  /** TLS from the first byte (security "TLS") instead of plain text with STARTTLS. */
  secure?: boolean;
  /** Does not offer (and refuses) STARTTLS. */
  noStartTls?: boolean;
  /** Takes AUTH over an unencrypted connection too (smtp-server refuses it by default). */
  allowInsecureAuth?: boolean;
  /** Closes this many connections before the greeting, then behaves. */
  dropFirstConnections?: number;
}

/** A running test server. */
export interface TestSmtp {
  port: number;
  /** The PEM certificate to trust (pass as `tls: { ca }`). */
  cert: string;
  /** Messages delivered, in order, parsed. */
  received: ParsedMail[];
  /** Attempts per recipient address (RCPT TO), whatever became of them. */
  attempts: Map<string, number>;
  /** Failed AUTH attempts. */
  readonly authFailures: number;
  /** Whether each delivered message came over TLS. */
  secureSessions: boolean[];
  /** The most connections that were open at the same time. */
  readonly maxSimultaneous: number;
  /** Messages received in full and not answered yet (the sender's rows are 'sending'). */
  readonly awaitingReply: number;
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
  const verdicts = new Map<string, Verdict>();
  let toDrop = options.dropFirstConnections ?? 0;
  let authFailures = 0;
  let maxSimultaneous = 0;
  let awaitingReply = 0;
  const received: ParsedMail[] = [];
  const attempts = new Map<string, number>();
  const secureSessions: boolean[] = [];
  const dropSession = (session: SMTPServerSession) => {
    for (const s of sockets) if (s.remotePort === session.remotePort) s.destroy();
  };

  const server = new SMTPServer({
    key,
    cert,
    secure: options.secure ?? false,
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !options.auth,
    allowInsecureAuth: options.allowInsecureAuth ?? false,
    ...(options.noStartTls ? { hideSTARTTLS: true, disabledCommands: ['STARTTLS'] } : {}),
    onConnect(session, callback) {
      if (toDrop > 0) {
        toDrop--;
        return dropSession(session);
      }
      callback();
    },
    onAuth(auth, _session, callback) {
      const ok =
        options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
      if (ok) return callback(null, { user: auth.username });
      authFailures++;
      const error = Object.assign(new Error('5.7.8 Authentication credentials invalid'), {
        responseCode: 535,
      });
      callback(error);
    },
    onRcptTo(address, session, callback) {
      const attempt = (attempts.get(address.address) ?? 0) + 1;
      attempts.set(address.address, attempt);
      const verdict = script(address.address, attempt);
      if (verdict === 'drop-before-data') return dropSession(session);
      verdicts.set(session.id, verdict);
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      const verdict = verdicts.get(session.id) ?? 'accept';
      if (verdict === 'drop-during-data') {
        stream.once('data', () => dropSession(session));
        stream.resume();
        return;
      }
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        awaitingReply++;
        const deliver = async () => {
          received.push(await simpleParser(Buffer.concat(chunks)));
          secureSessions.push(session.secure);
          awaitingReply--;
        };
        const act = (verdict: Verdict): void => {
          if (verdict === 'accept') {
            void deliver().then(() => callback(null, `2.0.0 Ok: queued as ${to}`));
          } else if (verdict === 'deliver-then-drop') {
            void deliver().then(() => dropSession(session));
          } else if (verdict === 'drop-before-data' || verdict === 'drop-during-data') {
            awaitingReply--;
            dropSession(session);
          } else if ('delayMs' in verdict) {
            setTimeout(() => act(verdict.then ?? 'accept'), verdict.delayMs);
          } else {
            awaitingReply--;
            callback(Object.assign(new Error(verdict.message), { responseCode: verdict.reply }));
          }
        };
        act(verdict);
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    maxSimultaneous = Math.max(maxSimultaneous, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('error', () => {});

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    cert,
    received,
    attempts,
    secureSessions,
    get authFailures() {
      return authFailures;
    },
    get maxSimultaneous() {
      return maxSimultaneous;
    },
    get awaitingReply() {
      return awaitingReply;
    },
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
