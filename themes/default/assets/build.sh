#!/usr/bin/env bash
# Build the default theme's stylesheet: themes/default/static/css/careers.css
#
# Installs the pinned npm packages (package-lock.json) with `npm ci`, compiles
# careers.scss with Dart Sass (compressed, no source map), removes the library
# features the theme does not use (prune-css.mjs), and checks that the result
# makes no request: no url(), no http(s) address, no @import.
#
# Usage: themes/default/assets/build.sh   (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

out_dir="../static/css"
out="$out_dir/careers.css"

# --ignore-scripts: nothing to build; sass is pure JavaScript and the only
# install script in the tree (@parcel/watcher, used by `sass --watch`) is not
# needed.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

mkdir -p "$out_dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

./node_modules/.bin/sass \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  careers.scss "$tmp/full.css"

node prune-css.mjs "$tmp/full.css" "$tmp/careers.css"

# No request may leave the site, and the theme ships no image for the CSS.
if grep -n -o -E '.{0,60}(url\(|https?:|@import).{0,60}' "$tmp/careers.css"; then
  echo "build.sh: the compiled CSS references a URL (above); refusing to write $out" >&2
  exit 1
fi

cp "$tmp/careers.css" "$out"
version="$(node -p 'require("nhsuk-frontend/package.json").version')"
echo "build.sh: wrote $out ($(wc -c <"$out") bytes) from nhsuk-frontend $version"
