#!/usr/bin/env bash
# Crash benchmark: ReplicaCrashIT with 20 SIGKILLs instead of the suite's 5. start_replica runs as
# its own process under a mixed write workload, is killed at random moments and restarted each
# time; at the end every table must compare equal and every row change be applied exactly once.
# Uses the test suite's embedded MariaDB and PostgreSQL. Documented in bench/README.md.
#
#   bench/crash/run.sh                              # 20 kills, a new random seed
#   CRASH_KILLS=50 bench/crash/run.sh               # more kills
#   CRASH_SEED=123456789 bench/crash/run.sh         # replay the kill moments and workload of a seed
set -eEuo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KILLS=${CRASH_KILLS:-20}

args=(-B -Dstyle.color=never verify -Dtest=NONE -Dit.test=ReplicaCrashIT -Dsurefire.failIfNoSpecifiedTests=false
      -Dfailsafe.failIfNoSpecifiedTests=false "-Dchameleon.crash.kills=$KILLS")
if [ -n "${CRASH_SEED:-}" ]; then
    args+=("-Dchameleon.crash.seed=$CRASH_SEED")
fi

cd "$REPO"
started=$(date +%s)
set +e
mvn "${args[@]}" 2>&1 | tee "$HERE/last-run.log" | grep -E '^ReplicaCrashIT:|Tests run:|FAIL|BUILD'
status=${PIPESTATUS[0]}
set -e
echo "crash run: $KILLS kills, $(( $(date +%s) - started )) s, $([ "$status" -eq 0 ] && echo PASSED || echo FAILED);" \
     "full output in $HERE/last-run.log"
exit "$status"
