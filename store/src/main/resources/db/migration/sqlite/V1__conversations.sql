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
