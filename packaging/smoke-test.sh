#!/usr/bin/env bash
# Smoke-test an installed or built app: start the window offscreen, import an article through
# the CLI, create an event, export CSV and check it, draw the chart as PNG, SVG and PDF.
# Usage: packaging/smoke-test.sh [COMMAND]
set -euo pipefail
app=${1:-timeline-annotator}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
cat > "$work/article.txt" <<'TEXT'
Harbour strike ends

LISBON, 3 March 2022 - Dock workers returned to work on Wednesday after a strike that lasted
nine days.
TEXT
"$app" --quit-after 2 --screenshot "$work/window.png"
test -s "$work/window.png" || { echo "smoke test: no window was painted" >&2; exit 1; }
"$app" --db "$work/p.tldb" import "$work/article.txt"
"$app" --db "$work/p.tldb" add-event --article 1 --quote "Dock workers returned to work on Wednesday"
"$app" --db "$work/p.tldb" export-csv "$work/out.csv"
grep -q '^1,2022-03-02,,day,Dock workers returned to work on Wednesday' "$work/out.csv" \
  || { echo "smoke test: unexpected CSV:" >&2; cat "$work/out.csv" >&2; exit 1; }
for fmt in png svg pdf; do  # the chart, drawn offscreen (needs QtSvg and the PDF writer)
  "$app" --db "$work/p.tldb" export-chart "$work/chart.$fmt" --width 800
  test -s "$work/chart.$fmt" || { echo "smoke test: no chart.$fmt" >&2; exit 1; }
done
grep -q '<svg' "$work/chart.svg" || { echo "smoke test: chart.svg is not SVG" >&2; exit 1; }
echo "smoke test passed: $app"
