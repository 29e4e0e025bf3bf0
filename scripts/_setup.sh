# Shared set-up for scripts/run and scripts/test: finds Python 3.12+, installs the Debian
# packages the kiosk needs (when run as root), and keeps .venv in step with pyproject.toml.
# Sourced, not run: the caller sets EXTRAS ("", "test", or "test,build" for scripts/dist) and
# APT_GROUPS before sourcing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's xcb platform plugin links these; several only arrive as other packages' dependencies.
APT_RUNTIME="libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
    libxcb-shape0 libxcb-xkb1 libx11-xcb1 espeak-ng libespeak-ng1 alsa-utils"
APT_TEST="xvfb xauth dbus at-spi2-core python3-pyatspi xdotool sox"
# scripts/dist: strip and readelf (build.spec trims and strips the bundle with them).
APT_BUILD="binutils"

say() { printf '[setup] %s\n' "$*" >&2; }

need_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    printf '%s\n' "${missing[@]}"
}

install_system_packages() {
    command -v dpkg-query >/dev/null || { say "not a Debian/Ubuntu system: install the packages for Qt xcb and espeak-ng yourself"; return 0; }
    local wanted="$APT_RUNTIME"
    [[ "${APT_GROUPS:-}" == *test* ]] && wanted="$wanted $APT_TEST"
    [[ "${APT_GROUPS:-}" == *build* ]] && wanted="$wanted $APT_BUILD"
    # shellcheck disable=SC2086
    mapfile -t missing < <(need_apt_packages $wanted python3-venv)
    [[ ${#missing[@]} -eq 0 || -z "${missing[0]}" ]] && return 0
    if [[ $(id -u) -eq 0 ]]; then
        say "installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        say "missing Debian packages; run this once, then try again:"
        say "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        exit 1
    fi
}

python_ok() { "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

find_python() {
    local candidates=() c
    [[ -n "${PYTHON:-}" ]] && candidates+=("$PYTHON")
    candidates+=(python3.13 python3.12 python3)
    for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
        [[ -x "$c" ]] && candidates+=("$c")
    done
    for c in "${candidates[@]}"; do
        # pyenv shims report the global version; ask each interpreter itself.
        if command -v "$c" >/dev/null 2>&1 && python_ok "$c"; then
            command -v "$c"; return 0
        fi
    done
    say "no Python 3.12 or newer found (PySide6 6.12 crashes on 3.11)."
    say "install one (Debian 13 / Ubuntu 24.04: apt-get install python3 python3-venv), or set PYTHON=/path/to/python3.12"
    exit 1
}

# True if every extra in $1 (comma-separated) is among those in $2.
extras_cover() {
    local e
    for e in ${1//,/ }; do [[ ",$2," == *",$e,"* ]] || return 1; done
}

ensure_venv() {
    local stamp="$VENV/.installed" want hash
    hash="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    want="$hash extras=${EXTRAS:-}"
    if [[ -x "$VENV/bin/python" ]] && python_ok "$VENV/bin/python" && [[ -f "$stamp" ]] \
        && [[ "$(cut -d' ' -f1 "$stamp")" == "$hash" ]]; then
        local have
        have="$(sed -n 's/^.* extras=//p' "$stamp")"
        # A venv set up with more extras serves callers that want fewer (scripts/test after
        # scripts/dist must not throw PyInstaller away, nor rebuild the venv each time).
        extras_cover "${EXTRAS:-}" "$have" && return 0
        # Missing extras are added in place: tests/frozen runs scripts/dist from inside a
        # pytest that lives in this venv, so it must never be deleted under it.
        local union="$have"
        local e
        for e in ${EXTRAS//,/ }; do extras_cover "$e" "$union" || union="${union:+$union,}$e"; done
        say "adding the [$union] extras to $VENV"
        "$VENV/bin/python" -m pip install -q -e "$ROOT[$union]"
        echo "$hash extras=$union" > "$stamp"
        return 0
    fi
    local py
    py="$(find_python)"
    say "creating $VENV with $py"
    rm -rf "$VENV"
    "$py" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    local spec="$ROOT"
    [[ -n "${EXTRAS:-}" ]] && spec="$ROOT[$EXTRAS]"
    "$VENV/bin/python" -m pip install -q -e "$spec"
    echo "$want" > "$stamp"
}

install_system_packages
ensure_venv
