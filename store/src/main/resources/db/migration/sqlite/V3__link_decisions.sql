-- An analyst's decisions on suspect links (confirm, reject): the linking applies them every time it runs.
CREATE TABLE link_decision (
    id          INTEGER PRIMARY KEY,
    decided_at  INTEGER NOT NULL,
    analyst     TEXT    NOT NULL,
    decision    TEXT    NOT NULL,
    key_kind    TEXT    NOT NULL,
    key_value   TEXT    NOT NULL,
    network     TEXT    NOT NULL,
    handle      TEXT    NOT NULL,
    note        TEXT    NOT NULL
);
