-- 0006: the login simulator counts wrong codes per sign-in attempt and locks from the last lock.
--
-- A sign-in (or password-reset) attempt is a chain of challenges: the first code and each resend.
-- A resend copies the chain's wrong-code count (`attempts`) into the new challenge, so resending
-- never gives fresh guesses, and counts itself in `resends`, which the policy bounds.
ALTER TABLE otp_challenges ADD COLUMN resends INTEGER NOT NULL DEFAULT 0 CHECK (resends >= 0);

-- Failed sign-ins since the account was last locked or unlocked (or signed in): the account locks
-- when this reaches the policy's threshold. `password_failures` keeps counting since the last
-- success, as View Details shows it ("Password Failures Since Last Success").
ALTER TABLE users ADD COLUMN failures_since_lock INTEGER NOT NULL DEFAULT 0
  CHECK (failures_since_lock >= 0);
