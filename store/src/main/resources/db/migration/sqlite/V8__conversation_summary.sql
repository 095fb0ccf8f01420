-- What the console's lists show of a conversation and filter on, kept up to date by the store whenever a unit of
-- work that touched the conversation commits (JdbcConversationStore.REFRESH_SUMMARY, the same expressions as here):
-- with 100,000 conversations a page of the list must not read every conversation. stages is ',' + the stage names
-- reached + ',' (',,' for none), so that a stage is found with LIKE '%,NAME,%'.
CREATE TABLE conversation_summary (
    conversation_id    INTEGER PRIMARY KEY REFERENCES conversation (id),
    first_at           INTEGER,
    last_at            INTEGER,
    messages           INTEGER NOT NULL,
    events             INTEGER NOT NULL,
    stages             TEXT    NOT NULL,
    qualification      TEXT    NOT NULL,
    reached_operators  INTEGER NOT NULL
);

INSERT INTO conversation_summary (conversation_id, first_at, last_at, messages, events, stages, qualification,
                                  reached_operators)
SELECT c.id,
       (SELECT m.sent_at FROM message m WHERE m.conversation_id = c.id ORDER BY m.seq LIMIT 1),
       (SELECT m.sent_at FROM message m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1),
       (SELECT count(*) FROM message m WHERE m.conversation_id = c.id),
       (SELECT count(*) FROM event e WHERE e.conversation_id = c.id),
       ',' || coalesce((SELECT group_concat(DISTINCT upper(f.value)) FROM analysis_flag f
                        WHERE f.conversation_id = c.id AND f.kind = 'stage'), '') || ',',
       CASE WHEN EXISTS (SELECT 1 FROM analysis_flag f WHERE f.conversation_id = c.id AND f.kind = 'qualified'
                         AND f.value = 'wcst') THEN 'wcst'
            ELSE coalesce((SELECT f.value FROM analysis_flag f WHERE f.conversation_id = c.id
                           AND f.kind = 'qualified' ORDER BY f.id DESC LIMIT 1), 'none') END,
       CASE WHEN EXISTS (SELECT 1 FROM event e WHERE e.conversation_id = c.id AND e.kind = 'OPERATOR') THEN 1
            ELSE 0 END
FROM conversation c;

-- Counts committed changes to what suspects are read from (conversations, messages, events, flags, accounts, link
-- decisions): the console keeps the suspects it read until the count moves, also when another process writes.
CREATE TABLE store_change (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    changes  INTEGER NOT NULL
);

INSERT INTO store_change (id, changes) VALUES (1, 0);
