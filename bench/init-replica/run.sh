#!/usr/bin/env bash
# Initial-copy benchmark: chameleon init_replica against pgloader and a naive
# `mariadb --batch | psql \copy` pipeline, on the same data, in the same run.
# Starts its own throw-away source (MariaDB, or MySQL with BENCH_SOURCE=mysql) and PostgreSQL 15
# and removes them on exit. Documented in bench/README.md. Never run by the test suite or CI.
#
#   bench/init-replica/run.sh                    # default: ~2M rows, each tool once
#   BENCH_REPEAT=3 bench/init-replica/run.sh     # three rounds, medians reported
#   BENCH_SOURCE=mysql bench/init-replica/run.sh # from Oracle MySQL 9.7 instead of MariaDB
set -eEuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

ROWS=${BENCH_ROWS:-2000000}
REPEAT=${BENCH_REPEAT:-1}
TOOLS=${BENCH_TOOLS:-"chameleon chameleon-file-w1 chameleon-load pgloader naive pg-files"}
LOAD_RATE=${BENCH_LOAD_RATE:-500}
LOAD_THREADS=${BENCH_LOAD_THREADS:-2}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$HERE/results}
WIDE_PK=${BENCH_WIDE_PK:-BIGINT UNSIGNED}
LONGQUERY_SECS=${BENCH_LONGQUERY_SECS:-10}
NOISE=${BENCH_NOISE:-0.1}

# ---------------------------------------------------------------- prerequisites
extra_apt=()
case " $TOOLS " in *" pgloader "*) extra_apt+=($(missing_commands pgloader)) ;; esac
case " $TOOLS " in *" chameleon-load "* | *" chameleon-longquery "*) extra_apt+=($(missing_commands sysbench)) ;; esac
install_missing "${extra_apt[@]}"

# ---------------------------------------------------------------- work area and servers
LOAD_PID=""
bench_stop_own() { if [ -n "$LOAD_PID" ]; then kill "$LOAD_PID" 2>/dev/null; wait "$LOAD_PID" 2>/dev/null; fi; }
make_workdir chameleon-bench
mkdir -p "$RESULTS_DIR"
start_source
my <<'SQL'
CREATE USER usr_replica@'%' IDENTIFIED BY 'replica';
GRANT SELECT ON bench.* TO usr_replica@'%';
GRANT RELOAD, REPLICATION CLIENT, REPLICATION SLAVE ON *.* TO usr_replica@'%';
CREATE USER usr_load@'%' IDENTIFIED BY 'load';
GRANT ALL ON bench.* TO usr_load@'%';
CREATE DATABASE scratch;
SQL
start_postgres

# ---------------------------------------------------------------- data set
# Shares of ROWS: sbtest1 50%, sbtest2 20%, orders_wide 20%, events_nokey 10%.
N1=$((ROWS * 5 / 10)); N2=$((ROWS * 2 / 10)); N3=$((ROWS * 2 / 10)); N4=$((ROWS - N1 - N2 - N3))
TABLES="sbtest1 sbtest2 orders_wide events_nokey"
say "generating $ROWS rows: sbtest1 $N1, sbtest2 $N2, orders_wide $N3, events_nokey $N4"
gen_start=$(date +%s.%N)
sed "s/@WIDE_PK@/$WIDE_PK/" <<'SQL' | my
CREATE DATABASE bench CHARACTER SET utf8mb4;
USE bench;
CREATE TABLE sbtest1 (
  id INT NOT NULL AUTO_INCREMENT,
  k INT NOT NULL DEFAULT 0,
  c CHAR(120) NOT NULL DEFAULT '',
  pad CHAR(60) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY k_1 (k)
) ENGINE=InnoDB;
CREATE TABLE sbtest2 LIKE sbtest1;
CREATE TABLE orders_wide (
  id @WIDE_PK@ NOT NULL AUTO_INCREMENT,
  customer_id INT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  ship_date DATE NULL,
  amount DECIMAL(12,2) NOT NULL,
  ratio DOUBLE NULL,
  paid TINYINT(1) NOT NULL,
  status ENUM('new','paid','shipped','cancelled') NOT NULL,
  title VARCHAR(200) NOT NULL,
  body TEXT NULL,
  payload BLOB NULL,
  PRIMARY KEY (id),
  KEY idx_customer (customer_id, created_at)
) ENGINE=InnoDB;
CREATE TABLE events_nokey (
  ts DATETIME(3) NOT NULL,
  source VARCHAR(32) NOT NULL,
  level SMALLINT NOT NULL,
  message VARCHAR(255) NOT NULL,
  value DECIMAL(18,6) NULL,
  KEY idx_ts (ts)
) ENGINE=InnoDB;
SQL
# INSERT ... SELECT from a range of integers (seq_range), in slices of 250k rows, without binlog
# (faster; the copy reads the tables, not the log). Both sources hold the same data: MD5 of text,
# not of a number (MySQL's MD5() takes strings only; the same digests on MariaDB), and a quotient
# rounded to 4 places (MySQL computes it to 4, MariaDB to 9).
fill() { # table total select-list-using-seq
    local table=$1 total=$2 select=$3 from=1 to
    while [ "$from" -le "$total" ]; do
        to=$((from + 249999)); [ "$to" -le "$total" ] || to=$total
        my bench -e "SET SESSION sql_log_bin = 0; $SEQ_SESSION INSERT INTO $table ${select//@RANGE@/$(seq_range "$from" "$to")}"
        from=$((to + 1))
    done
}
SB_SELECT="(id, k, c, pad) SELECT seq, 1 + CRC32(seq) % @N@,
    CONCAT(MD5(CONCAT(seq)), MD5(CONCAT(seq + 1)), MD5(CONCAT(seq + 2)), LEFT(MD5(CONCAT(seq + 3)), 24)),
    CONCAT(MD5(CONCAT(-seq)), LEFT(MD5(CONCAT(seq * 7)), 28)) FROM @RANGE@"
fill sbtest1 "$N1" "${SB_SELECT//@N@/$N1}"
fill sbtest2 "$N2" "${SB_SELECT//@N@/$N2}"
fill orders_wide "$N3" "(id, customer_id, created_at, ship_date, amount, ratio, paid, status, title, body, payload)
  SELECT seq, CRC32(seq) % 100000,
    TIMESTAMP'2020-01-01 00:00:00' + INTERVAL (seq * 37) % 157680000 SECOND + INTERVAL seq % 1000000 MICROSECOND,
    IF(seq % 7 = 0, NULL, DATE'2020-01-01' + INTERVAL seq % 1500 DAY),
    (CRC32(seq) % 10000000) / 100,
    IF(seq % 11 = 0, NULL, ROUND((CRC32(seq * 3) % 1000000) / 7, 4)),
    seq % 2,
    ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'cancelled'),
    CONCAT('Commande n° ', seq, ' — café crème', IF(seq % 13 = 0, ' 😀', ''), IF(seq % 29 = 0, ' back\\\\slash', '')),
    IF(seq % 17 = 0, NULL, REPEAT(CONCAT(MD5(CONCAT(seq)), ' lorem ipsum\tdolor\n'), 1 + seq % 20)),
    IF(seq % 19 = 0, NULL, UNHEX(CONCAT(MD5(CONCAT(seq)), MD5(CONCAT(seq + 1)))))
  FROM @RANGE@"
fill events_nokey "$N4" "(ts, source, level, message, value)
  SELECT TIMESTAMP'2024-01-01 00:00:00' + INTERVAL (seq - (seq % 10 = 0)) SECOND,
    CONCAT('host-', (seq - (seq % 10 = 0)) % 50), (seq - (seq % 10 = 0)) % 8,
    CONCAT('event ', seq - (seq % 10 = 0), ' ', MD5(CONCAT(seq - (seq % 10 = 0)))),
    IF(seq % 5 = 0, NULL, (CRC32(seq - (seq % 10 = 0)) % 1000000000) / 1000)
  FROM @RANGE@"
my bench -e "ANALYZE TABLE $(echo $TABLES | tr ' ' ',')" >/dev/null
# let InnoDB write back the generated pages now rather than during the first timed run
# (at MariaDB's default io_capacity of 200 pages/s this takes minutes; let it go as fast as the disk
# can), then the server's own settings back (MySQL's defaults differ from MariaDB's)
read -r IO_CAP IO_CAP_MAX DIRTY_PCT DIRTY_LWM < <(my -e "SELECT @@innodb_io_capacity, @@innodb_io_capacity_max,
    @@innodb_max_dirty_pages_pct, @@innodb_max_dirty_pages_pct_lwm")
my -e "SET GLOBAL innodb_io_capacity_max = 40000, innodb_io_capacity = 20000,
    innodb_max_dirty_pages_pct_lwm = 0, innodb_max_dirty_pages_pct = 0"
for _ in $(seq 1 600); do
    [ "$(my -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}')" -lt 100 ] && break
    sleep 0.5
done
my -e "SET GLOBAL innodb_max_dirty_pages_pct = $DIRTY_PCT, innodb_max_dirty_pages_pct_lwm = $DIRTY_LWM,
    innodb_io_capacity = $IO_CAP, innodb_io_capacity_max = $IO_CAP_MAX"
my -e "SELECT table_name, engine, table_rows, avg_row_length, data_length, index_length
    FROM information_schema.tables WHERE table_schema = 'bench'" >"$W/logs/source-tables.txt"
gen_secs=$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')
declare -A SRC_COUNT SRC_PRINT
for t in $TABLES; do SRC_COUNT[$t]=$(my bench -e "SELECT COUNT(*) FROM $t"); done
# cheap value fingerprints of the tables the write load never touches (same text on both sides)
FP_sbtest2="COUNT(*), SUM(k), SUM(CHAR_LENGTH(c)), SUM(CHAR_LENGTH(pad))"
FP_orders_wide="COUNT(*), SUM(amount), SUM(CHAR_LENGTH(title)), SUM(CHAR_LENGTH(body)), SUM(OCTET_LENGTH(payload)), COUNT(ship_date)"
FP_events_nokey="COUNT(*), SUM(level), SUM(value), SUM(CHAR_LENGTH(message))"
fp_sql() { local v="FP_$1"; echo "SELECT CONCAT_WS('|', ${!v}) FROM $2"; }
for t in sbtest2 orders_wide events_nokey; do SRC_PRINT[$t]=$(my bench -e "$(fp_sql "$t" "$t")"); done
SRC_MB=$(my -e "SELECT ROUND(SUM(data_length) / 1048576) FROM information_schema.tables WHERE table_schema = 'bench'")
say "generated in ${gen_secs%.*}s; InnoDB data ${SRC_MB} MiB; counts: $(for t in $TABLES; do printf '%s=%s ' "$t" "${SRC_COUNT[$t]}"; done)"

build_chameleon
wait_class_archive

# ---------------------------------------------------------------- measurement helpers
# measure LOG CMD...: runs CMD under /usr/bin/time; sets M_SECS M_USER M_SYS M_RSS_KB M_MY_CPU M_PG_CPU M_RC
measure() {
    local log=$1; shift
    local my0 pg0 my1 pg1 all0 all1
    pg postgres -c CHECKPOINT
    sync
    my0=$(my_ticks); pg0=$(pg_ticks); kernel_snap >"$W/kernel.0"; all0=$(busy_ticks)
    set +e
    /usr/bin/time -f '%e %U %S %M' -o "$W/time.out" "$@" </dev/null >"$log" 2>&1
    M_RC=$?
    set -e
    all1=$(busy_ticks); my1=$(my_ticks); pg1=$(pg_ticks); kernel_snap >"$W/kernel.1"
    read -r M_SECS M_USER M_SYS M_RSS_KB < <(tail -1 "$W/time.out")
    M_MY_CPU=$(ticks_to_s "$my0" "$my1")
    M_PG_CPU=$(ticks_to_s "$pg0" "$pg1")
    M_KERNEL_CPU=$(kernel_cpu_between "$W/kernel.0" "$W/kernel.1")
    # everything else the machine ran meanwhile (other users, other builds): the noise indicator
    M_OTHER_CPU=$(awk -v a="$all0" -v b="$all1" -v hz="$CLK_TCK" -v t="$M_USER" -v s="$M_SYS" -v m="$M_MY_CPU" \
        -v p="$M_PG_CPU" -v k="$M_KERNEL_CPU" 'BEGIN {o = (b - a) / hz - t - s - m - p - k; printf "%.1f", (o < 0 ? 0 : o)}')
}
# verify DB: every table's count against the source, and the fingerprints; prints OK or what differs
verify() {
    local db=$1 out="" t schema got
    schema=$(pg "$db" -c "SELECT table_schema FROM information_schema.tables WHERE table_name = 'sbtest2'
        AND table_schema NOT LIKE 'pg\_%' AND table_schema <> 'information_schema' LIMIT 1")
    [ -n "$schema" ] || { echo "NO-TABLES"; return; }
    for t in $TABLES; do
        got=$(pg "$db" -c "SELECT count(*) FROM \"$schema\".$t" 2>/dev/null || echo missing)
        [ "$got" = "${SRC_COUNT[$t]}" ] || out+="$t:count=$got/${SRC_COUNT[$t]} "
    done
    for t in sbtest2 orders_wide events_nokey; do
        got=$(pg "$db" -c "$(fp_sql "$t" "\"$schema\".$t")" 2>/dev/null || echo missing)
        [ "$got" = "${SRC_PRINT[$t]}" ] || out+="$t:values=$got/${SRC_PRINT[$t]} "
    done
    echo "${out:-OK}"
}
RESULTS_TSV="$W/results.tsv"
printf 'tool\tround\tseconds\tuser_s\tsys_s\trss_kb\tsource_cpu_s\tpg_cpu_s\tlock_ms\tverify\tnote\tother_cpu_s\tkernel_cpu_s\n' >"$RESULTS_TSV"
record() { # tool round lock_ms verify note
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$M_SECS" "$M_USER" "$M_SYS" "$M_RSS_KB" \
        "$M_MY_CPU" "$M_PG_CPU" "$3" "$4" "$5" "$M_OTHER_CPU" "$M_KERNEL_CPU" >>"$RESULTS_TSV"
    say "$1 round $2: ${M_SECS}s, peak RSS $((M_RSS_KB / 1024)) MiB, cpu tool $(awk -v a="$M_USER" -v b="$M_SYS" 'BEGIN {printf "%.1f", a + b}')s / $SOURCE ${M_MY_CPU}s / postgres ${M_PG_CPU}s / kernel threads ${M_KERNEL_CPU}s / others ${M_OTHER_CPU}s${3:+, global lock $3 ms}, check: $4${5:+ ($5)}"
}
new_db() { pg postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1 OWNER usr_bench"; }
drop_db() { [ "$KEEP" = 1 ] || pg postgres -c "DROP DATABASE IF EXISTS $1"; }

# ---------------------------------------------------------------- the write load (chameleon-load)
start_load() {
    sysbench oltp_update_non_index --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MY_PORT" \
        --mysql-user=usr_load --mysql-password=load --mysql-db=bench --tables=1 --table-size="$N1" \
        --threads="$LOAD_THREADS" --rate="$LOAD_RATE" --time=0 --events=0 --report-interval=1 run \
        >"$W/logs/load-$1.log" 2>&1 &
    LOAD_PID=$!
    sleep 3
    kill -0 "$LOAD_PID" 2>/dev/null || die "the write load (sysbench) stopped: see $W/logs/load-$1.log"
}
stop_load() {
    kill "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
    LOAD_PID=""
    LOAD_TPS=$(awk '/ tps: /{for (i = 1; i <= NF; i++) if ($i == "tps:") {s += $(i + 1); n++}}
        END {printf "%.0f", n ? s / n : 0}' "$W/logs/load-$1.log")
    # what a stall costs the writers: seconds in which under a tenth of the target rate committed,
    # and the largest backlog of writes waiting to start (sysbench's latencies leave stalled ones out)
    read -r LOAD_STALLED LOAD_BACKLOG < <(awk -v rate="$LOAD_RATE" '
        / tps: / {for (i = 1; i <= NF; i++) if ($i == "tps:" && $(i + 1) < rate / 10) s++}
        /queue length: / {sub(/.*queue length: /, ""); q = $0 + 0; if (q > m) m = q}
        END {printf "%d %d\n", s, m}' "$W/logs/load-$1.log")
}

# ---------------------------------------------------------------- the tools
DATA_MIB=""
run_chameleon() { # label mode workers with_load(0/1/longquery) round
    local label=$1 mode=$2 workers=$3 load=$4 round=$5
    local db="cham_${label//-/_}_r$round" cfg="$W/cham/${label}_r$round.yml" log="$W/logs/${label}_r$round.log"
    new_db "$db"
    { chameleon_config "$db" stdout info; cat <<YAML; } >"$cfg"
    schema_mappings:
      bench: bench
    lock_timeout: "120s"
    my_server_id: 100
    copy_max_memory: "300M"
    copy_mode: '$mode'
    copy_workers: $workers
    out_dir: '$W/cham/out'
    type: mysql
YAML
    { "$CHAMELEON" create_replica_schema --config "$cfg" &&
      "$CHAMELEON" add_source --config "$cfg" --source mysql; } \
        >"$W/logs/${label}_r$round.setup.log" 2>&1 </dev/null ||
        { say "$label: catalogue setup failed: $(tail -3 "$W/logs/${label}_r$round.setup.log")"; return 0; }
    local note="" long_pid=""
    [ "$load" = 0 ] || start_load "${label}_r$round"
    if [ "$load" = longquery ]; then
        # a long write statement (outside the replicated schema) running while init_replica asks
        # for the global read lock: the lock must wait for it, and the other writers wait behind
        # the lock. (A long SELECT does not hold it up on MariaDB 10.11: measured 5 ms.)
        my -e "CREATE TABLE IF NOT EXISTS scratch.t (x int); INSERT INTO scratch.t SELECT SLEEP($LONGQUERY_SECS)" \
            >"$W/logs/longquery-r$round.log" 2>&1 &
        long_pid=$!
        sleep 1
    fi
    measure "$log" "$CHAMELEON" init_replica --config "$cfg" --source mysql --debug
    [ -z "$long_pid" ] || wait "$long_pid" || true
    if [ "$load" != 0 ]; then
        stop_load "${label}_r$round"
        note="write load ${LOAD_TPS} tx/s, ${LOAD_STALLED} s stalled, backlog up to ${LOAD_BACKLOG}"
        [ -z "$long_pid" ] || note+=", a ${LONGQUERY_SECS}s INSERT running when the lock was asked"
    fi
    local lock summary
    lock=$(sed -n 's/.*global read lock held \([0-9]*\) ms.*/\1/p' "$log" | tail -1)
    summary=$(grep -m1 'init_replica of source .* done' "$log" | sed 's/.*\(init_replica of source\)/\1/' || true)
    [ -n "$summary" ] && say "  $summary"
    if [ -z "$DATA_MIB" ] && [ -n "$summary" ]; then
        DATA_MIB=$(echo "$summary" | sed -n 's/.* rows, \([0-9.]*\) MiB in .*/\1/p')
    fi
    [ "$M_RC" = 0 ] || note="exit $M_RC: $(grep -m1 -E 'ERROR|Exception' "$log" | cut -c1-200) ${note}"
    record "$label" "$round" "$lock" "$(verify "$db")" "$note"
    drop_db "$db"
}

run_pgloader() { # round
    local round=$1 db="pgloader_r$1" log="$W/logs/pgloader_r$1.log"
    new_db "$db"
    mkdir -p "$W/pgloader"
    cat >"$W/pgloader/bench_r$round.load" <<LOAD
LOAD DATABASE
     FROM mysql://usr_replica:replica@127.0.0.1:$MY_PORT/bench
     INTO postgresql://usr_bench:pg-secret@127.0.0.1:$PG_PORT/$db
 WITH include drop, create tables, create indexes, reset sequences,
      workers = 4, concurrency = 1, prefetch rows = 10000, batch rows = 10000
 SET PostgreSQL PARAMETERS maintenance_work_mem to '512MB'
;
LOAD
    measure "$log" pgloader --root-dir "$W/pgloader" "$W/pgloader/bench_r$round.load"
    # pgloader logs a failed connection and exits 0; against MySQL 9 it cannot log in at all
    if grep -q 'MYSQL-UNSUPPORTED-AUTHENTICATION' "$log"; then
        record pgloader "$round" "" "n/a" "pgloader $(pgloader --version | sed -n '1s/.*version "\(.*\)".*/\1/p') cannot authenticate with $(my -e "SELECT plugin FROM mysql.user WHERE user = 'usr_replica'"): its MySQL driver (qmynd) signals MYSQL-UNSUPPORTED-AUTHENTICATION, and $SOURCE_DESC has no mysql_native_password to fall back on"
        drop_db "$db"
        return
    fi
    local note=""
    [ "$M_RC" = 0 ] || note="exit $M_RC: $(grep -m1 -iE 'fatal|error|exhausted' "$log" | cut -c1-200)"
    local errors
    errors=$(awk '/Total import time/ {print $4}' "$log" | tail -1)
    [ -z "$errors" ] || [ "$errors" = 0 ] || [ "$errors" = "✓" ] || note+=" pgloader reported $errors errors"
    record pgloader "$round" "" "$(verify "$db")" "$note"
    drop_db "$db"
}

# Naive: one `mariadb --batch --quick | psql \copy` per table, the four in parallel, then each
# table's keys. No consistent snapshot across tables. mariadb's batch escapes (\t \n \\) are
# COPY text's; NULL prints as NULL; bytes go through as '\x' || HEX(). Without TLS, like Chameleon
# (MySQL offers it by default; caching_sha2_password then exchanges the password with the server's
# RSA key, which the client asks for).
NAIVE_DDL="CREATE SCHEMA bench;
CREATE TABLE bench.sbtest1 (id integer NOT NULL, k integer NOT NULL, c character(120) NOT NULL, pad character(60) NOT NULL);
CREATE TABLE bench.sbtest2 (LIKE bench.sbtest1);
CREATE TABLE bench.orders_wide (id numeric(20) NOT NULL, customer_id integer NOT NULL, created_at timestamp(6) NOT NULL,
  ship_date date, amount numeric(12,2) NOT NULL, ratio double precision, paid smallint NOT NULL, status text NOT NULL,
  title varchar(200) NOT NULL, body text, payload bytea);
CREATE TABLE bench.events_nokey (ts timestamp(3) NOT NULL, source varchar(32) NOT NULL, level smallint NOT NULL,
  message varchar(255) NOT NULL, value numeric(18,6));"
naive_table() { # db table select-list index-sql
    mariadb --no-defaults -h127.0.0.1 -P"$MY_PORT" -uusr_replica -preplica --default-character-set=utf8mb4 --skip-ssl \
        --batch --quick --skip-column-names bench -e "SELECT $3 FROM $2" |
        pg "$1" -c "\\copy bench.$2 FROM pstdin WITH (NULL 'NULL')" || return 1
    pg "$1" -c "$4"
}
# each_table FN DB: FN DB TABLE SELECT-LIST INDEX-SQL for the four tables at once; fails if any did
each_table() {
    local pids=() p rc=0
    "$1" "$2" sbtest1 "id, k, c, pad" \
        "ALTER TABLE bench.sbtest1 ADD PRIMARY KEY (id); CREATE INDEX ON bench.sbtest1 (k)" & pids+=($!)
    "$1" "$2" sbtest2 "id, k, c, pad" \
        "ALTER TABLE bench.sbtest2 ADD PRIMARY KEY (id); CREATE INDEX ON bench.sbtest2 (k)" & pids+=($!)
    "$1" "$2" orders_wide "id, customer_id, created_at, ship_date, amount, ratio, paid, status, title, body,
        CONCAT('\\\\x', HEX(payload))" \
        "ALTER TABLE bench.orders_wide ADD PRIMARY KEY (id); CREATE INDEX ON bench.orders_wide (customer_id, created_at)" & pids+=($!)
    "$1" "$2" events_nokey "ts, source, level, message, value" \
        "CREATE INDEX ON bench.events_nokey (ts)" & pids+=($!)
    for p in "${pids[@]}"; do wait "$p" || rc=1; done
    return $rc
}
naive_all() { each_table naive_table "$1"; } # db
# run_by_table TOOL ALL-FUNCTION ROUND: ALL-FUNCTION (naive_all, pgfiles_all) into a fresh database
# with the tables made by hand, timed and checked
run_by_table() {
    local tool=$1 all=$2 round=$3 db="${1//-/_}_r$3" log="$W/logs/$1_r$3.log"
    new_db "$db"
    pg "$db" -c "SET ROLE usr_bench" -c "$NAIVE_DDL"
    export -f naive_table naive_all pgfiles_table pgfiles_all each_table pg
    export MY_PORT PG_PORT PSQL PGFILES_DIR
    measure "$log" bash -c "set -o pipefail; $all \"\$0\"" "$db"
    local note=""
    [ "$M_RC" = 0 ] || note="exit $M_RC: $(head -c 200 "$log")"
    record "$tool" "$round" "" "$(verify "$db")" "$note"
    drop_db "$db"
}

# PostgreSQL alone (pg-files): the same rows from files on the server, one server-side
# `COPY FROM file` per table, the four in parallel, then each table's keys. What no tool reading
# from the source can beat on this machine: the lower bound of the load's PostgreSQL side.
# The files are written (untimed) from the warm-up's copy, in COPY text.
PGFILES_DIR="$W/pgfiles"
pgfiles_table() { # db table select-list(unused) index-sql
    pg "$1" -c "COPY bench.$2 FROM '$PGFILES_DIR/$2.copy'" -c "$4"
}
pgfiles_all() { each_table pgfiles_table "$1"; } # db

# ---------------------------------------------------------------- run
say "tools: $TOOLS; rounds: $REPEAT; $(nproc) CPUs; work dir $W"
case " $TOOLS " in *" pg-files "*) WANT_FILES=1 ;; *) WANT_FILES=0 ;; esac
if [ "${BENCH_WARMUP:-1}" = 1 ] || [ "$WANT_FILES" = 1 ]; then
    # untimed: reads every table once and makes PostgreSQL create its WAL segments, so the
    # first timed tool does not pay for them
    say "warm-up (naive pipeline, not timed)"
    new_db warmup
    pg warmup -c "$NAIVE_DDL"
    export -f naive_table naive_all each_table pg
    export MY_PORT PG_PORT PSQL
    bash -c 'set -o pipefail; naive_all warmup' >"$W/logs/warmup.log" 2>&1 || say "warm-up failed: see $W/logs/warmup.log"
    if [ "$WANT_FILES" = 1 ]; then
        mkdir -p "$PGFILES_DIR"
        [ "$(id -u)" != 0 ] || chown "$PG_OS_USER" "$PGFILES_DIR"
        for t in $TABLES; do pg warmup -c "COPY bench.$t TO '$PGFILES_DIR/$t.copy'"; done
        say "pg-files: $(du -sm "$PGFILES_DIR" | cut -f1) MiB of COPY text in $PGFILES_DIR"
    fi
    pg postgres -c "DROP DATABASE warmup"
fi
read -r -a TOOL_LIST <<<"$TOOLS"
for round in $(seq 1 "$REPEAT"); do
    # each round starts one tool further on, so no tool is always first or always after another
    for i in $(seq 0 $((${#TOOL_LIST[@]} - 1))); do
        tool=${TOOL_LIST[$(((i + round - 1) % ${#TOOL_LIST[@]}))]}
        case $tool in
            chameleon) run_chameleon chameleon direct 4 0 "$round" ;;
            chameleon-file-w1) run_chameleon chameleon-file-w1 file 1 0 "$round" ;;
            chameleon-load) run_chameleon chameleon-load direct 4 1 "$round" ;;
            chameleon-longquery) run_chameleon chameleon-longquery direct 4 longquery "$round" ;;
            pgloader) run_pgloader "$round" ;;
            naive) run_by_table naive naive_all "$round" ;;
            pg-files) run_by_table pg-files pgfiles_all "$round" ;;
            *) die "unknown tool '$tool' in BENCH_TOOLS" ;;
        esac
    done
done

# ---------------------------------------------------------------- report
STAMP=$(date +%Y%m%d-%H%M%S)
REPORT="$RESULTS_DIR/init-replica-$STAMP.txt"
cp "$RESULTS_TSV" "$RESULTS_DIR/init-replica-$STAMP.tsv"
cp -r "$W/logs" "$RESULTS_DIR/init-replica-$STAMP.logs"
[ -n "$DATA_MIB" ] || DATA_MIB=$SRC_MB
{
    echo "init_replica benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "$SOURCE_DESC, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(java -version 2>&1 | head -1)"
    servers_desc
    echo "data set: $ROWS rows in 4 tables (sbtest1 $N1, sbtest2 $N2, orders_wide $N3, events_nokey $N4 without key);"
    echo "  $DATA_MIB MiB as COPY text (chameleon's count), $SRC_MB MiB InnoDB data; generated in ${gen_secs%.*}s"
    echo "rounds: $REPEAT (figures are medians over the rounds; min-max in brackets when more than one)"
    echo
    awk -F'\t' -v rows="$ROWS" -v mib="$DATA_MIB" -v order="$TOOLS" -v cpus="$(nproc)" -v noise="$NOISE" '
        NR == 1 { next }
        {   t = $1; n[t]++; i = n[t]
            # disturbed: the rest of the machine used more than NOISE of its CPU time (and over 0.5 s)
            bad[t, i] = $12 > 0.5 && $12 > noise * cpus * $3
            if (!bad[t, i]) clean[t]++
            secs[t, i] = $3; cpu[t, i] = $4 + $5; rss[t, i] = $6; myc[t, i] = $7; pgc[t, i] = $8; oth[t, i] = $12
            lock[t, i] = $9
            # a tool that cannot run against this source: its reason, no figures
            if ($10 == "n/a") { na[t] = $11; next }
            ok[t] = ok[t] ($10 == "OK" ? "" : (ok[t] == "" ? " " : "; ") "round " $2 ": " $10); note[t] = note[t] ($11 == "" ? "" : (note[t] == "" ? " " : "; ") "round " $2 ": " $11) }
        # median of arr over the runs of t that count (the undisturbed ones, or all when none is);
        # sets lo and hi to the smallest and largest of them
        function med(arr, t, all,    v, j, k, x, c) {
            c = 0
            for (j = 1; j <= n[t]; j++) if (all || !clean[t] || !bad[t, j]) v[++c] = arr[t, j] + 0
            for (j = 2; j <= c; j++) { x = v[j]; for (k = j - 1; k >= 1 && v[k] > x; k--) v[k + 1] = v[k]; v[k + 1] = x }
            lo = v[1]; hi = v[c]; used = c
            return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
        }
        END {
            split(order, tools, " ")
            base = ("chameleon" in n) ? med(secs, "chameleon") : 0
            printf "%-19s %17s %9s %7s %9s %7s %23s %13s  %s\n", "tool", "seconds", "rows/s", "MiB/s", "peak RSS", "ratio", "cpu s tool/my/pg/other", "lock ms", "check"
            for (j = 1; j in tools; j++) {
                t = tools[j]; if (!(t in n)) continue
                if (t in na) { printf "%-19s n/a: %s\n", t, na[t]; continue }
                s = med(secs, t); range = used > 1 ? sprintf(" [%.1f-%.1f]", lo, hi) : ""
                left = n[t] - used
                r = med(rss, t); c = med(cpu, t); m = med(myc, t); p = med(pgc, t); o = med(oth, t)
                lk = "-"
                if (lock[t, 1] != "") { l = med(lock, t, 1); lk = n[t] > 1 ? sprintf("%d [%d-%d]", l, lo, hi) : sprintf("%d", l) }
                printf "%-19s %17s %9.0f %7.1f %7.0f M %7s %23s %13s  %s\n", t, sprintf("%.1f", s) range,
                    (s > 0 ? rows / s : 0), (s > 0 ? mib / s : 0), r / 1024, (base > 0 ? sprintf("%.2fx", s / base) : "-"),
                    sprintf("%.1f/%.1f/%.1f/%.1f", c, m, p, o), lk, ok[t] == "" ? "OK" : "MISMATCH" ok[t]
                if (left > 0) printf "%-19s   %d of %d rounds left out: the machine was busy with other work\n", "", left, n[t]
                else if (!clean[t]) printf "%-19s   every round was disturbed by other work on the machine: repeat it\n", ""
                if (note[t] != "") printf "%-19s   note:%s\n", "", note[t]
            }
        }' "$RESULTS_TSV"
    echo
    echo "seconds: wall clock of the whole command (JVM start, schema, copy, keys and indexes, swap)."
    echo "ratio: seconds / chameleon's seconds (above 1 = slower than chameleon, copy_mode direct, 4 workers)."
    echo "cpu: user+sys seconds of the tool's process / of the source's server ($SOURCE_NAME) / of all PostgreSQL processes / of anything else"
    echo "  on the machine but the kernel's threads, during the run (sysbench's own CPU counts as other in the load runs;"
    echo "  the kernel threads' CPU, mostly writeback of the target's files, is in the TSV). A round in which"
    echo "  the others took more than $NOISE of the machine's CPU time is left out of the medians when a cleaner one exists."
    echo "lock ms: chameleon's global read lock ('global read lock held N ms'); chameleon-load ran under a"
    echo "  sysbench oltp_update_non_index load ($LOAD_THREADS threads, target $LOAD_RATE tx/s) on sbtest1; 's stalled':"
    echo "  seconds in which under a tenth of that rate committed; 'backlog': most writes waiting to start."
} | tee "$REPORT"
say "report: $REPORT (raw figures: ${REPORT%.txt}.tsv, logs: ${REPORT%.txt}.logs/)"
