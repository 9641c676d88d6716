-- Runs once, when the PostgreSQL data volume is first initialised (the
-- official image runs /docker-entrypoint-initdb.d/*.sql with psql as the
-- superuser, stopping at the first error). Changing a password later takes
-- ALTER ROLE ... PASSWORD, not a new value in docker-compose.yml.
--
-- Two roles, each owning only its own databases:
--   temporal  owns temporal and temporal_visibility (Temporal's persistence
--             and visibility stores; admin-tools creates their tables)
--   zhifa     owns zhifa (Zhifa migrates its own tables at start)
--
-- The passwords come from the container's environment (psql \getenv, PG 15+).

\getenv temporal_password TEMPORAL_DB_PASSWORD
\getenv zhifa_password ZHIFA_DB_PASSWORD

SELECT coalesce(length(:'temporal_password'), 0) > 0
   AND coalesce(length(:'zhifa_password'), 0) > 0 AS passwords_set \gset
\if :passwords_set
\else
  DO $$ BEGIN RAISE EXCEPTION 'set TEMPORAL_DB_PASSWORD and ZHIFA_DB_PASSWORD in the postgres service'; END $$;
\endif

CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE temporal_visibility OWNER temporal ENCODING 'UTF8' TEMPLATE template0;

CREATE ROLE zhifa LOGIN PASSWORD :'zhifa_password';
CREATE DATABASE zhifa OWNER zhifa ENCODING 'UTF8' TEMPLATE template0;

-- Nobody else connects to the application databases.
REVOKE ALL ON DATABASE temporal, temporal_visibility, zhifa FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE temporal, temporal_visibility TO temporal;
GRANT CONNECT, TEMPORARY ON DATABASE zhifa TO zhifa;
