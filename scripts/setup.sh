#!/usr/bin/env bash
# Set up Timeline Annotator on Debian: Qt's system libraries (apt, when root), a virtual
# environment in .venv, and the project with its test tools. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt needs even offscreen, then those for a real X window (xcb) and Xvfb.
QT_HEADLESS=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
QT_X11=(xvfb xauth libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
        libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
        libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1)
PYTHON_PKGS=(python3 python3-venv python3-pip)
PY=${PYTHON:-python3}
# Only for the tests (--test): validators for the desktop entry and the AppStream metadata;
# what the PyInstaller bundle test needs: objdump (binutils) and, with Debian's own Python, its
# shared libpython (Debian's python3 links it statically, the bundle needs the .so); and a
# PostgreSQL server, which the team-project tests start privately where none runs; and
# Chromium, in which TimelineJS itself renders the TimelineJS export.
TEST_PKGS=()
if [ "${1:-}" = "--test" ]; then
  TEST_PKGS=(desktop-file-utils appstream binutils postgresql chromium)
  py_bin=$(command -v "$PY" 2>/dev/null || true)
  if [ -n "$py_bin" ] && command -v dpkg >/dev/null 2>&1 \
      && dpkg -S "$(readlink -f "$py_bin")" >/dev/null 2>&1; then
    TEST_PKGS+=("libpython$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
  fi
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${QT_HEADLESS[@]}" "${QT_X11[@]}" "${PYTHON_PKGS[@]}" "${TEST_PKGS[@]+"${TEST_PKGS[@]}"}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
fi
# A Python from elsewhere (pyenv, python.org) needs no Debian python packages.
if command -v python3 >/dev/null 2>&1 && python3 -c "import ensurepip, venv" 2>/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do
    case " ${PYTHON_PKGS[*]} " in *" $pkg "*) ;; *) filtered+=("$pkg");; esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    # Stop now: without these the app or the tests would fail later with a raw ImportError.
    echo "setup: missing system packages; install them as root, then run this again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "setup: Python 3.11 or newer is required ($("$PY" --version 2>&1))" >&2; exit 1; }
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-* && touch "$stamp"
fi
