#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite: core, GUI (real windows under Xvfb when
# there is no display), architecture contracts, lint, and the benchmarks at smoke size.
# Extra arguments go to pytest. Exits non-zero when pytest collects no tests.
set -uo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test || exit 1
runner=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  runner=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
"${runner[@]}" .venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "test.sh: pytest collected no tests; failing" >&2
  exit 1
fi
exit "$rc"
