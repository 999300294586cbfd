#!/bin/sh
# Run once by the postgres image on the primary's first start (mounted into /docker-entrypoint-initdb.d): the
# application's role, owner of its database and nothing more, and the role the replica streams as, each with its
# password from a Docker secret. The image connects as the superuser with POSTGRES_PASSWORD_FILE's password.
set -eu
quoted() { sed "s/'/''/g" "$1"; }
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role kvk login nosuperuser nocreatedb nocreaterole password '$(quoted /run/secrets/kvk_db_password)';
create role kvk_replication login replication nosuperuser password '$(quoted /run/secrets/kvk_replication_password)';
create database kvk owner kvk;
SQL
