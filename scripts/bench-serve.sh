#!/usr/bin/env bash
# Latency of `attache serve` under concurrent load from a second process on loopback
# (BENCHMARKS.md, "Serve"). Builds a synthetic store with `attache bench-store` (kept in
# $DB), serves it, and runs the load generator (crates/serve/examples/serve_load.rs).
#
#   scripts/bench-serve.sh [EVENTS] [CONNECTIONS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-100000}
CONNS=${2:-8}
SECONDS_PER_PATH=${3:-10}
TARGET=${CARGO_TARGET_DIR:-target}
DB=${DB:-$TARGET/bench-serve-$EVENTS.db}
PORT=${PORT:-18931}

# (an --example flag limits a build to examples: the binary is built on its own)
cargo build --release -p attache
cargo build --release -p attache-serve --example serve_load
if [ ! -f "$DB" ]; then
  "$TARGET/release/attache" bench-store --events "$EVENTS" --db "$DB"
fi
"$TARGET/release/attache" serve --db "$DB" --addr "127.0.0.1:$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
  sleep 0.1
done
"$TARGET/release/examples/serve_load" "127.0.0.1:$PORT" "$CONNS" "$SECONDS_PER_PATH" \
  "/api/series?pair=USA,CHN&interval=month" \
  "/api/series?pair=USA,CHN&interval=week&from=2020&to=2022" \
  "/api/events?pair=USA,CHN&quad=4&limit=50" \
  "/api/events?actor=JPN&from=2020-01&to=2020-12&limit=50&offset=50" \
  "/api/events?source=RUS&cameo=19&limit=50" \
  "/api/events/1000" \
  "/api/pairs?limit=40"
