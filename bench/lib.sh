# Shared by the benchmarks under bench/ (sourced, never run): missing packages installed, a work
# directory removed on exit, a throw-away source (MariaDB, or Oracle MySQL) and PostgreSQL on free
# ports of 127.0.0.1, the Chameleon build, and CPU accounting per process so that other work on the
# machine shows. Documented in bench/README.md.
#
# The sourcing script sets `set -eEuo pipefail` first. Settings shared by every benchmark:
# BENCH_SOURCE BENCH_SERVERS BENCH_KEEP BENCH_BUILD BENCH_INSTALL BENCH_PG_BIN BENCH_MY_BUFFER_POOL
# BENCH_PG_SHARED_BUFFERS BENCH_JAVA_OPTS BENCH_TMPDIR, and CHAMELEON_MYSQL_ROOT.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# the source: Debian's MariaDB, or Oracle MySQL in the chroot bin/provision-mysql makes
SOURCE=${BENCH_SOURCE:-mariadb}
MYSQL_ROOT=${CHAMELEON_MYSQL_ROOT:-/var/cache/chameleon/mysql-root}
KEEP=${BENCH_KEEP:-0}
BUILD=${BENCH_BUILD:-1}
INSTALL=${BENCH_INSTALL:-1}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
# stock: both servers at their defaults, with only what replication and these ports and
# directories need (what a user trying the tool has); tuned: memory and durability settings for
# loading (the README's figures up to 2026-12-05 were measured so)
SERVERS=${BENCH_SERVERS:-stock}
MY_BUFFER_POOL=${BENCH_MY_BUFFER_POOL:-1G}
PG_SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-512MB}
CHAMELEON_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
WORK_PARENT=${BENCH_TMPDIR:-${TMPDIR:-/tmp}}

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "error: $*"; exit 1; }
case $SOURCE in mariadb | mysql) ;; *) die "BENCH_SOURCE must be mariadb or mysql, not '$SOURCE'" ;; esac
case $SERVERS in stock | tuned) ;; *) die "BENCH_SERVERS must be stock or tuned, not '$SERVERS'" ;; esac
if [ "$SERVERS" = stock ] && [ -n "${BENCH_MY_BUFFER_POOL:-}${BENCH_PG_SHARED_BUFFERS:-}" ]; then
    die "BENCH_MY_BUFFER_POOL and BENCH_PG_SHARED_BUFFERS apply to BENCH_SERVERS=tuned only (stock leaves the servers at their defaults)"
fi
# the tuned mode's settings, the same on MariaDB and MySQL but the redo log's size, which
# start_mariadb and start_mysql add under each one's name
if [ "$SERVERS" = tuned ]; then
    MY_TUNED=(--innodb-buffer-pool-size="$MY_BUFFER_POOL" --innodb-flush-log-at-trx-commit=2 --sync-binlog=0
        --max-connections=200)
    PG_TUNED="-c shared_buffers=$PG_SHARED_BUFFERS -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB -c max_connections=100"
else
    MY_TUNED=()
    PG_TUNED=""
fi
# servers_desc: the mode and what it set, for the reports (after install_missing)
servers_desc() {
    if [ "$SERVERS" = tuned ]; then
        echo "servers: tuned (BENCH_SERVERS=tuned): $SOURCE_NAME innodb_buffer_pool_size $MY_BUFFER_POOL, redo log 512M, innodb_flush_log_at_trx_commit 2, sync_binlog 0, max_connections 200;"
        echo "  PostgreSQL shared_buffers $PG_SHARED_BUFFERS, max_wal_size 8GB, checkpoint_timeout 30min, maintenance_work_mem 512MB"
    else
        echo "servers: stock (BENCH_SERVERS=stock): $SOURCE_NAME and PostgreSQL at their defaults but for the binary log replication needs"
    fi
}

# ---------------------------------------------------------------- prerequisites
# install_missing [PACKAGE...]: MariaDB's server (for BENCH_SOURCE=mariadb) and client (for both:
# `my`, the checks, the naive pipeline) and /usr/bin/time, plus the packages given, with one apt-get
# update when any is missing; for BENCH_SOURCE=mysql the MySQL root (bin/provision-mysql when it is
# missing); then finds PostgreSQL's server binaries. Sets SOURCE_NAME and SOURCE_DESC (name and
# version, for the reports).
install_missing() {
    local need_apt=("$@")
    if [ "$SOURCE" = mariadb ]; then
        command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
    fi
    command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
    [ -x /usr/bin/time ] || need_apt+=(time)
    if [ ${#need_apt[@]} -gt 0 ]; then
        [ "$INSTALL" = 1 ] || die "missing ${need_apt[*]} (BENCH_INSTALL=0)"
        [ "$(id -u)" = 0 ] || die "missing ${need_apt[*]}: install them (apt-get install ${need_apt[*]}) or run as root"
        say "installing ${need_apt[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # policy-rc.d may refuse to start the packaged server: we never use it anyway
        apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
    fi
    if [ "$SOURCE" = mariadb ]; then
        MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
        SOURCE_NAME=MariaDB
        SOURCE_DESC="MariaDB $("$MARIADBD" --version | awk '{print $3}')"
    else
        provide_mysql
        SOURCE_NAME=MySQL
        SOURCE_DESC="MySQL $(chroot "$MYSQL_ROOT" /usr/sbin/mysqld --version | awk '{print $3}')"
    fi
    if [ ! -x "$PG_BIN/postgres" ]; then
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
        [ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || die "no PostgreSQL server binaries (set BENCH_PG_BIN or apt-get install postgresql-15)"
        say "PostgreSQL binaries: $PG_BIN"
    fi
    PSQL="$PG_BIN/psql"
    CLK_TCK=$(getconf CLK_TCK)
}
# provide_mysql: the MySQL root, made by bin/provision-mysql (a minute or two) when it is missing;
# mysqld runs in it by chroot, hence as root
provide_mysql() {
    [ "$(id -u)" = 0 ] || die "BENCH_SOURCE=mysql runs mysqld in a chroot ($MYSQL_ROOT): run as root"
    [ -x "$MYSQL_ROOT/usr/sbin/mysqld" ] && return
    [ "$INSTALL" = 1 ] || die "no MySQL at $MYSQL_ROOT (BENCH_INSTALL=0): run bin/provision-mysql"
    say "no MySQL at $MYSQL_ROOT: running bin/provision-mysql"
    CHAMELEON_MYSQL_ROOT=$MYSQL_ROOT "$REPO/bin/provision-mysql" >/dev/null || die "bin/provision-mysql failed"
}
# the packages to add to install_missing's list: those of COMMAND... that are not installed
missing_commands() {
    local c
    for c in "$@"; do command -v "$c" >/dev/null 2>&1 || echo "$c"; done
}

# ---------------------------------------------------------------- work area and cleanup
# make_workdir NAME: the work directory W (logs in W/logs), removed on exit with the servers
# stopped; kept when BENCH_KEEP=1 or on failure. A script stops its own background processes in a
# function bench_stop_own, called first when defined.
make_workdir() {
    W=$(mktemp -d "$WORK_PARENT/$1.XXXXXX")
    chmod 755 "$W"
    MY_PID=""
    MY_DIR=""
    PG_STARTED=0
    PG_RUN=()
    trap cleanup EXIT
    trap 'say "failed at line $LINENO: $BASH_COMMAND"' ERR
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$W/logs" "$W/cham"
}
cleanup() {
    local rc=$?
    set +e
    trap - ERR
    if declare -F bench_stop_own >/dev/null; then bench_stop_own; fi
    if [ "$PG_STARTED" = 1 ]; then "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$W/pg" -m immediate -w stop >/dev/null 2>&1; fi
    # the source's server is gone before its data directory: a chrooted mysqld whose data directory
    # was removed under it does not stop, it spins
    if [ -n "$MY_PID" ] && kill -0 "$MY_PID" 2>/dev/null; then
        kill "$MY_PID"
        for _ in $(seq 1 60); do kill -0 "$MY_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$MY_PID" 2>/dev/null
        wait "$MY_PID" 2>/dev/null
    fi
    if [ "$KEEP" = 1 ] || [ $rc -ne 0 ]; then
        say "work directory kept: $W (logs: $W/logs)"
        if [ "$KEEP" = 1 ]; then
            [ -z "$MY_DIR" ] || [ "$MY_DIR" = "$W/my" ] || say "the source's data directory kept: $MY_DIR"
        else
            rm -rf ${MY_DIR:+"$MY_DIR"} "$W/pg" "$W/cham/out"
        fi
    else
        rm -rf ${MY_DIR:+"$MY_DIR"} "$W"
    fi
    exit $rc
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null && return
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}

# ---------------------------------------------------------------- the source: MariaDB or MySQL
# start_source: the BENCH_SOURCE server, its binlog as a replica source needs it, server id 1, and
# in tuned mode the same InnoDB memory and durability settings for both; sets MY_PORT, MY_SOCK, MY_PID, MY_DIR (its
# data directory) and BINLOG_STATUS (the statement that shows the binlog position). my [ARGS...] runs
# the client as root over the socket (Debian's mariadb client, for MySQL too).
start_source() {
    MY_PORT=$(free_port)
    if [ "$SOURCE" = mariadb ]; then start_mariadb; else start_mysql; fi
    for _ in $(seq 1 240); do
        my -e "SELECT 1" >/dev/null 2>&1 && break
        kill -0 "$MY_PID" 2>/dev/null || die "the $SOURCE_NAME server exited: see $MY_LOG"
        sleep 0.5
    done
    my -e "SELECT 1" >/dev/null || die "cannot connect to $SOURCE_NAME: see $MY_LOG"
    [ "$SOURCE" = mariadb ] || mysql_after_start
}
# Debian's mariadbd in W/my: binlog ROW, FULL images and metadata; utf8mb4 as Debian's packaged
# configuration sets it
start_mariadb() {
    MY_DIR="$W/my"
    MY_SOCK="$W/my.sock"
    MY_LOG="$W/logs/mariadb.err"
    BINLOG_STATUS="SHOW MASTER STATUS"
    local user_opt=() tuned=()
    [ "$(id -u)" = 0 ] && user_opt=(--user=root)
    [ "$SERVERS" = stock ] || tuned=("${MY_TUNED[@]}" --innodb-log-file-size=512M)
    say "$SOURCE_DESC on 127.0.0.1:$MY_PORT ($MY_DIR)"
    mariadb-install-db --no-defaults --datadir="$MY_DIR" "${user_opt[@]}" --auth-root-authentication-method=normal \
        --skip-test-db >"$W/logs/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: see $W/logs/mariadb-install.log"
    "$MARIADBD" --no-defaults --datadir="$MY_DIR" "${user_opt[@]}" --socket="$MY_SOCK" --port="$MY_PORT" \
        --bind-address=127.0.0.1 --pid-file="$W/my.pid" --log-error="$MY_LOG" --skip-name-resolve \
        --server-id=1 --log-bin="$MY_DIR/mysql-bin" --binlog-format=ROW --binlog-row-image=FULL \
        --binlog-row-metadata=FULL "${tuned[@]}" --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci >/dev/null 2>&1 &
    MY_PID=$!
}
# Oracle MySQL's mysqld in the root bin/provision-mysql makes (chroot: it shares the network, and
# the socket is a file a client outside can reach), as the test suite runs it: data directory in
# the root's /tmp, GTIDs on, binlog settings left at MySQL's defaults (ROW, FULL images,
# binlog_row_metadata MINIMAL), caching_sha2_password accounts, and in tuned mode the InnoDB
# settings of the MariaDB path (innodb_redo_log_capacity is MySQL's name for the redo log size). The error log is
# mysqld's stderr, so it lands in W/logs.
start_mysql() {
    MY_DIR=$(mktemp -d "$MYSQL_ROOT/tmp/chameleon-bench.XXXXXX")
    chmod 755 "$MY_DIR"
    local inside="/tmp/${MY_DIR##*/}" tuned=()
    [ "$SERVERS" = stock ] || tuned=("${MY_TUNED[@]}" --innodb-redo-log-capacity=512M)
    MY_SOCK="$MY_DIR/my.sock"
    MY_LOG="$W/logs/mysql.err"
    BINLOG_STATUS="SHOW BINARY LOG STATUS"
    say "$SOURCE_DESC on 127.0.0.1:$MY_PORT ($MY_DIR, chroot $MYSQL_ROOT)"
    chroot "$MYSQL_ROOT" /usr/sbin/mysqld --no-defaults --initialize-insecure --user=root --datadir="$inside/data" \
        >"$W/logs/mysql-initialize.log" 2>&1 || die "mysqld --initialize-insecure failed: see $W/logs/mysql-initialize.log"
    # chroot execs mysqld: MY_PID is mysqld's pid
    chroot "$MYSQL_ROOT" /usr/sbin/mysqld --no-defaults --user=root --datadir="$inside/data" \
        --socket="$inside/my.sock" --pid-file="$inside/my.pid" --port="$MY_PORT" --bind-address=127.0.0.1 \
        --mysqlx=OFF --secure-file-priv= --skip-name-resolve --server-id=1 --log-bin=mysql-bin \
        --gtid-mode=ON --enforce-gtid-consistency=ON "${tuned[@]}" >"$MY_LOG" 2>&1 &
    MY_PID=$!
}
# MySQL 9.7 has MD5() only in a component (for string arguments): the data generation and the
# checks use it, the replication does not
mysql_after_start() {
    my -e "INSTALL COMPONENT 'file://component_classic_hashing'" || die "cannot install MySQL's component_classic_hashing (MD5)"
}
my() { mariadb --no-defaults --socket="$MY_SOCK" -uroot --default-character-set=utf8mb4 --batch --skip-column-names "$@"; }
# seq_range FROM TO: a derived table of the integers FROM..TO in a column seq, for INSERT ... SELECT:
# MariaDB's sequence engine; MySQL has none, so a recursive CTE, which needs the session's
# cte_max_recursion_depth raised: start the statement with SEQ_SESSION.
seq_range() {
    if [ "$SOURCE" = mariadb ]; then
        echo "seq_$1_to_$2"
    else
        echo "(WITH RECURSIVE seq_r (seq) AS (SELECT $1 UNION ALL SELECT seq + 1 FROM seq_r WHERE seq < $2) SELECT seq FROM seq_r) AS seq_range"
    fi
}
if [ "$SOURCE" = mysql ]; then SEQ_SESSION="SET SESSION cte_max_recursion_depth = 4294967295;"; else SEQ_SESSION=""; fi

# ---------------------------------------------------------------- PostgreSQL
# start_postgres [-c NAME=VALUE...]: PostgreSQL in W/pg (as the postgres system user when root), at
# its defaults in stock mode, with the role usr_bench; sets PG_PORT, PG_POSTMASTER. pg DB [ARGS...] runs psql as postgres.
start_postgres() {
    PG_PORT=$(free_port)
    if [ "$(id -u)" = 0 ]; then
        PG_OS_USER=postgres
        if ! getent passwd "$PG_OS_USER" >/dev/null; then
            PG_OS_USER=chameleon_bench
            getent passwd "$PG_OS_USER" >/dev/null ||
                useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
        fi
        mkdir -p "$W/pg" "$W/pgsock"
        chown "$PG_OS_USER" "$W/pg" "$W/pgsock"
        touch "$W/logs/postgres.log"; chown "$PG_OS_USER" "$W/logs/postgres.log"
        PG_RUN=(runuser -u "$PG_OS_USER" --)
    else
        mkdir -p "$W/pgsock"
        PG_RUN=(env)
    fi
    say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($W/pg)"
    "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$W/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$W/logs/initdb.log" 2>&1 || die "initdb failed: see $W/logs/initdb.log"
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$W/pg" -l "$W/logs/postgres.log" -w -t 60 -o "-p $PG_PORT \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories=$W/pgsock $PG_TUNED $*" \
        start >/dev/null || die "PostgreSQL did not start: see $W/logs/postgres.log"
    PG_STARTED=1
    pg postgres -c "CREATE ROLE usr_bench LOGIN PASSWORD 'pg-secret'"
    PG_POSTMASTER=$(head -1 "$W/pg/postmaster.pid")
}
pg() { local db=$1; shift; PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"; }

# ---------------------------------------------------------------- chameleon
# build_chameleon: `mvn package` in the checkout unless BENCH_BUILD=0 or CHAMELEON_JAR names another
# build (bin/chameleon runs that jar: A/B comparisons); sets CHAMELEON and exports JAVA_OPTS from
# BENCH_JAVA_OPTS.
build_chameleon() {
    if [ -n "${CHAMELEON_JAR:-}" ]; then
        [ -f "$CHAMELEON_JAR" ] || die "CHAMELEON_JAR=$CHAMELEON_JAR: no such file"
        say "chameleon: $CHAMELEON_JAR"
    elif [ "$BUILD" = 1 ]; then
        say "building chameleon (mvn -q -B package -DskipTests)"
        (cd "$REPO" && mvn -q -B package -DskipTests) >"$W/logs/mvn.log" 2>&1 || die "build failed: see $W/logs/mvn.log"
    fi
    [ -f "${CHAMELEON_JAR:-$REPO/target/chameleon.jar}" ] || die "$REPO/target/chameleon.jar missing (BENCH_BUILD=0 needs a built jar)"
    CHAMELEON="$REPO/bin/chameleon"
    export JAVA_OPTS=$CHAMELEON_JAVA_OPTS
    # the first command after a build makes the launcher's class-data archive in the background
    # (docs/memory.md, "Start"): made here, untimed, as a user's later commands find it made
    local jar=${CHAMELEON_JAR:-$REPO/target/chameleon.jar}
    "$CHAMELEON" --version >/dev/null 2>&1 || true
    for _ in $(seq 1 120); do
        ls "${jar%.jar}".jsa.*.tmp >/dev/null 2>&1 || break
        sleep 0.5
    done
}

# chameleon_config DB LOG_DEST LOG_LEVEL: a configuration for these servers up to the db_conn of its
# source `mysql`; the caller appends the source's other keys (indented four spaces)
chameleon_config() {
    cat <<YAML
pid_dir: '$W/cham/pid'
log_dir: '$W/cham/logs'
log_dest: $2
log_level: $3
log_days_keep: 1
pg_conn:
  host: "127.0.0.1"
  port: "$PG_PORT"
  user: "usr_bench"
  password: "pg-secret"
  database: "$1"
  charset: "utf8"
sources:
  mysql:
    db_conn:
      host: "127.0.0.1"
      port: "$MY_PORT"
      user: "usr_replica"
      password: "replica"
      charset: 'utf8'
      connect_timeout: 10
YAML
}

# ---------------------------------------------------------------- CPU accounting
# CPU ticks used so far by a process, its reaped children included
proc_ticks() { awk '{sub(/.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
my_ticks() { proc_ticks "$MY_PID"; }
# by PostgreSQL: postmaster + live children + reaped children
pg_ticks() {
    local total p
    total=$(proc_ticks "$PG_POSTMASTER")
    for p in $(pgrep -P "$PG_POSTMASTER" || true); do
        total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
# CPU ticks the whole machine spent busy so far
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
# CPU ticks of the kernel's threads (writeback, journal, ...): work the benchmark's own I/O causes
# (per thread, so that threads starting or ending meanwhile do not count; a process that ends
# between the glob and the read makes awk fail at the end, and the rest still stands)
kernel_snap() { awk '{pid = $1; sub(/.*\) /, ""); if ($2 == 2) print pid, $12 + $13}' /proc/[0-9]*/stat 2>/dev/null || true; }
# kernel_cpu_between SNAP0 SNAP1: CPU seconds the kernel's threads used between two kernel_snap files
kernel_cpu_between() {
    awk -v hz="$CLK_TCK" 'NR == FNR {t[$1] = $2; next} ($1 in t) && $2 > t[$1] {s += $2 - t[$1]}
        END {printf "%.1f", s / hz}' "$1" "$2"
}
# ticks_to_s FROM TO: the CPU seconds between two tick counts
ticks_to_s() { awk -v a="$1" -v b="$2" -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", (b - a) / hz}'; }

# wait_class_archive: makes bin/chameleon's class-data archive now, untimed (the launcher makes it
# in the background of the first command after a build, which would then share the machine with a
# timed run), and waits for it up to two minutes
wait_class_archive() {
    local jar=${CHAMELEON_JAR:-$REPO/target/chameleon.jar}
    "$CHAMELEON" --version >/dev/null 2>&1 || true
    for _ in $(seq 1 240); do
        [ "${jar%.jar}.jsa.stamp" -nt "$jar" ] && return 0
        sleep 0.5
    done
    say "no class-data archive beside $jar after 2 minutes: chameleon starts without it"
}
