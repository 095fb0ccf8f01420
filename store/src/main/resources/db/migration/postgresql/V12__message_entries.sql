-- An evidence entry that records a stored message keeps the message's seq instead of a second, sealed copy of the
-- line: its canonical bytes are the message entry built again from the message row and its conversation
-- (docs/evidence.md, 'Where entries are kept'). body then holds the entry's leaf hash, sealed, which the bytes built
-- again must hash to. Entries written before keep their bodies.
ALTER TABLE evidence_entry ADD COLUMN message_seq BIGINT;
