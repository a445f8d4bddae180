-- A copy made on a basis other than consent (a contract, a legal obligation, ...) keeps its category, and the
-- categories beneath, lawful whatever consent ends: true when the copy stands on such a basis of its own.
ALTER TABLE holdings ADD COLUMN on_own_basis BOOLEAN NOT NULL DEFAULT FALSE;

-- Copies collected before: a collection that depends on no consent was made on another basis, unless it claimed
-- a consent the broker did not find (flagged no-consent). Copies passed on stay false, as a rebuild makes them: the
-- transfers logged before this column say nothing of the sender's basis, and such a copy stands on its own only
-- when what it came from did.
UPDATE holdings SET on_own_basis = TRUE
WHERE via_hop IS NULL AND root_consent_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM violations v WHERE v.entry_index = holdings.acquired_index AND v.code = 'no-consent');
