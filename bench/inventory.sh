#!/usr/bin/env bash
# Inventory benchmark: imports 100,000 numbers end to end from a CSV upload and from the Twilio sandbox's pages,
# times a plain PostgreSQL COPY of the same rows on the same server, and lists the imported tenant under load
# (p50/p95/p99). Needs Keycloak (./ferry keycloak);
# PostgreSQL is the embedded test server unless QUARKUS_DATASOURCE_JDBC_URL names another.
# Targets: import >= 20,000 numbers/s end to end; list p99 < 50 ms on a 100,000-number tenant.
# Options: NUMBERS=100000 ROUNDS=3 LIST_THREADS=8 LIST_REQUESTS=4000 PARTS=csv,copy,twilio,list bench/inventory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp test -Dskip.frontend -Dtest=InventoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dferry.bench=true \
  -Dferry.bench.numbers="${NUMBERS:-100000}" \
  -Dferry.bench.list-threads="${LIST_THREADS:-8}" \
  -Dferry.bench.list-requests="${LIST_REQUESTS:-4000}" \
  -Dferry.bench.parts="${PARTS:-csv,copy,twilio,list}" \
  -Dferry.bench.rounds="${ROUNDS:-3}" \
  -D%test.ferry.twilio.page-size=1000 \
  -Dquarkus.log.category.\"dev.ferry\".level=WARN
echo
cat target/bench-inventory.txt
