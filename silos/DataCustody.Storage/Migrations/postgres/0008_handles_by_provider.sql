-- A breach report names the person behind each of the breached holder's handles: one range of this
-- index instead of a probe per copy. It carries the person, so the registry's rows are not read.
CREATE INDEX person_handles_by_provider ON person_handles (provider_id, handle, person_id);
