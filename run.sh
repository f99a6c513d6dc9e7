#!/usr/bin/env bash
# Set up (if needed) and start Timeline Annotator. Arguments go to the app, e.g.
#   ./run.sh --db ~/timelines/ukraine.tldb article.html
# Without a display it runs offscreen for a few seconds and saves a screenshot instead.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  shot=${TMPDIR:-/tmp}/timeline-annotator-offscreen.png
  echo "No display: running offscreen for 5 seconds; a screenshot goes to $shot" >&2
  exec .venv/bin/timeline-annotator --quit-after 5 --screenshot "$shot" "$@"
fi
exec .venv/bin/timeline-annotator "$@"
