#!/usr/bin/env bash
# Start the services the engine conformance suite connects to (idempotent; needs root).
#
# - PostgreSQL (Debian's package): installed only when missing, cluster started, and loopback
#   connections trusted so tests connect as `postgresql://postgres@127.0.0.1:5432/postgres`
#   (the default of LEADSCORE_PG_DSN). Durability is switched off: the database is a scratch
#   space for tests, and fsync on every CREATE TABLE only costs time.
# - Spark needs no service (PySpark runs in local mode) but needs a Java runtime: installed
#   only when `java` is missing.
#
# Never run this on a machine whose PostgreSQL holds data you care about: it trusts loopback.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

updated=0
apt_install() {
  if [ "$updated" -eq 0 ]; then as_root apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres \
    >/dev/null 2>&1; then
  echo "== installing postgresql"
  apt_install postgresql
fi
if ! command -v java >/dev/null 2>&1; then
  echo "== installing a Java runtime for Spark"
  apt_install openjdk-17-jre-headless
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >/dev/null
fi
conf="/etc/postgresql/$version/main"

# Trust loopback (first matching line wins in pg_hba.conf, so these go on top).
marker="# leadscore ci-services: trust loopback"
if ! grep -qF "$marker" "$conf/pg_hba.conf"; then
  as_root sh -c "{ echo '$marker'; \
    echo 'host all all 127.0.0.1/32 trust'; echo 'host all all ::1/128 trust'; \
    cat '$conf/pg_hba.conf'; } > '$conf/pg_hba.conf.new' && \
    mv '$conf/pg_hba.conf.new' '$conf/pg_hba.conf' && \
    chown postgres:postgres '$conf/pg_hba.conf'"
fi
as_root sh -c "printf '%s\n' 'listen_addresses = '\''localhost'\''' 'fsync = off' \
  'synchronous_commit = off' 'full_page_writes = off' > '$conf/conf.d/leadscore-ci.conf'"

if pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  as_root pg_ctlcluster "$version" main reload
else
  as_root pg_ctlcluster "$version" main start
fi

port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$port"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "select 'postgres ' || version()"
