# shellcheck shell=bash
# PostgreSQL for the store tests (sourced by scripts/test; `set -euo pipefail` is active).
#
# Installs Debian's postgresql when its binaries are missing and we are root, initialises a
# throw-away cluster in $DATELINE_PG_DIR (default /tmp/dateline-pg, never in the repo),
# starts it on 127.0.0.1:$DATELINE_PG_PORT (default 54329, next free port if taken by
# something else) as the unprivileged `postgres` user, creates the database `dateline_test`
# and exports DATELINE_TEST_PG_URL. Idempotent: a re-run finds the running server.
# Local trust authentication: a test server bound to the loopback interface only.
# Stop it with: pg_ctl -D /tmp/dateline-pg/data stop   (as the postgres user when root)

_dateline_pg_start() {
  local dir="${DATELINE_PG_DIR:-/tmp/dateline-pg}"
  local port="${DATELINE_PG_PORT:-54329}"
  local db="dateline_test" bindir="" owner="" pgpid=""

  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: installing postgresql (Debian package)" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "postgres.sh: no PostgreSQL binaries and not root; postgres tests will skip" >&2
      return 0
    fi
  fi
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bindir" ]; then
    bindir="$(dirname "$(command -v pg_ctl)")"
  fi

  # As root, the server runs as the `postgres` system user (created by the Debian package).
  _dl_pg() { "$@"; }
  if [ "$(id -u)" = "0" ]; then
    owner="postgres"
    id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
    _dl_pg() { runuser -u postgres -- "$@"; }
  fi

  mkdir -p "$dir"
  if [ -n "$owner" ]; then chown "$owner" "$dir"; fi
  if [ ! -s "$dir/data/PG_VERSION" ]; then
    _dl_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
  fi

  if _dl_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    port="$(cat "$dir/port")"
  else
    # a port nobody listens on
    while "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" >/dev/null 2>&1 \
        || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
      port=$((port + 1))
    done
    echo "$port" >"$dir/port"
    _dl_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
  fi

  if ! "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
  fi
  pgpid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  export DATELINE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/$db"
  echo "postgres.sh: PostgreSQL up (pid ${pgpid:-?}) at $DATELINE_TEST_PG_URL" >&2
  unset -f _dl_pg
}

_dateline_pg_start
unset -f _dateline_pg_start
