#!/usr/bin/env bash
# compare benchmark: `chameleon compare` of the sysbench set (BENCH_TABLES tables of BENCH_TABLE_ROWS
# rows, default 4 x 500k) with a running replica, its time and the replica's pause, against a full
# value-by-value scan of both sides (every row of every table read from MySQL and PostgreSQL in key
# order and compared as text), and init_replica's time for the same data. Starts its own
# throw-away source (MariaDB, or MySQL with BENCH_SOURCE=mysql) and PostgreSQL and removes them on
# exit. Documented in bench/README.md. Never run by the test suite or CI.
#
#   bench/compare/run.sh                            # 4 x 500k rows, compare BENCH_REPEAT (3) times
#   BENCH_TABLE_ROWS=20000 bench/compare/run.sh     # a smoke run
set -eEuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

TABLE_ROWS=${BENCH_TABLE_ROWS:-500000}
NTABLES=${BENCH_TABLES:-4}
REPEAT=${BENCH_REPEAT:-3}
WORKERS=${BENCH_WORKERS:-4}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$HERE/results}

install_missing
REPLICA_PID=""
bench_stop_own() { if [ -n "$REPLICA_PID" ]; then kill "$REPLICA_PID" 2>/dev/null; wait "$REPLICA_PID" 2>/dev/null; fi; }
make_workdir chameleon-bench-compare
mkdir -p "$RESULTS_DIR"
start_source
my <<'SQL'
CREATE USER usr_replica@'%' IDENTIFIED BY 'replica';
GRANT SELECT ON bench.* TO usr_replica@'%';
GRANT RELOAD, REPLICATION CLIENT, REPLICATION SLAVE ON *.* TO usr_replica@'%';
SQL
start_postgres

# ---------------------------------------------------------------- data set: sysbench's tables
TABLES=$(seq -f 'sbtest%g' 1 "$NTABLES" | tr '\n' ' ')
say "generating $NTABLES tables of $TABLE_ROWS rows"
my -e "CREATE DATABASE bench CHARACTER SET utf8mb4"
for t in $TABLES; do
    my bench -e "CREATE TABLE $t (id INT NOT NULL AUTO_INCREMENT, k INT NOT NULL DEFAULT 0,
        c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', PRIMARY KEY (id), KEY k_1 (k)) ENGINE=InnoDB"
    from=1
    while [ "$from" -le "$TABLE_ROWS" ]; do
        to=$((from + 249999)); [ "$to" -le "$TABLE_ROWS" ] || to=$TABLE_ROWS
        my bench -e "SET SESSION sql_log_bin = 0; $SEQ_SESSION INSERT INTO $t (id, k, c, pad) SELECT seq,
            1 + CRC32(seq) % $TABLE_ROWS,
            CONCAT(MD5(CONCAT(seq)), MD5(CONCAT(seq + 1)), MD5(CONCAT(seq + 2)), LEFT(MD5(CONCAT(seq + 3)), 24)),
            CONCAT(MD5(CONCAT(-seq)), LEFT(MD5(CONCAT(seq * 7)), 28)) FROM $(seq_range "$from" "$to")"
        from=$((to + 1))
    done
done
my bench -e "ANALYZE TABLE $(echo $TABLES | tr ' ' ',')" >/dev/null
build_chameleon

# ---------------------------------------------------------------- chameleon: catalogue, init_replica
secs() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}'; }
pg postgres -c "CREATE DATABASE bench OWNER usr_bench"
CFG="$W/cham/bench.yml"
{ chameleon_config bench stdout info; cat <<YAML; } >"$CFG"
    schema_mappings:
      bench: bench
    my_server_id: 100
    copy_workers: $WORKERS
    type: mysql
YAML
"$CHAMELEON" create_replica_schema --config "$CFG" >"$W/logs/setup.log" 2>&1
"$CHAMELEON" add_source --config "$CFG" --source mysql >>"$W/logs/setup.log" 2>&1
say "init_replica"
t0=$(date +%s.%N)
"$CHAMELEON" init_replica --config "$CFG" --source mysql --debug >"$W/logs/init_replica.log" 2>&1 ||
    die "init_replica failed: see $W/logs/init_replica.log"
INIT_SECS=$(secs "$t0")
say "init_replica: ${INIT_SECS}s"

[ "$(id -u)" = 0 ] && export CHAMELEON_ALLOW_ROOT=1 # the benchmark's throw-away servers run as root here
"$CHAMELEON" start_replica --config "$CFG" --source mysql --debug >"$W/logs/start_replica.log" 2>&1 &
REPLICA_PID=$!
for _ in $(seq 1 600); do
    [ "$(pg bench -c "SELECT status FROM sch_chameleon.sources")" = running ] && break
    kill -0 "$REPLICA_PID" 2>/dev/null || die "start_replica stopped: see $W/logs/start_replica.log"
    sleep 0.1
done

# ---------------------------------------------------------------- the full scan: every value of both sides
# each table read in key order from both servers at once and compared line by line (CHAR columns
# without their padding: MySQL strips it, PostgreSQL's char(n) keeps it); no snapshot point, so it
# is only exact with no writes, as here
scan_table() { # table
    cmp -s <(mariadb --no-defaults -h127.0.0.1 -P"$MY_PORT" -uusr_replica -preplica --default-character-set=utf8mb4 \
                --skip-ssl --batch --quick --skip-column-names bench -e "SELECT id, k, c, pad FROM $1 ORDER BY id") \
           <(pg bench -F "$(printf '\t')" -c "SELECT id, k, rtrim(c), rtrim(pad) FROM bench.$1 ORDER BY id")
}
full_scan() {
    local pids=() p rc=0 t
    for t in $TABLES; do scan_table "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || rc=1; done
    return $rc
}
export -f scan_table pg
export MY_PORT PG_PORT PSQL

# ---------------------------------------------------------------- rounds
RESULTS_TSV="$W/results.tsv"
printf 'what\tround\tseconds\treplica_pause_ms\treplica_held_ms\tmysql_lock_ms\tequal\tranges_checksummed\tranges_compared_by_row\trows_moved\n' >"$RESULTS_TSV"
# a top-level field of compare's JSON report (they come before the "tables" list)
json_field() { sed -n "s/^{[^[]*\"$2\":\([^,}]*\).*/\1/p" "$1"; }
for round in $(seq 1 "$REPEAT"); do
    t0=$(date +%s.%N)
    set +e
    "$CHAMELEON" compare --config "$CFG" --source mysql --json >"$W/logs/compare_r$round.json" 2>"$W/logs/compare_r$round.err"
    rc=$?
    set -e
    s=$(secs "$t0")
    f="$W/logs/compare_r$round.json"
    [ "$rc" -le 1 ] || die "compare failed (exit $rc): $(tail -3 "$W/logs/compare_r$round.err")"
    printf 'compare\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$s" "$(json_field "$f" replica_pause_ms)" \
        "$(json_field "$f" replica_held_ms)" "$(json_field "$f" mysql_lock_ms)" "$(json_field "$f" equal)" \
        "$(json_field "$f" ranges_checksummed)" "$(json_field "$f" ranges_compared_by_row)" \
        "$(json_field "$f" rows_moved)" >>"$RESULTS_TSV"
    say "compare round $round: ${s}s, replica paused $(json_field "$f" replica_pause_ms) ms, equal: $(json_field "$f" equal),\
 $(json_field "$f" ranges_checksummed) ranges checksummed, $(json_field "$f" ranges_compared_by_row) compared by row"
    t0=$(date +%s.%N)
    if full_scan; then eq=true; else eq=false; fi
    s=$(secs "$t0")
    printf 'full_scan\t%s\t%s\t\t\t\t%s\t\t\t\n' "$round" "$s" "$eq" >>"$RESULTS_TSV"
    say "full scan round $round: ${s}s, equal: $eq"
done

# ---------------------------------------------------------------- report
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
CMP=$(awk -F'\t' '$1 == "compare" {print $3}' "$RESULTS_TSV" | median)
SCAN=$(awk -F'\t' '$1 == "full_scan" {print $3}' "$RESULTS_TSV" | median)
PAUSE=$(awk -F'\t' '$1 == "compare" {print $4}' "$RESULTS_TSV" | median)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
{
    echo "compare benchmark $STAMP: $SOURCE_DESC, $NTABLES x $TABLE_ROWS rows, $WORKERS workers, $(nproc) CPUs"
    servers_desc
    echo "init_replica ${INIT_SECS}s; medians of $REPEAT rounds: compare ${CMP}s (replica paused ${PAUSE} ms),"
    echo "full value-by-value scan ${SCAN}s; compare / init_replica = $(awk -v a="$CMP" -v b="$INIT_SECS" 'BEGIN {printf "%.2f", a / b}'),"
    echo "compare / full scan = $(awk -v a="$CMP" -v b="$SCAN" 'BEGIN {printf "%.2f", a / b}'),"
    echo "full scan / init_replica = $(awk -v a="$SCAN" -v b="$INIT_SECS" 'BEGIN {printf "%.2f", a / b}')"
    echo
    cat "$RESULTS_TSV"
} | tee "$RESULTS_DIR/compare-$STAMP.txt"
