-- Alert history for SQL, long after the processor's 30-day stores have forgotten it.
-- Written by `monitor sink postgres`, which runs this migration itself (Flyway) before it delivers.

-- One row per incident, updated as the incident goes on: its latest event, plus when it opened.
CREATE TABLE alerts (
    alert_id        uuid             PRIMARY KEY,
    rule            text             NOT NULL,
    country         text             NOT NULL,
    status          text             NOT NULL,   -- firing | resolved
    severity        text             NOT NULL,   -- of the latest event
    first_severity  text             NOT NULL,   -- of the first event stored
    incident_start  timestamptz,
    window_start    timestamptz      NOT NULL,   -- the latest event's window
    window_end      timestamptz      NOT NULL,
    articles        integer          NOT NULL,
    threshold       integer          NOT NULL,
    expected        double precision,
    score           double precision,
    summary         text,
    last_update     integer          NOT NULL,
    opened_at       timestamptz      NOT NULL,   -- created_at of the first event stored
    updated_at      timestamptz      NOT NULL,   -- created_at of the latest event
    resolved_at     timestamptz,
    election_date   date,
    election_type   text,
    event           jsonb            NOT NULL    -- the latest event, exactly as on the topic
);
CREATE INDEX alerts_country_idx ON alerts (country, window_start DESC);
CREATE INDEX alerts_window_idx ON alerts (window_start DESC);
CREATE INDEX alerts_open_idx ON alerts (status, updated_at DESC);

-- One row per event: (alert_id, update_number) is the event's identity, inserted once.
CREATE TABLE alert_events (
    alert_id        uuid             NOT NULL,
    update_number   integer          NOT NULL,
    rule            text             NOT NULL,
    country         text             NOT NULL,
    status          text             NOT NULL,
    severity        text             NOT NULL,
    window_start    timestamptz      NOT NULL,
    window_end      timestamptz      NOT NULL,
    articles        integer          NOT NULL,
    created_at      timestamptz      NOT NULL,
    event           jsonb            NOT NULL,
    kafka_partition integer          NOT NULL,
    kafka_offset    bigint           NOT NULL,
    stored_at       timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (alert_id, update_number)
);
CREATE INDEX alert_events_country_idx ON alert_events (country, created_at DESC);
CREATE INDEX alert_events_created_idx ON alert_events (created_at DESC);
CREATE INDEX alert_events_status_idx ON alert_events (status, created_at DESC);
