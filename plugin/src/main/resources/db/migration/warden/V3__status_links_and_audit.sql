-- Warden's schema, version 3: status links for commenters, and an audit trail that says what each action was
-- about and where it came from. Like V1 and V2, one script for H2 2.x and PostgreSQL 15.

-- The SHA-256 (lower-case hex) of the comment's status-link token. The token itself is given to the commenter
-- once and never stored, so a copy of the database cannot be turned into working links. Null for comments saved
-- without a link (before V3, or through the store API without one). Unique: a lookup finds at most one comment;
-- both databases allow any number of nulls in a unique index.
ALTER TABLE warden_comment ADD COLUMN status_token_hash VARCHAR(64);
CREATE UNIQUE INDEX warden_comment_status_token_idx ON warden_comment (status_token_hash);

-- What an event was about: target_type is comment | poster | article | user, target its id (a comment id, a
-- poster key, an article id, a user name). source_address is the client address of the request that caused it
-- (null for Warden's own events, such as deliveries).
ALTER TABLE warden_audit_event ADD COLUMN target_type VARCHAR(16);
ALTER TABLE warden_audit_event ADD COLUMN target VARCHAR(512);
ALTER TABLE warden_audit_event ADD COLUMN source_address VARCHAR(100);

-- Earlier events: a comment event is about its comment; a lift's detail is the poster key; a suspension's detail
-- is "<key> until <instant>[: <reason>]".
UPDATE warden_audit_event SET target_type = 'comment', target = comment_id WHERE comment_id IS NOT NULL;
UPDATE warden_audit_event SET target_type = 'poster', target = detail
  WHERE comment_id IS NULL AND action = 'lift' AND detail IS NOT NULL;
UPDATE warden_audit_event SET target_type = 'poster',
    target = SUBSTRING(detail FROM 1 FOR POSITION(' until ' IN detail) - 1)
  WHERE comment_id IS NULL AND action = 'suspend' AND POSITION(' until ' IN detail) > 1;

-- The audit page: everything newest first, or one actor's, one action's or one target's events newest first.
CREATE INDEX warden_audit_event_at_idx ON warden_audit_event (at, id);
CREATE INDEX warden_audit_event_actor_idx ON warden_audit_event (actor, at);
CREATE INDEX warden_audit_event_action_idx ON warden_audit_event (action, at);
CREATE INDEX warden_audit_event_target_idx ON warden_audit_event (target, at);
