-- Warden's schema, version 8: moderators' saved queue views. Like V1, one script for H2 2.x and PostgreSQL 15.
-- (V7 belongs to the console's narrative catalogue.)

-- A view is the queue page's filter and sort as a query string (e.g. status=pending&article=kyiv-live&sort=score),
-- saved by one moderator under a name. Saving again under the same name replaces it; the primary key keeps names
-- unique per user.
CREATE TABLE warden_saved_view (
  user_name  VARCHAR(100)             NOT NULL,
  name       VARCHAR(80)              NOT NULL,
  query      VARCHAR(2000)            NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (user_name, name)
);
