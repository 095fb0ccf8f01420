-- Text is stored losslessly (StoredText): a lone UTF-16 surrogate, which no database holds, is written as the evidence
-- entry writes it, \uXXXX, and so a backslash is written as two. This doubles the backslashes of the text already
-- stored, so that it reads back unchanged; only the representation of those rows changes, never what they say.
--
-- Doubling is one-to-one, but row by row it could meet a value that already has the doubled form in the same unique
-- key: the unique source ids are dropped and created again around it, and account_name is copied into a new table.
-- (Handles are case-folded, which turns '\' into '|'; network and channel names are the organisation's.)
-- E'\\' is one backslash whatever standard_conforming_strings says.
DROP INDEX message_source;
DROP INDEX event_source;

UPDATE persona SET handle = replace(handle, E'\\', E'\\\\') WHERE strpos(handle, E'\\') > 0;
UPDATE persona SET nicknames = replace(nicknames, E'\\', E'\\\\') WHERE strpos(nicknames, E'\\') > 0;
UPDATE persona SET country = replace(country, E'\\', E'\\\\') WHERE strpos(country, E'\\') > 0;
UPDATE persona SET languages = replace(languages, E'\\', E'\\\\') WHERE strpos(languages, E'\\') > 0;
UPDATE persona SET profile = replace(profile, E'\\', E'\\\\') WHERE strpos(profile, E'\\') > 0;
UPDATE account SET network = replace(network, E'\\', E'\\\\') WHERE strpos(network, E'\\') > 0;
UPDATE account SET handle = replace(handle, E'\\', E'\\\\') WHERE strpos(handle, E'\\') > 0;
UPDATE account SET host = replace(host, E'\\', E'\\\\') WHERE strpos(host, E'\\') > 0;
UPDATE conversation SET channel = replace(channel, E'\\', E'\\\\') WHERE strpos(channel, E'\\') > 0;
UPDATE message SET operator_id = replace(operator_id, E'\\', E'\\\\') WHERE strpos(operator_id, E'\\') > 0;
UPDATE message SET sender = replace(sender, E'\\', E'\\\\') WHERE strpos(sender, E'\\') > 0;
UPDATE message SET text = replace(text, E'\\', E'\\\\') WHERE strpos(text, E'\\') > 0;
UPDATE message SET raw = replace(raw, E'\\', E'\\\\') WHERE strpos(raw, E'\\') > 0;
UPDATE message SET source_id = replace(source_id, E'\\', E'\\\\') WHERE strpos(source_id, E'\\') > 0;
UPDATE event SET actor = replace(actor, E'\\', E'\\\\') WHERE strpos(actor, E'\\') > 0;
UPDATE event SET detail = replace(detail, E'\\', E'\\\\') WHERE strpos(detail, E'\\') > 0;
UPDATE event SET raw = replace(raw, E'\\', E'\\\\') WHERE strpos(raw, E'\\') > 0;
UPDATE event SET source_id = replace(source_id, E'\\', E'\\\\') WHERE strpos(source_id, E'\\') > 0;
UPDATE analysis_flag SET value = replace(value, E'\\', E'\\\\') WHERE strpos(value, E'\\') > 0;
UPDATE analysis_flag SET detail = replace(detail, E'\\', E'\\\\') WHERE strpos(detail, E'\\') > 0;
UPDATE link_decision SET analyst = replace(analyst, E'\\', E'\\\\') WHERE strpos(analyst, E'\\') > 0;
UPDATE link_decision SET key_value = replace(key_value, E'\\', E'\\\\') WHERE strpos(key_value, E'\\') > 0;
UPDATE link_decision SET network = replace(network, E'\\', E'\\\\') WHERE strpos(network, E'\\') > 0;
UPDATE link_decision SET handle = replace(handle, E'\\', E'\\\\') WHERE strpos(handle, E'\\') > 0;
UPDATE link_decision SET note = replace(note, E'\\', E'\\\\') WHERE strpos(note, E'\\') > 0;
UPDATE imported_file SET path = replace(path, E'\\', E'\\\\') WHERE strpos(path, E'\\') > 0;

CREATE TABLE account_name_lossless (
    account_id  BIGINT  NOT NULL REFERENCES account (id),
    name        TEXT    NOT NULL,
    PRIMARY KEY (account_id, name)
);
INSERT INTO account_name_lossless (account_id, name)
SELECT account_id, replace(name, E'\\', E'\\\\') FROM account_name;
DROP TABLE account_name;
ALTER TABLE account_name_lossless RENAME TO account_name;

CREATE UNIQUE INDEX message_source ON message (conversation_id, source_id) WHERE source_id IS NOT NULL;
CREATE UNIQUE INDEX event_source ON event (conversation_id, source_id) WHERE source_id IS NOT NULL;
