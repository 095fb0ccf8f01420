-- Where an event happened among its conversation's messages: after the message with this seq (0: before the first).
-- Lines of the same time (irssi logs have minute precision) then keep the order they were captured or logged in.
-- NULL for events stored before: they are shown after the messages of the same time, as they always were.
ALTER TABLE event ADD COLUMN after_seq BIGINT;
