-- Which committed change last touched what suspects and countries are read from, by the store's change count
-- (store_change): a long-running reader (the console's suspects, countries and charts) that last read at count N
-- re-reads only the conversations changed after N instead of every conversation. Only numbers, no identifiers.
-- change_seq of a conversation: the count of the last change to its messages, events or flags (or its creation).
ALTER TABLE conversation_stored ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX conversation_stored_change ON conversation_stored (change_seq);

-- The count of the last change to an account (its host or names): its conversations as the partner changed too.
CREATE TABLE account_change (
    account_id  BIGINT PRIMARY KEY,
    change_seq  BIGINT NOT NULL
);
CREATE INDEX account_change_seq ON account_change (change_seq);
CREATE INDEX conversation_partner ON conversation (partner_account_id);

-- The count of the last deletion (data minimisation): a reader who last read before it reads everything again.
ALTER TABLE store_change ADD COLUMN deleted_at BIGINT NOT NULL DEFAULT 0;

-- The guard's decisions, as the dashboard counts them (EvidenceStorage.entriesOfKind with the kind as a literal), as
-- migration 7 did for the audit: without it every count reads the whole log.
CREATE INDEX evidence_entry_guard ON evidence_entry (idx) WHERE kind = 'guard';
