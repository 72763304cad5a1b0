#!/usr/bin/env bash
# Install the Debian packages archlex needs when they are missing: with apt-get when we are
# root, otherwise one clear line naming the package and the command to run.
# Usage: scripts/system-packages.sh PYTHON
set -euo pipefail
python="${1:-python3}"
missing=()

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "archlex needs Python 3.11 or newer; '$python' is $("$python" -V 2>&1)." >&2
  echo "Install python3.11 (Debian: apt-get install python3) or run: make PYTHON=python3.11 ..." >&2
  exit 1
fi
# Debian's python3 has no venv module until python3-venv is installed.
"$python" -c 'import ensurepip, venv' 2>/dev/null || missing+=("python3-venv")
command -v dot >/dev/null 2>&1 || missing+=("graphviz")
# Diagram labels carry Latvian and other diacritics: DejaVu has them.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=("fonts-dejavu-core")
# The Gantt chart is drawn as SVG; rsvg-convert makes the PNG the DOCX embeds.
command -v rsvg-convert >/dev/null 2>&1 || missing+=("librsvg2-bin")
# `archlex render concept --format pdf` converts the DOCX with LibreOffice (headless); the
# tests read the PDF back with poppler's pdftotext and pdfinfo.
command -v soffice >/dev/null 2>&1 || missing+=("libreoffice-writer-nogui")
command -v pdftotext >/dev/null 2>&1 || missing+=("poppler-utils")

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "archlex needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
