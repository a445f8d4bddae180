-- The consent the broker found that allowed a hop on consent; NULL when the hop is on another basis, or on a
-- consent the broker did not find (flagged no-consent): then the hop's copies inherited what the sender's copies
-- depended on, and a later report that hands consents down to the sender's copies follows the hop.
ALTER TABLE hops ADD COLUMN root_consent_id TEXT;

-- Hops reported before, exactly as a rebuild makes them: a transfer on consent not flagged no-consent had its
-- consent found, and every copy that came by the hop depends on that consent alone (none inherited, and no
-- report hands anything down to them). Hops on another basis, flagged, or not reported by their sender stay NULL.
UPDATE hops SET root_consent_id = (SELECT c.root_consent_id FROM holdings c WHERE c.via_hop = hops.hop_id ORDER BY c.acquired_index LIMIT 1)
WHERE legal_basis = 'consent' AND transfer_index IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM violations v WHERE v.entry_index = hops.transfer_index AND v.code = 'no-consent');
