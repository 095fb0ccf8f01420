-- The conversation store. Times are epoch milliseconds (UTC). A message row is never updated or deleted.
CREATE TABLE persona (
    id          INTEGER PRIMARY KEY,
    handle      TEXT    NOT NULL UNIQUE,
    nicknames   TEXT    NOT NULL,  -- one per line
    stated_age  INTEGER,
    country     TEXT,
    languages   TEXT    NOT NULL,  -- one per line
    profile     TEXT    NOT NULL
);

CREATE TABLE account (
    id        INTEGER PRIMARY KEY,
    network   TEXT NOT NULL,
    protocol  TEXT NOT NULL,
    handle    TEXT NOT NULL,
    host      TEXT,
    UNIQUE (network, handle)
);

CREATE TABLE account_name (
    account_id  INTEGER NOT NULL REFERENCES account (id),
    name        TEXT    NOT NULL,
    PRIMARY KEY (account_id, name)
);

CREATE TABLE conversation (
    id                  INTEGER PRIMARY KEY,
    persona_id          INTEGER NOT NULL REFERENCES persona (id),
    persona_account_id  INTEGER NOT NULL REFERENCES account (id),
    partner_account_id  INTEGER NOT NULL REFERENCES account (id),
    channel             TEXT    NOT NULL,  -- '' for a private conversation
    UNIQUE (persona_account_id, partner_account_id, channel)
);

CREATE TABLE message (
    conversation_id  INTEGER NOT NULL REFERENCES conversation (id),
    seq              INTEGER NOT NULL,
    sent_at          INTEGER NOT NULL,
    author_kind      TEXT    NOT NULL,
    operator_id      TEXT,
    sender           TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    raw              TEXT,
    source_id        TEXT,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;

CREATE UNIQUE INDEX message_source ON message (conversation_id, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE event (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversation (id),
    occurred_at      INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    actor            TEXT    NOT NULL,
    detail           TEXT    NOT NULL,
    raw              TEXT,
    source_id        TEXT
);

CREATE INDEX event_conversation ON event (conversation_id, id);
CREATE UNIQUE INDEX event_source ON event (conversation_id, source_id) WHERE source_id IS NOT NULL;

-- Which bytes of which log files are in the store: one row per import run of a file, with the SHA-256 of the bytes
-- imported so far. A later import of the same file (or a copy) resumes after them; a file whose imported bytes
-- changed is refused. head_sha256 (of the first 4096 bytes) finds copies kept under another path.
CREATE TABLE imported_file (
    id           INTEGER PRIMARY KEY,
    path         TEXT    NOT NULL,
    head_sha256  TEXT    NOT NULL,
    bytes        INTEGER NOT NULL,
    lines        INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    imported_at  INTEGER NOT NULL
);

CREATE INDEX imported_file_path ON imported_file (path);
CREATE INDEX imported_file_head ON imported_file (head_sha256);

-- The evidence log (docs/evidence.md): entries in their canonical encoding, the RFC 9162 Merkle tree as the hashes
-- of its perfect subtrees from level 4 up (lower ones are recomputed from the entries), and signed checkpoints.
-- Rows are only ever inserted.
CREATE TABLE evidence_entry (
    idx              INTEGER NOT NULL PRIMARY KEY,
    kind             TEXT    NOT NULL,
    conversation_id  INTEGER,
    body             BLOB    NOT NULL
);

CREATE INDEX evidence_entry_conversation ON evidence_entry (conversation_id, idx);

CREATE TABLE evidence_node (
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    hash   BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;

CREATE TABLE evidence_checkpoint (
    size             INTEGER NOT NULL PRIMARY KEY,
    signed_note      TEXT    NOT NULL,
    timestamp_token  BLOB,
    created_at       INTEGER NOT NULL
);

-- What the analysis established at a message (docs/analysis.md): stages, qualification, initiation, identifiers.
CREATE TABLE analysis_flag (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversation (id),
    seq              INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    value            TEXT    NOT NULL,
    detail           TEXT    NOT NULL
);

CREATE INDEX analysis_flag_conversation ON analysis_flag (conversation_id, id);
