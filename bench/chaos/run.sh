#!/usr/bin/env bash
# Chaos benchmark: a replica streams a random workload (foreign-key tables included) for a set time
# while random faults hit it one after the other: SIGKILL of the replica, a restart of the source and
# of PostgreSQL, a stalled network to either (through the suite's proxy), a user's lock held past
# lock_timeout, a deadlock between a user session and the applier. At the end every table is
# compared value by value and every table must still be replicated. Runs io.chameleon.replica.ChaosRun
# on the suite's own throw-away servers. Documented in bench/README.md. Never run by the test suite.
#
#   bench/chaos/run.sh                       # 30 minutes from MariaDB 11.4
#   CHAOS_MINUTES=5 bench/chaos/run.sh       # shorter
#   BENCH_SOURCE=mysql bench/chaos/run.sh    # from Oracle MySQL 9.7 (bin/provision-mysql's root; as root)
#   CHAOS_SEED=42 bench/chaos/run.sh         # the same faults and workload again
#   CHAOS_KEEP=1 bench/chaos/run.sh          # keep the replica's directory and logs
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SOURCE=${BENCH_SOURCE:-mariadb}
MINUTES=${CHAOS_MINUTES:-30}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$HERE/results}
case $SOURCE in mariadb | mysql) ;; *) echo "BENCH_SOURCE must be mariadb or mysql, not '$SOURCE'" >&2; exit 2 ;; esac
case $MINUTES in '' | *[!0-9]*) echo "CHAOS_MINUTES must be a whole number of minutes, not '$MINUTES'" >&2; exit 2 ;; esac

cd "$REPO"
if [ "$SOURCE" = mysql ] && [ ! -x "${CHAMELEON_MYSQL_ROOT:-/var/cache/chameleon/mysql-root}/usr/sbin/mysqld" ]; then
    bin/provision-mysql
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/chameleon-chaos.XXXXXX")
trap 'rm -rf "$W"' EXIT
echo "building the test classes and their classpath" >&2
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$W/classpath" \
    >"$W/build.log" 2>&1 || { cat "$W/build.log" >&2; exit 1; }
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/chaos-$SOURCE-$(date -u +%Y%m%d-%H%M%S).log"
# the replica of this run is a throw-away one; as root (the MySQL chroot needs it) it must be allowed
[ "$(id -u)" != 0 ] || export CHAMELEON_ALLOW_ROOT=1
# start_replica daemonises with this JVM's class path, so the run is a plain java process, not exec:java
java -Dchaos.minutes="$MINUTES" -Dchameleon.test.source="$SOURCE" ${CHAOS_SEED:+-Dchaos.seed="$CHAOS_SEED"} \
    -Dchaos.keep="$([ "${CHAOS_KEEP:-0}" = 1 ] && echo true || echo false)" \
    -cp "target/test-classes:target/classes:$(cat "$W/classpath")" io.chameleon.replica.ChaosRun 2>&1 | tee "$REPORT"
