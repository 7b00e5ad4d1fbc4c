-- An outbound message is recorded before Plivo is asked to send it, so that no transaction is held open across the
-- call and nothing Plivo accepted can go unrecorded. Until Plivo's answer is recorded the row is 'pending' and has no
-- Plivo uuid; a refused or failed send leaves it 'failed' without one. status_reason says why a message is failed, or
-- why it is still pending when Ferry could not learn Plivo's answer.
ALTER TABLE message ALTER COLUMN plivo_uuid DROP NOT NULL;

ALTER TABLE message ADD COLUMN status_reason VARCHAR(2000);

ALTER TABLE message DROP CONSTRAINT message_status_check;
ALTER TABLE message ADD CONSTRAINT message_status_check CHECK (status IN ('pending', 'queued', 'sent', 'delivered',
    'undelivered', 'failed', 'received', 'read', 'rejected'));

-- Only an outbound message Plivo never confirmed lacks a uuid.
ALTER TABLE message ADD CONSTRAINT message_uuid_once_confirmed
    CHECK (plivo_uuid IS NOT NULL OR (direction = 'OUTBOUND' AND status IN ('pending', 'failed')));
