-- Warden's schema, version 9: the retention purge. Like V1, one script for H2 2.x and PostgreSQL 15. (V10 belongs
-- to another change.)

-- The purge looks for decided comments older than the cut-off, one status at a time, oldest first, in batches; this
-- index keeps each batch a range scan instead of a walk over the whole queue.
CREATE INDEX warden_comment_decided_idx ON warden_comment (status, decided_at);
