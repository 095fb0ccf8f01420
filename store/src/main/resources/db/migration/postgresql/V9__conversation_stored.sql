-- When Sweetie last stored something of a conversation (epoch milliseconds UTC), beside the conversation's own times:
-- retention counts quiet time from the later of the two, so that logs imported today are kept as long as a
-- conversation captured today, however old their lines are. Conversations stored before count from this migration.
CREATE TABLE conversation_stored (
    conversation_id  BIGINT PRIMARY KEY REFERENCES conversation (id),
    stored_at        BIGINT NOT NULL
);

INSERT INTO conversation_stored (conversation_id, stored_at)
SELECT id, (extract(epoch FROM now()) * 1000)::bigint FROM conversation;
