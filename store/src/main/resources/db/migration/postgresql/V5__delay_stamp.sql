-- When the partner sent a message that a server kept and delivered later (XMPP offline storage), by the delivery's
-- delay stamp (XEP-0203), in epoch milliseconds (UTC); NULL for a message that came as it was sent. sent_at stays
-- the time Sweetie received it.
ALTER TABLE message ADD COLUMN delay_stamp BIGINT;
