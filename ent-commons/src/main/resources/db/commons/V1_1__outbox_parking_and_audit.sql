-- Issue #14: an outbox row that retrying cannot fix (too large, not serialisable, not authorised) is PARKED with its
-- reason instead of blocking the relay; rows of the same topic and key wait behind it (per-key order), other keys
-- keep flowing. An operator retries or discards a parked row (/ops/outbox); each of these acts is audited.
ALTER TABLE outbox_event ADD COLUMN state TEXT NOT NULL DEFAULT 'PENDING';
UPDATE outbox_event SET state = 'PUBLISHED' WHERE published_at IS NOT NULL;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_state
    CHECK (state IN ('PENDING', 'PUBLISHED', 'PARKED', 'DISCARDED'));
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE state = 'PENDING';
CREATE INDEX outbox_event_parked_key ON outbox_event (topic, record_key, seq) WHERE state = 'PARKED';

-- Who retried or discarded which parked row, when and why (the row itself may be purged later: no foreign key).
CREATE TABLE outbox_operation (
    id            BIGSERIAL   PRIMARY KEY,
    event_id      UUID        NOT NULL,
    action        TEXT        NOT NULL CHECK (action IN ('RETRY', 'DISCARD')),
    actor         TEXT        NOT NULL,
    reason        TEXT,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX outbox_operation_event ON outbox_operation (event_id);
