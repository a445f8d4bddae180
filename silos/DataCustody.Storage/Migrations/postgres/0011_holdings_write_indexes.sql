-- Every copy recorded paid for these two indexes with index pages of its own in the append's commit, and
-- neither serves a read: a person's copies are looked up by holder and handle, which the primary key leads
-- with, and the copies that depend on a withdrawn consent are found in the citizen grain's model.
DROP INDEX holdings_by_handle;
DROP INDEX holdings_by_root_consent;
