# Shared by the checks that drive a browser (scripts/verify-site,
# scripts/check-cms): installing their pinned tools. Source it, then call
#   install_browser LOG         Debian's chromium and the fonts the
#                               screenshots are taken in, at the pins below
#   install_npm SRC DEST LOG    `npm ci` of SRC's package.json and lock file
#                               into DEST (DEST/node_modules), unless DEST
#                               already holds exactly that lock file
# Each writes what it does to LOG and returns non-zero if it failed.

# Pinned Debian packages.
CHROMIUM_VERSION='156.0.8078.129-1~deb12u1'
FONTS_LIBERATION_VERSION='1:1.07.4-11'

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else echo "need root to run: $*" >&2; return 1
  fi
}

tools_apt_updated=0
# apt_ensure PACKAGE VERSION LOG: install exactly VERSION unless it is
# installed. Debian's security archive keeps only the newest build of a
# package such as chromium, so when the pinned build has been superseded
# there, a newer one already installed is kept (or the archive's is
# installed) with a notice asking for the pin to be updated.
apt_ensure() {
  local pkg="$1" want="$2" log="$3" have
  have="$(dpkg-query -W -f='${Status} ${Version}' "$pkg" 2>/dev/null || true)"
  [ "$have" = "install ok installed $want" ] && return 0
  if [ "$tools_apt_updated" = 0 ]; then
    as_root apt-get update -qq >>"$log" 2>&1
    tools_apt_updated=1
  fi
  local env=(env DEBIAN_FRONTEND=noninteractive)
  local opts=(-y -qq --no-install-recommends -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confold)
  if apt-cache madison "$pkg" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$want"; then
    as_root "${env[@]}" apt-get install "${opts[@]}" --allow-downgrades "$pkg=$want" >>"$log" 2>&1
  elif [[ "$have" == "install ok installed "* ]]; then
    echo "  notice: $pkg $want (pinned) is no longer in the archive; keeping installed ${have##* } (update the pin in scripts/lib/tools.sh)"
  else
    as_root "${env[@]}" apt-get install "${opts[@]}" "$pkg" >>"$log" 2>&1
    echo "  notice: $pkg $want (pinned) is no longer in the archive; installed $(dpkg-query -W -f='${Version}' "$pkg") (update the pin in scripts/lib/tools.sh)"
  fi
}

install_browser() {
  apt_ensure chromium "$CHROMIUM_VERSION" "$1" && apt_ensure fonts-liberation "$FONTS_LIBERATION_VERSION" "$1"
}

# npm: exact versions from the committed lock file, no install scripts.
install_npm() {
  local src="$1" dest="$2" log="$3" stamp="$2/node_modules/.installed-lock"
  cmp -s "$src/package-lock.json" "$stamp" 2>/dev/null && return 0
  if [ "$src" != "$dest" ]; then
    rm -rf "$dest" && mkdir -p "$dest"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
  fi
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >>"$log" 2>&1 || return 1
  cp "$src/package-lock.json" "$stamp"
}
