-- PostgreSQL for Warden: run once as a superuser, e.g.  sudo -u postgres psql -f setup.sql
-- Warden's own role owns its schema objects; Flyway creates and migrates them at every start of the
-- application (history table warden_schema_history), so no DDL is run by hand.
CREATE ROLE warden LOGIN PASSWORD 'change-me';   -- the same value as WARDEN_DB_PASSWORD
CREATE DATABASE warden OWNER warden ENCODING 'UTF8' TEMPLATE template0;
\connect warden
-- PostgreSQL 15+ no longer lets every role create objects in public; give it to Warden's role.
ALTER SCHEMA public OWNER TO warden;
REVOKE ALL ON DATABASE warden FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE warden TO warden;
