-- Warden's schema, version 2: durable poster suspensions and coordinated-campaign groups on comments. Like V1, one
-- script for H2 2.x and PostgreSQL 15, using only types both accept with the same meaning.

-- One row per poster key, ever: suspending again replaces the row, so the primary key is also what makes the
-- upsert safe between web nodes. A lifted suspension keeps its row (until = the time it was lifted) so moderators
-- can see who lifted it; it is never in force again until re-suspended.
CREATE TABLE warden_suspension (
  poster_key   VARCHAR(200)             NOT NULL PRIMARY KEY,
  since        TIMESTAMP WITH TIME ZONE NOT NULL,
  until        TIMESTAMP WITH TIME ZONE NOT NULL, -- in force while now < until and lifted_at is null
  reason       VARCHAR(500)             NOT NULL, -- may be empty
  suspended_by VARCHAR(100)             NOT NULL,
  lifted_at    TIMESTAMP WITH TIME ZONE,
  lifted_by    VARCHAR(100)
);

-- The suspensions in force, ending soonest first.
CREATE INDEX warden_suspension_until_idx ON warden_suspension (until);

-- The coordinated-campaign group of a comment (a hash of its normalised text), null if it is not in one. GROUP is
-- a reserved word, hence group_key.
ALTER TABLE warden_comment ADD COLUMN group_key VARCHAR(64);

-- One group's comments, newest first.
CREATE INDEX warden_comment_group_idx ON warden_comment (group_key, received_at);
