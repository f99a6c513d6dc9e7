#!/usr/bin/env bash
# Install the desktop entry, icons and AppStream metadata for the current user, pointing at an
# installed command. Usage: packaging/install-desktop-entry.sh [PATH-TO-timeline-annotator]
# (default: the one in .venv, else the PyInstaller build in dist/).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cmd=${1:-}
if [ -z "$cmd" ]; then
  for c in "$root/.venv/bin/timeline-annotator" "$root/dist/timeline-annotator/timeline-annotator"; do
    [ -x "$c" ] && cmd=$c && break
  done
fi
[ -n "$cmd" ] && [ -x "$cmd" ] || { echo "install: no timeline-annotator command found; run ./run.sh or packaging/build.sh first" >&2; exit 1; }
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
sed "s|^Exec=timeline-annotator|Exec=$cmd|" "$root/resources/timeline-annotator.desktop" \
  > "$data/applications/timeline-annotator.desktop"
cp "$root/resources/io.github.timeline_annotator.metainfo.xml" "$data/metainfo/"
cp "$root/resources/icons/timeline-annotator.svg" "$data/icons/hicolor/scalable/apps/"
for dir in "$root"/resources/icons/hicolor/*/apps; do
  size=$(basename "$(dirname "$dir")")
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$dir/timeline-annotator.png" "$data/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "installed the desktop entry for $cmd into $data"
