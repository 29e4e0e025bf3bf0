# Shared set-up for scripts/run and scripts/test: finds a Python 3.10-3.13 (the newest one
# found, so the stock python3 of Debian 12 or Ubuntu 22.04 does when it is the only one),
# installs the Debian packages the kiosk needs (when run as root), and keeps the venv in step
# with pyproject.toml.
# Sourced, not run: the caller sets EXTRAS ("", "test", or "test,build" for scripts/dist) and
# APT_GROUPS before sourcing.
# The environment may set PYTHON (use exactly this interpreter) and KIOSK_VENV (the venv
# folder, default .venv): .ci/run keeps one venv per interpreter this way.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
[[ "$VENV" == /* ]] || VENV="$ROOT/$VENV"
# pyproject.toml's markers pick a PySide6 release for each of these; newer ones are untried
# (set PYTHON to use one anyway).
PY_MIN=10 PY_MAX=13

# Qt's xcb platform plugin links these; several only arrive as other packages' dependencies.
APT_RUNTIME="libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
    libxcb-shape0 libxcb-xkb1 libx11-xcb1 espeak-ng libespeak-ng1 alsa-utils"
# lintian checks the .deb (tests/frozen/test_deb.py); dbus-x11 brings dbus-launch, which
# tests/robust/test_faults.py needs to prove the kiosk never autolaunches a bus.
APT_TEST="xvfb xauth dbus at-spi2-core python3-pyatspi xdotool sox lintian dbus-x11"
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

# Prints the interpreter's minor version if it is a CPython 3 that can make venvs with pip
# (Debian's python3 cannot without python3-venv), else fails.
python_minor() {
    "$1" -c 'import sys, venv, ensurepip; print(sys.version_info[1]) if sys.version_info[0] == 3 else sys.exit(1)' 2>/dev/null
}

python_ok() {
    local minor
    minor="$(python_minor "$1")" || return 1
    (( minor >= PY_MIN )) && { [[ -n "${PYTHON:-}" ]] || (( minor <= PY_MAX )); }
}

find_python() {
    if [[ -n "${PYTHON:-}" ]]; then
        python_ok "$PYTHON" && { command -v "$PYTHON"; return 0; }
        say "PYTHON=$PYTHON is not a Python 3.$PY_MIN or newer that can make venvs (python3-venv missing?)"
        exit 1
    fi
    local candidates=() c best="" best_minor=-1 minor n
    for ((n = PY_MAX; n >= PY_MIN; n--)); do candidates+=("python3.$n"); done
    candidates+=(python3)
    for c in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[0-9]*/bin/python3 /usr/local/bin/python3.1[0-9] /usr/bin/python3.1[0-9]; do
        [[ -x "$c" ]] && candidates+=("$c")
    done
    for c in "${candidates[@]}"; do
        # pyenv shims report the global version (or fail); ask each interpreter itself.
        command -v "$c" >/dev/null 2>&1 || continue
        python_ok "$c" || continue
        minor="$(python_minor "$c")"
        (( minor > best_minor )) && { best="$(command -v "$c")"; best_minor=$minor; }
    done
    [[ -n "$best" ]] && { echo "$best"; return 0; }
    say "no Python 3.$PY_MIN to 3.$PY_MAX that can make venvs found."
    local stock
    if stock="$(command -v python3)" && minor="$("$stock" -c 'import sys; print(sys.version_info[1])' 2>/dev/null)"; then
        if (( minor >= PY_MIN )); then
            say "$stock is Python 3.$minor but lacks venv/ensurepip: apt-get install python3-venv (or python3.$minor-venv)"
        else
            say "$stock is Python 3.$minor, too old (Debian 11 and older, Ubuntu 20.04 and older)."
        fi
    fi
    say "install one: Debian 12+ / Ubuntu 22.04+: apt-get install python3 python3-venv; or set PYTHON=/path/to/python3.1x"
    exit 1
}

# True if every extra in $1 (comma-separated) is among those in $2.
extras_cover() {
    local e
    for e in ${1//,/ }; do [[ ",$2," == *",$e,"* ]] || return 1; done
}

ensure_venv() {
    local stamp="$VENV/.installed" hash py minor
    hash="$(sha256sum < "$ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [[ -n "${PYTHON:-}" ]]; then
        py="$(find_python)"; minor="$(python_minor "$py")"
    fi
    # The stamp's first line: pyproject hash, the venv's Python minor, the extras installed.
    if [[ -x "$VENV/bin/python" ]] && [[ -f "$stamp" ]] \
        && read -r have_hash have_py have_extras < "$stamp" \
        && [[ "$have_hash" == "$hash" ]] && [[ "$have_py" == "py=3.$(python_minor "$VENV/bin/python")" ]] \
        && [[ -z "${minor:-}" || "$have_py" == "py=3.$minor" ]]; then
        local have="${have_extras#extras=}"
        # A venv set up with more extras serves callers that want fewer (scripts/test after
        # scripts/dist must not throw PyInstaller away, nor rebuild the venv each time).
        extras_cover "${EXTRAS:-}" "$have" && return 0
        # Missing extras are added in place: tests/frozen runs scripts/dist from inside a
        # pytest that lives in this venv, so it must never be deleted under it.
        local union="$have" e
        for e in ${EXTRAS//,/ }; do extras_cover "$e" "$union" || union="${union:+$union,}$e"; done
        say "adding the [$union] extras to $VENV"
        "$VENV/bin/python" -m pip install -q -e "$ROOT[$union]"
        echo "$hash $have_py extras=$union" > "$stamp"
        return 0
    fi
    [[ -n "${py:-}" ]] || py="$(find_python)"
    minor="$(python_minor "$py")"
    say "creating $VENV with $py (Python 3.$minor)"
    rm -rf "$VENV"
    "$py" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    local spec="$ROOT"
    [[ -n "${EXTRAS:-}" ]] && spec="$ROOT[$EXTRAS]"
    "$VENV/bin/python" -m pip install -q -e "$spec"
    echo "$hash py=3.$minor extras=${EXTRAS:-}" > "$stamp"
}

# `bash scripts/_setup.sh --find-python` prints the interpreter set-up would pick (.ci/run).
if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == "--find-python" ]]; then
    find_python
    exit 0
fi
install_system_packages
ensure_venv
