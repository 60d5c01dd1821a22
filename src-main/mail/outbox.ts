/**
 * The Local outbox: in the default delivery mode every message is kept here instead of being
 * sent, exactly as it would have gone out, so the administrator can see what users would get.
 */
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import { composeMessage } from './compose.js';
import type { DeliveryReceipt, OutgoingMessage } from './delivery.js';

/** One line of the Outbox list. */
export interface OutboxSummary {
  id: number;
  to: string;
  toName: string;
  subject: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** One caught message as the recipient would see it. */
export interface OutboxMessage extends OutboxSummary {
  messageId: string;
  from: string;
  text: string;
  html: string;
  headers: [string, string][];
  /** The MIME source, byte for byte what SMTP would have carried. */
  raw: string;
}

interface OutboxRow {
  id: number;
  message_id: string;
  from_address: string;
  to_address: string;
  to_name: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: string;
  raw: string;
  created_at: string;
}

/** Stores, lists and clears caught messages. */
export class Outbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Catches `message` as sent from `from`; answers a receipt like SMTP's. */
  async store(
    message: OutgoingMessage,
    from: { name: string; address: string },
  ): Promise<DeliveryReceipt> {
    const composed = await composeMessage(message, from, this.clock);
    const result = this.db
      .prepare(
        `INSERT INTO mail_outbox (message_id, from_address, to_address, to_name, subject,
           text_body, html_body, headers, raw, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        composed.messageId,
        composed.from,
        message.to,
        message.toName ?? '',
        message.subject,
        message.text,
        message.html,
        JSON.stringify(composed.headers),
        composed.raw,
        this.clock().toISOString(),
      );
    return {
      messageId: composed.messageId,
      response: `Kept in the Local outbox (message ${Number(result.lastInsertRowid)}); nothing left this computer.`,
    };
  }

  /** Every caught message, newest first. */
  list(): OutboxSummary[] {
    return this.db
      .prepare<[], Pick<OutboxRow, 'id' | 'to_address' | 'to_name' | 'subject' | 'created_at'>>(
        `SELECT id, to_address, to_name, subject, created_at FROM mail_outbox
         ORDER BY created_at DESC, id DESC`,
      )
      .all()
      .map((r) => ({
        id: r.id,
        to: r.to_address,
        toName: r.to_name,
        subject: r.subject,
        createdAt: r.created_at,
      }));
  }

  /** One caught message. @throws AppError NOT_FOUND */
  get(id: number): OutboxMessage {
    const row = this.db
      .prepare<[number], OutboxRow>('SELECT * FROM mail_outbox WHERE id = ?')
      .get(id);
    if (!row) throw new AppError('NOT_FOUND', 'That message is no longer in the Outbox.');
    return {
      id: row.id,
      to: row.to_address,
      toName: row.to_name,
      subject: row.subject,
      createdAt: row.created_at,
      messageId: row.message_id,
      from: row.from_address,
      text: row.text_body,
      html: row.html_body,
      headers: parseHeaders(row.headers),
      raw: row.raw,
    };
  }

  /** Empties the Outbox; answers how many messages were removed. */
  clear(): { removed: number } {
    return { removed: this.db.prepare('DELETE FROM mail_outbox').run().changes };
  }
}

function parseHeaders(json: string): [string, string][] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (h): h is [string, string] =>
        Array.isArray(h) && typeof h[0] === 'string' && typeof h[1] === 'string',
    );
  } catch {
    return [];
  }
}
