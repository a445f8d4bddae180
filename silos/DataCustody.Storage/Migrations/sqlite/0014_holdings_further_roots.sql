-- A copy passed on without a consent of its own depends on every consent its sender's copies of the category
-- depended on, and stays lawful while any of them is active: root_consent_id holds the first, this column the
-- others as a JSON array (null when there are none).
ALTER TABLE holdings ADD COLUMN further_root_consent_ids TEXT;
