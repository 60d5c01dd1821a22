/**
 * Turns what nodemailer reports into what an administrator can act on, and decides whether a
 * failed delivery is worth another attempt.
 */

/** The fields of a nodemailer error this module reads. */
interface SmtpErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
}

/**
 * What went wrong, as the Test connection button and the results table say it.
 * - `setup` problems (refused, TLS, authentication, no password, unknown host) are the same for
 *   every recipient: retrying cannot help and repeated bad logins could lock the account.
 * - `temporary` problems (4xx replies, a dropped connection, a timeout) may pass on a later try.
 *   A drop or timeout counts as temporary only when it came before the whole message had been
 *   handed over: the server cannot have delivered what it never fully received.
 * - `permanent` problems (5xx replies) are the server's final word about this message.
 * - `uncertain`: the whole message was handed over and then the connection dropped or timed
 *   out before the server's reply. The server may have delivered it, so it is never retried
 *   automatically (a retry could deliver it twice).
 */
export type SmtpProblemKind =
  | 'refused'
  | 'timeout'
  | 'tls'
  | 'auth'
  | 'no-password'
  | 'not-found'
  | 'dropped'
  | 'temporary'
  | 'permanent'
  | 'uncertain'
  | 'other';

/** A classified failure with its plain-language explanation. */
export interface SmtpProblem {
  kind: SmtpProblemKind;
  /** True for problems of the whole server setup rather than of one message. */
  setup: boolean;
  /** True when the same message may go through on a later attempt. */
  retryable: boolean;
  /** One or two sentences for the administrator; never contains the password. */
  message: string;
}

const SETUP_KINDS = new Set<SmtpProblemKind>([
  'refused',
  'tls',
  'auth',
  'no-password',
  'not-found',
]);
const RETRYABLE_KINDS = new Set<SmtpProblemKind>(['timeout', 'dropped', 'temporary']);

function problem(kind: SmtpProblemKind, message: string): SmtpProblem {
  return { kind, setup: SETUP_KINDS.has(kind), retryable: RETRYABLE_KINDS.has(kind), message };
}

/** The server's reply without trailing whitespace, for quoting. */
function reply(e: SmtpErrorLike): string {
  return (e.response ?? '').trim().slice(0, 500);
}

/**
 * Classifies a nodemailer error raised while talking to `server` ("host:port"). `afterData` is
 * true when the error came after the whole message (and so the end of DATA) had been handed to
 * the connection: a failure without a server reply is then {@link SmtpProblemKind} `uncertain`.
 */
export function classifySmtpError(error: unknown, server: string, afterData = false): SmtpProblem {
  const e: SmtpErrorLike = typeof error === 'object' && error !== null ? error : {};
  const message = e.message ?? String(error);
  const original = e.originalCode ?? '';

  if (e.code === 'EAUTH' || e.responseCode === 535) {
    return problem(
      'auth',
      `Authentication failed: ${server} did not accept the user name and password` +
        (reply(e) ? ` (${reply(e)}).` : '.'),
    );
  }
  if (e.code === 'ENOAUTH') {
    return problem('no-password', 'No SMTP password is saved for this user name and server.');
  }
  if (original === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) {
    return problem(
      'refused',
      `Connection refused: nothing is accepting mail at ${server}. Check the host and port.`,
    );
  }
  if (e.code === 'EDNS' || original === 'ENOTFOUND' || original === 'EAI_AGAIN') {
    return problem('not-found', `The server name in ${server} could not be found.`);
  }
  if (isCertificateProblem(original, message)) {
    return problem(
      'tls',
      `TLS certificate problem with ${server}: ${message.slice(0, 200)}. ` +
        'The server’s certificate is not trusted, has expired, or names another host.',
    );
  }
  if (e.code === 'ETLS' && e.command === 'STARTTLS' && e.responseCode) {
    return problem(
      'tls',
      `${server} does not offer STARTTLS (it answered ${reply(e) || e.responseCode}), so ` +
        'nothing was sent unencrypted. Choose TLS if the server expects TLS from the first ' +
        'byte (usually port 465), or None only for a server on this computer or a trusted network.',
    );
  }
  if (e.code === 'ETLS') {
    return problem(
      'tls',
      `A secure (TLS) connection to ${server} could not be set up: ${message.slice(0, 200)}. ` +
        'Check that Security matches what the server expects on this port.',
    );
  }
  if (afterData && typeof e.responseCode !== 'number') {
    const what =
      e.code === 'ETIMEDOUT' || original === 'ETIMEDOUT'
        ? `timed out waiting for ${server} to confirm it`
        : `the connection to ${server} was lost before the server confirmed it`;
    return problem(
      'uncertain',
      `The whole message was sent, then ${what}. It may or may not have been delivered, so ` +
        'it was not sent again: check with the recipient before resending.',
    );
  }
  if (e.code === 'ETIMEDOUT' || original === 'ETIMEDOUT') {
    return problem('timeout', `Timed out waiting for ${server} to answer.`);
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    const quoted = reply(e) || String(e.responseCode);
    return e.responseCode >= 500
      ? problem('permanent', `The server refused the message: ${quoted}`)
      : problem('temporary', `The server asked to try again later: ${quoted}`);
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET' || original === 'ECONNRESET') {
    return problem('dropped', `The connection to ${server} was lost while sending.`);
  }
  return problem('other', `Sending failed: ${message.slice(0, 300)}`);
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function isCertificateProblem(code: string, message: string): boolean {
  return (
    CERTIFICATE_CODES.has(code) ||
    /certificate|self[- ]signed|altnames/i.test(message.slice(0, 300))
  );
}
