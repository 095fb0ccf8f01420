-- The console's users (docs/console.md): a password is kept only as its Argon2id hash (PHC string form, with its
-- own salt). A user is never deleted, only disabled (disabled_at, epoch milliseconds UTC; NULL while enabled), so
-- the audit's names keep meaning someone.
CREATE TABLE console_user (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           TEXT   NOT NULL UNIQUE,
    role           TEXT   NOT NULL,
    password_hash  TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    disabled_at    BIGINT
);

-- The audit is read as a list of its own (sweetie audit, the console's audit page): a partial index finds its
-- entries without reading the whole log, and costs nothing on the other entries' inserts.
CREATE INDEX evidence_entry_audit ON evidence_entry (idx) WHERE kind = 'audit';
