#!/usr/bin/env bash
# Start a private PostgreSQL server for the tests (Debian's postgresql package), listening only
# on a Unix socket in its own folder, and print the URL to give VNPLAN_TEST_POSTGRES:
#   export VNPLAN_TEST_POSTGRES=$(bash scripts/postgres.sh start /tmp/vnplan-pg)
#   bash scripts/postgres.sh stop /tmp/vnplan-pg
# PostgreSQL refuses to run as root: as root the cluster belongs to the "postgres" user.
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/vnplan-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
      as_owner "$bin/initdb" -D "$dir/data" -U vnplan --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # No TCP listener at all: the socket in $dir is the only way in.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null
    as_owner "$bin/createdb" -h "$dir" -U vnplan vnplan 2>/dev/null || true
    echo "postgresql://vnplan@/vnplan?host=$dir"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    ;;
  *)
    echo "usage: postgres.sh start|stop [DIR]" >&2
    exit 2
    ;;
esac
