#!/bin/sh
# Creates or upgrades Temporal's schema in PostgreSQL. Idempotent: run by the
# temporal-schema service (temporalio/admin-tools) before every start of the
# server, so that a newer image tag also brings its schema upgrade.
# The databases themselves are created by deploy/postgres/initdb, owned by
# the temporal role (which therefore needs no CREATEDB).
set -eu

: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${SQL_PASSWORD:?}"
schema=/etc/temporal/schema/postgresql/v12

for db in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  name=${db%%:*}
  dir=${db##*:}
  echo "temporal schema: $name"
  temporal-sql-tool --plugin "${DB:-postgres12}" --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" \
    -u "$POSTGRES_USER" --db "$name" setup-schema -v 0.0
  temporal-sql-tool --plugin "${DB:-postgres12}" --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" \
    -u "$POSTGRES_USER" --db "$name" update-schema -d "$schema/$dir/versioned"
done
echo "temporal schema: up to date"
