-- Data minimisation (sweetie purge): an evidence entry of a deleted conversation keeps only its leaf hash, so the
-- Merkle tree, its checkpoints and the proofs of every other entry stay verifiable without the deleted content.
ALTER TABLE evidence_entry ADD COLUMN leaf_hash BYTEA;
