-- The table Ralph's ClickHouse backend writes to (as in Ralph's own development setup).
CREATE DATABASE IF NOT EXISTS xapi;
CREATE TABLE IF NOT EXISTS xapi.xapi_events_all (
    event_id UUID NOT NULL,
    emission_time DateTime64(6) NOT NULL,
    event String NOT NULL
)
ENGINE MergeTree
ORDER BY (emission_time, event_id)
PRIMARY KEY (emission_time, event_id);
