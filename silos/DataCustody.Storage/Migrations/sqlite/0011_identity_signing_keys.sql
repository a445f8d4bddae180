-- The embedded provider's token signing keys, one row per generation. A key is published from the moment it
-- is stored, signs from active_from_ms until the next generation's active_from_ms, and is deleted once no
-- token it signed can still be valid. Every node reads the same rows, so a token verifies on any of them.
CREATE TABLE identity_signing_keys (
    generation INTEGER PRIMARY KEY,
    key_material BLOB NOT NULL,
    created_at_ms INTEGER NOT NULL,
    active_from_ms INTEGER NOT NULL
);

-- The one signing key of earlier versions becomes the first generation, signing since it was made, so the
-- tokens it signed stay valid and it retires like any other.
INSERT INTO identity_signing_keys (generation, key_material, created_at_ms, active_from_ms)
    SELECT 1, key_material, created_at_ms, created_at_ms FROM identity_keys WHERE purpose = 'signing';
DELETE FROM identity_keys WHERE purpose = 'signing';
