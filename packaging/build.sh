#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/timeline-annotator/ with PyInstaller, then smoke-test
# it. Usage: packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.0"
rm -rf build/pyinstaller dist/timeline-annotator
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/timeline-annotator.spec
packaging/smoke-test.sh dist/timeline-annotator/timeline-annotator
