#!/usr/bin/env bash
# The project's test command: every crate's unit and integration tests, then an
# end-to-end check that the bundled examples code and that the dev corpus scores
# (the latter skips cleanly when ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked --release "$@"
