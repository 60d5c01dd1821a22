-- 0001: the roster (users), workstation settings, and the substring search index.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  -- Unique regardless of case: "frontdesk" and "FrontDesk" are the same sign-in name.
  user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  -- Empty when the roster has no address: finding those is part of the job, so it is allowed.
  email TEXT NOT NULL DEFAULT '',
  work_phone TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'Active' CHECK (status IN ('Active', 'Inactive')),
  -- Dates are ISO-8601 UTC strings.
  created_at TEXT,
  last_login_at TEXT,
  last_password_failure_at TEXT,
  password_failures INTEGER NOT NULL DEFAULT 0 CHECK (password_failures >= 0),
  -- scrypt string used by the login simulator; NULL until a password is set.
  password_hash TEXT,
  locked_until TEXT,
  updated_at TEXT
) STRICT;

-- Manage Users sorts on every column, case-insensitively, ties broken by id (the rowid, which
-- every index carries), with or without the status filter. user_name's UNIQUE index serves the
-- unfiltered user-name sort. Status holds only 'Active'/'Inactive', so it sorts and filters with
-- the default (binary) collation, which lets `status = ?` use these indexes.
CREATE INDEX users_by_first_name ON users (first_name COLLATE NOCASE);
CREATE INDEX users_by_last_name ON users (last_name COLLATE NOCASE);
CREATE INDEX users_by_email ON users (email COLLATE NOCASE);
CREATE INDEX users_by_work_phone ON users (work_phone COLLATE NOCASE);
CREATE INDEX users_by_status ON users (status);
CREATE INDEX users_by_status_user_name ON users (status, user_name COLLATE NOCASE);
CREATE INDEX users_by_status_first_name ON users (status, first_name COLLATE NOCASE);
CREATE INDEX users_by_status_last_name ON users (status, last_name COLLATE NOCASE);
CREATE INDEX users_by_status_email ON users (status, email COLLATE NOCASE);
CREATE INDEX users_by_status_work_phone ON users (status, work_phone COLLATE NOCASE);

-- Workstation settings as JSON values (SettingsStore).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Substring search over user name, first, last and email: a trigram index (case-insensitive)
-- whose content is the users table itself, kept in step by the triggers below.
CREATE VIRTUAL TABLE users_search USING fts5 (
  user_name, first_name, last_name, email,
  content = 'users', content_rowid = 'id',
  tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER users_search_after_insert AFTER INSERT ON users BEGIN
  INSERT INTO users_search (rowid, user_name, first_name, last_name, email)
  VALUES (new.id, new.user_name, new.first_name, new.last_name, new.email);
END;

CREATE TRIGGER users_search_after_delete AFTER DELETE ON users BEGIN
  INSERT INTO users_search (users_search, rowid, user_name, first_name, last_name, email)
  VALUES ('delete', old.id, old.user_name, old.first_name, old.last_name, old.email);
END;

-- Only changes to searched columns touch the index (sign-ins update dates many times a day).
CREATE TRIGGER users_search_after_update
AFTER UPDATE OF id, user_name, first_name, last_name, email ON users BEGIN
  INSERT INTO users_search (users_search, rowid, user_name, first_name, last_name, email)
  VALUES ('delete', old.id, old.user_name, old.first_name, old.last_name, old.email);
  INSERT INTO users_search (rowid, user_name, first_name, last_name, email)
  VALUES (new.id, new.user_name, new.first_name, new.last_name, new.email);
END;
