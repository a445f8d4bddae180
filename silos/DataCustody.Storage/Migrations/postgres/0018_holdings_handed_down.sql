-- A copy passed on before its sender's transfer was reported learns what it depends on from a holdings.inherited
-- entry: the log index of the latest such entry, which names every consent the copy depends on from then on and
-- whether it stands on a basis of its own, so that the person's custody view cites it (null when none did).
-- Copies handed down to before this column keep null: only the log's entries say which they are, and projections
-- rebuilt from the log (rebuild-projections) have them.
ALTER TABLE holdings ADD COLUMN handed_down_index BIGINT;
