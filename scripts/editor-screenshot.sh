#!/usr/bin/env bash
# Takes docs/assets/editor-neovim.png: Neovim (Debian's) in an xterm on a virtual X display,
# editing a copy of the worked example with two mistakes, archlex lsp attached through
# editors/neovim/archlex.lua, the hover of a provision open. A manual step for the docs, not
# part of `make test`; needs: neovim xvfb xterm x11-apps imagemagick fonts-dejavu-core.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$repo/docs/assets/editor-neovim.png}"
work="$(mktemp -d)"
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

cp -r "$repo/model" "$work/model" && rm -rf "$work/model/eu"
flows="$work/model/flows/border.yaml"
sed -i '0,/    to: ESP-GW$/s//    to: ESP-GWW/' "$flows"
sed -i 's|legal_basis: \["2019/817 Art 7(2)", "2019/817 Art 9(1)"\]|legal_basis: ["2019/817 Art 7(2)", "2019/817 Art 99"]|' "$flows"

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1500x860x24 -nolisten tcp &
xvfb=$!
sleep 1
export PATH="$repo/.venv/bin:$PATH" ARCHLEX_NVIM_SETUP="$repo/editors/neovim/archlex.lua"
(cd "$work/model" && DISPLAY="$display" xterm -geometry 150x44+0+0 -fa "DejaVu Sans Mono" \
  -fs 11 -bg "#1e1e1e" -fg "#d4d4d4" -e nvim -u "$repo/editors/neovim/demo.lua" \
  +12 flows/border.yaml) &
sleep "${ARCHLEX_SCREENSHOT_AFTER:-14}"
DISPLAY="$display" xwd -root -silent | convert xwd:- -crop 1500x860+0+0 -trim +repage "$out"
echo "wrote $out"
