-- 0002: mail. The Local outbox (caught messages), bulk Send Email jobs and one delivery row per
-- recipient. Dates are ISO-8601 UTC strings from the injected clock.

-- Every message caught in Local outbox mode, exactly as it would have been sent (raw MIME).
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  from_address TEXT NOT NULL,
  to_address TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  -- JSON array of [name, value] pairs: the top-level headers of `raw`, unfolded.
  headers TEXT NOT NULL,
  raw TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX mail_outbox_by_created ON mail_outbox (created_at, id);

-- One bulk Send Email. The subject and body are the administrator's template (placeholders
-- unfilled); the support contacts are copied so a resumed job sends what the first run sent.
CREATE TABLE mail_jobs (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  support_phone TEXT NOT NULL,
  support_email TEXT NOT NULL,
  -- running: being sent; cancelled: stopped by the administrator; interrupted: the app stopped
  -- while it ran; finished: nothing left queued.
  status TEXT NOT NULL CHECK (status IN ('running', 'cancelled', 'interrupted', 'finished')),
  total INTEGER NOT NULL CHECK (total >= 0)
) STRICT;

-- One row per recipient of a job, written (all of them) before the first message is sent.
-- The recipient's values are copied at that moment: a resumed job fills the placeholders exactly
-- as the first run did, and the record of what was sent stays if the user is edited or deleted
-- (so user_id has no foreign key).
CREATE TABLE mail_deliveries (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES mail_jobs (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  address TEXT NOT NULL,
  name TEXT NOT NULL,
  -- queued -> sending (committed before the SMTP transaction starts) -> sent | failed.
  -- uncertain: it was 'sending' when the app stopped; the server may or may not have it, so it
  -- is never re-sent automatically.
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- 'outbox' or 'smtp': where the last attempt went.
  via TEXT,
  message_id TEXT,
  smtp_response TEXT,
  error TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (job_id, user_id)
) STRICT;

CREATE INDEX mail_deliveries_by_job_status ON mail_deliveries (job_id, status, id);
CREATE INDEX mail_deliveries_by_user ON mail_deliveries (user_id, updated_at);
