-- Shared by every service (ent-commons). Service migrations start at V2.
-- Transactional outbox: a state change and the event announcing it are written in the same transaction;
-- the relay publishes rows to Kafka in seq order and stamps published_at.
CREATE TABLE outbox_event (
    seq           BIGSERIAL PRIMARY KEY,
    id            UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    record_key    TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    payload       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumption: the id of each applied event, written in the same transaction as its effect.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Pipeline probes (operations): an operator's synthetic request that stores a row and publishes an event
-- through the outbox, proving the path database -> outbox -> Kafka of a running service.
CREATE TABLE pipeline_probe (
    id            UUID        PRIMARY KEY,
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    note          TEXT,
    event_id      UUID        NOT NULL
);
