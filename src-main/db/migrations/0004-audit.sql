-- 0004: the change log (audit_log) kept for the later sync, and the View Details tabs
-- Organizations, Permissions and Participant Assignments. The sync marker lives in `settings`.

-- One row per changed field. user_id has no foreign key on purpose: the history of a user must
-- outlive the user, and the user name is kept as a snapshot for the same reason.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  -- ISO-8601 UTC, from the injected clock.
  at TEXT NOT NULL,
  user_id INTEGER,
  user_name TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  source TEXT NOT NULL CHECK (source IN ('edit', 'import', 'bulk', 'password', 'tab'))
) STRICT;

-- "Changes since last sync" reads id > marker: the primary key, which also orders by time (ids
-- grow with `at`), so no index on `at` is kept — an import writes six rows per user and every
-- index is paid for on each. History reads one user's rows, newest first.
CREATE INDEX audit_log_by_user ON audit_log (user_id, id);

-- The three editable lists of View Details. A name appears once per user, whatever its case.
CREATE TABLE user_organizations (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (user_id, name)
) STRICT;

CREATE TABLE user_permissions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (user_id, name)
) STRICT;

CREATE TABLE user_participant_assignments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (user_id, name)
) STRICT;
