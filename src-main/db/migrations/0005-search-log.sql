-- 0005: Manage Users search moves from the FTS5 trigram index and the ten sort indexes to an
-- in-memory index in the main process (src-main/roster/search-index.ts): counting a broad
-- substring match through FTS5 cost tens of milliseconds on a large roster, far from the
-- search benchmark's goal. The in-memory index learns of every change to the searched and sorted
-- columns from this log, which triggers fill whatever writes (this app, another Trax Admin
-- window on the same folder, the sqlite3 shell), so it can never drift from the table.

DROP TRIGGER users_search_after_insert;
DROP TRIGGER users_search_after_delete;
DROP TRIGGER users_search_after_update;
DROP TABLE users_search;

DROP INDEX users_by_first_name;
DROP INDEX users_by_last_name;
DROP INDEX users_by_email;
DROP INDEX users_by_work_phone;
DROP INDEX users_by_status;
DROP INDEX users_by_status_user_name;
DROP INDEX users_by_status_first_name;
DROP INDEX users_by_status_last_name;
DROP INDEX users_by_status_email;
DROP INDEX users_by_status_work_phone;

-- One row per changed user; user_id 0 asks readers to rebuild from the whole table (a bulk
-- import writes that instead of one row per user). AUTOINCREMENT: a sequence number is never
-- reused once committed, even after old rows are pruned. A rolled-back write can leave a number
-- to be taken again by another row, so each row also carries a random nonce: a reader that had
-- read the row it remembers checks that it is still the same row.
CREATE TABLE users_search_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL,
  nonce INTEGER NOT NULL
) STRICT;

CREATE TRIGGER users_search_log_after_insert AFTER INSERT ON users BEGIN
  INSERT INTO users_search_log (user_id, nonce) VALUES (new.id, random());
END;

CREATE TRIGGER users_search_log_after_delete AFTER DELETE ON users BEGIN
  INSERT INTO users_search_log (user_id, nonce) VALUES (old.id, random());
END;

-- Only the columns Manage Users searches, sorts or filters on: sign-ins update dates many times.
CREATE TRIGGER users_search_log_after_update
AFTER UPDATE OF id, user_name, first_name, last_name, email, work_phone, status ON users BEGIN
  INSERT INTO users_search_log (user_id, nonce) SELECT old.id, random() WHERE old.id <> new.id;
  INSERT INTO users_search_log (user_id, nonce) VALUES (new.id, random());
END;

-- Everything already in the table: readers start by reading it whole.
INSERT INTO users_search_log (user_id, nonce) VALUES (0, random());
