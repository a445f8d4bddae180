-- A review is answered by the upstream provider's breach.reviewed entry; until then both are null.
ALTER TABLE breach_reviews ADD COLUMN reviewed_index BIGINT;
ALTER TABLE breach_reviews ADD COLUMN reviewed_at_ms BIGINT;
