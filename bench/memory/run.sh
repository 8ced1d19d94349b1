#!/usr/bin/env bash
# Peak resident memory of Chameleon as the launcher runs it (no JAVA_OPTS unless BENCH_JAVA_OPTS):
# init_replica of BENCH_ROWS rows, then start_replica catching up one MySQL transaction of
# BENCH_TX_ROWS inserted rows. Starts its own throw-away source and PostgreSQL (bench/lib.sh) and
# removes them on exit. Documented in bench/README.md ("Memory"). Never run by the test suite or CI.
#
#   bench/memory/run.sh                              # 1M rows (about 400 MiB), a 300k-row transaction
#   BENCH_JAVA_OPTS=-XX:MaxRAMPercentage=25 bench/memory/run.sh   # the JVM's own default heap, as before
set -eEuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

ROWS=${BENCH_ROWS:-1000000}
TX_ROWS=${BENCH_TX_ROWS:-300000}
LIMIT_MIB=512

install_missing
bench_stop_own() {
    local p
    p=$(replica_pid)
    [ -z "$p" ] || { kill "$p" 2>/dev/null; for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; }
}
replica_pid() { cat "$W"/cham/pid/*.pid 2>/dev/null | head -1 || true; }
make_workdir chameleon-memory
start_source
# rows of about 400 bytes, a text column among them: its fetch is sized from the rows seen
my <<SQL
CREATE DATABASE bench;
CREATE USER usr_replica@'%' IDENTIFIED BY 'replica';
GRANT SELECT ON bench.* TO usr_replica@'%';
GRANT RELOAD, REPLICATION CLIENT, REPLICATION SLAVE ON *.* TO usr_replica@'%';
CREATE TABLE bench.wide (id BIGINT NOT NULL PRIMARY KEY, k INT NOT NULL, c VARCHAR(160) NOT NULL,
    note TEXT NOT NULL, at DATETIME(6) NOT NULL, KEY (k)) ENGINE=InnoDB;
CREATE TABLE bench.big LIKE bench.wide;
SQL
say "generating $ROWS rows"
my bench -e "$SEQ_SESSION INSERT INTO bench.wide SELECT seq, seq % 10007, CONCAT('row-', seq, '-', REPEAT('c', 60 + seq % 50)),
    REPEAT(CHAR(97 + seq % 26), 200 + seq % 100), '2026-01-01' + INTERVAL seq SECOND FROM $(seq_range 1 "$ROWS")"
start_postgres
DB=bench_memory
pg postgres -c "CREATE DATABASE $DB OWNER usr_bench"

build_chameleon
wait_class_archive
[ "$(id -u)" = 0 ] && export CHAMELEON_ALLOW_ROOT=1
CFG="$W/cham/bench.yml"
{ chameleon_config "$DB" file info; cat <<YAML; } >"$CFG"
    schema_mappings:
      bench: bench
    copy_mode: direct
    copy_workers: 4
    out_dir: '$W/cham/out'
    type: mysql
YAML
cham() { "$CHAMELEON" "$1" --config "$CFG" --source mysql "${@:2}"; }
"$CHAMELEON" create_replica_schema --config "$CFG" >"$W/logs/setup.log" 2>&1
cham add_source >>"$W/logs/setup.log" 2>&1

say "init_replica of $ROWS rows ($(my -e "SELECT ROUND(SUM(data_length) / 1048576) FROM information_schema.tables WHERE table_schema = 'bench'") MiB in InnoDB)"
/usr/bin/time -f '%e %M' -o "$W/time.out" "$CHAMELEON" init_replica --debug --config "$CFG" --source mysql \
    >"$W/logs/init_replica.log" 2>&1 </dev/null || die "init_replica failed: see $W/logs/init_replica.log"
read -r INIT_SECS INIT_KB <"$W/time.out"

say "one transaction of $TX_ROWS rows, then start_replica"
my bench -e "$SEQ_SESSION INSERT INTO bench.big SELECT * FROM bench.wide WHERE id <= $TX_ROWS"
read -r END_FILE END_POS < <(my -e "$BINLOG_STATUS" | awk '{print $1, $2}')
START=$(date +%s.%N)
cham start_replica >"$W/logs/start_replica.log" 2>&1 </dev/null || die "start_replica failed: see $W/logs/start_replica.log"
PID=$(replica_pid)
[ -n "$PID" ] || die "start_replica left no pid file in $W/cham/pid"
while :; do
    read -r f p < <(pg "$DB" -F ' ' -c "SELECT applied_binlog_file, applied_binlog_position FROM sch_chameleon.sources")
    if [[ "$f" > "$END_FILE" ]] || { [ "$f" = "$END_FILE" ] && [ "$p" -ge "$END_POS" ]; }; then break; fi
    kill -0 "$PID" 2>/dev/null || die "the replica ended: see $W/cham/logs"
    sleep 0.2
done
CATCHUP_SECS=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
REPLICA_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$PID/status")
HEAP=$(tr '\0' '\n' <"/proc/$PID/cmdline" | grep -E -- '^-Xmx|MaxRAM|MaxHeapSize|^-XX:\+Use.*GC' | tr '\n' ' ' || true)
cham stop_replica >>"$W/logs/start_replica.log" 2>&1 </dev/null
[ "$(pg "$DB" -c "SELECT count(*) FROM bench.big")" = "$TX_ROWS" ] || die "bench.big does not hold the $TX_ROWS rows"

servers_desc
printf '%-46s %8s %9s\n' "run (JVM heap: ${HEAP:-the JVM default})" seconds "peak RSS"
printf '%-46s %8s %6s MiB\n' "init_replica, $ROWS rows" "$INIT_SECS" $((INIT_KB / 1024)) \
    "start_replica, a $TX_ROWS-row transaction" "$CATCHUP_SECS" $((REPLICA_KB / 1024))
for kb in $INIT_KB $REPLICA_KB; do
    [ $((kb / 1024)) -le $LIMIT_MIB ] || say "over $LIMIT_MIB MiB"
done
