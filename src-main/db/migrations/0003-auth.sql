-- 0003: the login simulator's one-time codes (sign-in and password reset).
--
-- A code is never stored: only an HMAC-SHA256 of "<challenge id>:<code>" under a key that lives
-- in the running process's memory (see src-main/auth/challenges.ts), so this table alone cannot
-- reveal or confirm a code, and a code is bound to the challenge it was issued for.
CREATE TABLE otp_challenges (
  -- 256 random bits, base64url: the handle the code-entry screen holds; unguessable.
  id TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('sign-in', 'password-reset')),
  code_hmac TEXT NOT NULL,
  -- Dates are ISO-8601 UTC strings from the injected clock; they compare as text.
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- Wrong codes entered so far; at the policy's limit the challenge ends.
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  resend_available_at TEXT NOT NULL,
  -- Set when the code was used (single use) or the attempt ended.
  consumed_at TEXT,
  -- 1 once a resend replaced this challenge's code with a new challenge.
  superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1))
) STRICT;

CREATE INDEX otp_challenges_by_user ON otp_challenges (user_id, purpose, created_at);
