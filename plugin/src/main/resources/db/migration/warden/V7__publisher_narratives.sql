-- Warden's schema, version 7: the publishers' edits of the narrative catalogue (console). Like V1, one script for
-- H2 2.x and PostgreSQL 15. (V8 belongs to the stats page and saved views.)

-- One row per change of a narrative; the row with the highest version of an id is in force. A row holds the whole
-- narrative in the catalogue's shape (JSON: id, title, description, phrasings, keywords, debunk) and whether it is
-- active or retired, so retiring a bundled narrative is a row too. The primary key makes two publishers (or two
-- nodes) changing the same narrative at once safe: both try version latest + 1, one insert fails.
CREATE TABLE warden_narrative_version (
  narrative_id VARCHAR(80)              NOT NULL,
  version      BIGINT                   NOT NULL,
  definition   VARCHAR                  NOT NULL, -- JSON in the catalogue's shape
  status       VARCHAR(16)              NOT NULL, -- active | retired
  author       VARCHAR(100)             NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (narrative_id, version)
);

CREATE INDEX warden_narrative_version_at_idx ON warden_narrative_version (created_at);
