-- The embedded provider's encryption keys (authorization codes and refresh tokens are encrypted with them), one
-- row per generation, rotated on the same schedule as the signing keys: every node reads a new key before any
-- node encrypts with it, and a retired key decrypts the tokens made with it until they have expired.
CREATE TABLE identity_encryption_keys (
    generation BIGINT PRIMARY KEY,
    key_material BYTEA NOT NULL,
    created_at_ms BIGINT NOT NULL,
    active_from_ms BIGINT NOT NULL
);

-- The one encryption key of earlier versions becomes the first generation, so codes and refresh tokens
-- issued before the upgrade can still be redeemed.
INSERT INTO identity_encryption_keys (generation, key_material, created_at_ms, active_from_ms)
    SELECT 1, key_material, created_at_ms, created_at_ms FROM identity_keys WHERE purpose = 'encryption';

-- Both kinds of key now have tables of their own.
DROP TABLE identity_keys;
