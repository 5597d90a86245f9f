-- SPDX-License-Identifier: Apache-2.0
-- POSITION records as the trading desk writes them for a restart: when the position was opened and on which venue,
-- as columns (every field, including these, is in fields_json as well). Runs unchanged on PostgreSQL 15 and on H2 2.2
-- in PostgreSQL mode. Rows written before this migration keep NULL here; their fields_json has what they had.

ALTER TABLE position_snapshot ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE position_snapshot ADD COLUMN venue VARCHAR;

-- the restore point reads the last snapshot of every instrument by insertion order
CREATE INDEX position_snapshot_instrument_id ON position_snapshot (instrument, id);
