-- Encryption at rest (docs/security.md, docs/storage.md). The free text of partners' lines, accounts, events, flags,
-- link decisions, imported paths and evidence entries is written sealed (AES-256-GCM under the data key of the
-- deployment's key file); what used to be compared as plaintext is compared as a keyed hash (HMAC-SHA256 under the
-- index key, a "blind index") in the *_key columns below. The store keeps the id of its key file and a value sealed
-- with its data key, and refuses to open with another key file.
CREATE TABLE store_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    key_id     TEXT    NOT NULL,
    key_check  TEXT    NOT NULL
);

ALTER TABLE account ADD COLUMN handle_key TEXT;
CREATE UNIQUE INDEX account_handle_key ON account (network, handle_key);
CREATE INDEX account_handle_key_any ON account (handle_key);

ALTER TABLE account_name ADD COLUMN name_key TEXT;
CREATE UNIQUE INDEX account_name_key ON account_name (account_id, name_key);

ALTER TABLE message ADD COLUMN source_key TEXT;
DROP INDEX message_source;
CREATE UNIQUE INDEX message_source ON message (conversation_id, source_key) WHERE source_key IS NOT NULL;

ALTER TABLE event ADD COLUMN source_key TEXT;
DROP INDEX event_source;
CREATE UNIQUE INDEX event_source ON event (conversation_id, source_key) WHERE source_key IS NOT NULL;

ALTER TABLE imported_file ADD COLUMN path_key TEXT;
CREATE INDEX imported_file_path_key ON imported_file (path_key);

-- The search index: the keyed hashes of the words written in a conversation and of the identifiers found in it, so
-- that the console finds conversations by whole word or exact identifier without plaintext in the database. Keyed by
-- conversation first: a batch's terms go to a few places of the tree, and the list checks each candidate with one
-- look-up.
CREATE TABLE conversation_term (
    conversation_id  INTEGER NOT NULL REFERENCES conversation (id),
    term             TEXT    NOT NULL,
    PRIMARY KEY (conversation_id, term)
) WITHOUT ROWID;

-- A store written before (no keys): its plain values are their own "keys", as Sealer.PLAIN compares them.
UPDATE account SET handle_key = handle;
UPDATE account_name SET name_key = name;
UPDATE message SET source_key = source_id WHERE source_id IS NOT NULL;
UPDATE event SET source_key = source_id WHERE source_id IS NOT NULL;
UPDATE imported_file SET path_key = path;
