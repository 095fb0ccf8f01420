-- Text is stored losslessly (StoredText): a lone UTF-16 surrogate, which no database holds, is written as the evidence
-- entry writes it, \uXXXX, and so a backslash is written as two. This doubles the backslashes of the text already
-- stored, so that it reads back unchanged; only the representation of those rows changes, never what they say.
--
-- Doubling is one-to-one, but row by row it could meet a value that already has the doubled form in the same unique
-- key: the unique source ids are dropped and created again around it, and account_name is copied into a new table.
-- (Handles are case-folded, which turns '\' into '|'; network and channel names are the organisation's.)
DROP INDEX message_source;
DROP INDEX event_source;

UPDATE persona SET handle = replace(handle, '\', '\\') WHERE instr(handle, '\') > 0;
UPDATE persona SET nicknames = replace(nicknames, '\', '\\') WHERE instr(nicknames, '\') > 0;
UPDATE persona SET country = replace(country, '\', '\\') WHERE instr(country, '\') > 0;
UPDATE persona SET languages = replace(languages, '\', '\\') WHERE instr(languages, '\') > 0;
UPDATE persona SET profile = replace(profile, '\', '\\') WHERE instr(profile, '\') > 0;
UPDATE account SET network = replace(network, '\', '\\') WHERE instr(network, '\') > 0;
UPDATE account SET handle = replace(handle, '\', '\\') WHERE instr(handle, '\') > 0;
UPDATE account SET host = replace(host, '\', '\\') WHERE instr(host, '\') > 0;
UPDATE conversation SET channel = replace(channel, '\', '\\') WHERE instr(channel, '\') > 0;
UPDATE message SET operator_id = replace(operator_id, '\', '\\') WHERE instr(operator_id, '\') > 0;
UPDATE message SET sender = replace(sender, '\', '\\') WHERE instr(sender, '\') > 0;
UPDATE message SET text = replace(text, '\', '\\') WHERE instr(text, '\') > 0;
UPDATE message SET raw = replace(raw, '\', '\\') WHERE instr(raw, '\') > 0;
UPDATE message SET source_id = replace(source_id, '\', '\\') WHERE instr(source_id, '\') > 0;
UPDATE event SET actor = replace(actor, '\', '\\') WHERE instr(actor, '\') > 0;
UPDATE event SET detail = replace(detail, '\', '\\') WHERE instr(detail, '\') > 0;
UPDATE event SET raw = replace(raw, '\', '\\') WHERE instr(raw, '\') > 0;
UPDATE event SET source_id = replace(source_id, '\', '\\') WHERE instr(source_id, '\') > 0;
UPDATE analysis_flag SET value = replace(value, '\', '\\') WHERE instr(value, '\') > 0;
UPDATE analysis_flag SET detail = replace(detail, '\', '\\') WHERE instr(detail, '\') > 0;
UPDATE link_decision SET analyst = replace(analyst, '\', '\\') WHERE instr(analyst, '\') > 0;
UPDATE link_decision SET key_value = replace(key_value, '\', '\\') WHERE instr(key_value, '\') > 0;
UPDATE link_decision SET network = replace(network, '\', '\\') WHERE instr(network, '\') > 0;
UPDATE link_decision SET handle = replace(handle, '\', '\\') WHERE instr(handle, '\') > 0;
UPDATE link_decision SET note = replace(note, '\', '\\') WHERE instr(note, '\') > 0;
UPDATE imported_file SET path = replace(path, '\', '\\') WHERE instr(path, '\') > 0;

CREATE TABLE account_name_lossless (
    account_id  INTEGER NOT NULL REFERENCES account (id),
    name        TEXT    NOT NULL,
    PRIMARY KEY (account_id, name)
);
INSERT INTO account_name_lossless (account_id, name)
SELECT account_id, replace(name, '\', '\\') FROM account_name;
DROP TABLE account_name;
ALTER TABLE account_name_lossless RENAME TO account_name;

CREATE UNIQUE INDEX message_source ON message (conversation_id, source_id) WHERE source_id IS NOT NULL;
CREATE UNIQUE INDEX event_source ON event (conversation_id, source_id) WHERE source_id IS NOT NULL;
