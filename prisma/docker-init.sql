-- First-start initialisation for the docker-compose Postgres: the same roles and databases
-- scripts/services.sh creates natively. Local development credentials only.
CREATE ROLE vouch_owner LOGIN PASSWORD 'vouch_owner_local' NOSUPERUSER CREATEDB NOCREATEROLE BYPASSRLS;
CREATE ROLE vouch_app LOGIN PASSWORD 'vouch_app_local' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE vouch OWNER vouch_owner;
CREATE DATABASE vouch_test OWNER vouch_owner;
\connect vouch
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
\connect vouch_test
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
