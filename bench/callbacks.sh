#!/usr/bin/env bash
# Callback benchmark: drives signed Plivo delivery reports (V3, a fresh nonce each, every one moving a stored message
# forward: queued -> sent -> delivered) at Ferry on loopback from concurrent HTTP clients, and the same load on the
# liveness endpoint /q/health/live on the same machine; prints requests, errors, requests/s and p50/p95/p99/max.
# Needs Keycloak (./ferry keycloak); PostgreSQL is the embedded test server unless QUARKUS_DATASOURCE_JDBC_URL
# names another.
# Target: 2,000 validated, stored callbacks/s on two cores.
# Options: MESSAGES=20000 (two reports each) WARM_UP_MESSAGES=40000 (at most: the warm-up ends once the JIT has
# settled) CLIENTS=16 bench/callbacks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp test -Dskip.frontend -Dtest=CallbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dferry.bench=true \
  -Dferry.bench.messages="${MESSAGES:-20000}" \
  -Dferry.bench.warm-up-messages="${WARM_UP_MESSAGES:-40000}" \
  -Dferry.bench.clients="${CLIENTS:-16}" \
  -Dquarkus.log.category.\"dev.ferry\".level=WARN
echo
cat target/bench-callbacks.txt
