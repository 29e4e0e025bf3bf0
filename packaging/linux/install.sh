#!/usr/bin/env bash
# Install the SEN help kiosk from the unpacked release tarball. Run as root:
#
#   sudo ./install.sh --user kiosk      # install, and start it in user kiosk's desktop session
#   sudo ./install.sh                   # install only; set up autostart for a user later
#   ./install.sh --prefix /tmp/try      # a trial install under /tmp/try (no root needed)
#   sudo ./install.sh --check           # only check this system for what the kiosk needs
#
# An upgrade with another --user moves the autostart to that account (the first account's
# settings are kept, and uninstall.sh --purge knows about both); an upgrade without --user
# keeps the account set up before.
#
# What it does (see docs/INSTALL.md):
#   /opt/sen-kiosk/                   the program, its docs, the unit/autostart files, uninstall.sh
#   /usr/local/bin/sen-kiosk          launcher (a symbolic link)
#   /etc/systemd/user/sen-kiosk.service
# and with --user NAME, in NAME's home:
#   ~/.config/systemd/user/graphical-session.target.wants/sen-kiosk.service   (enabled)
#   ~/.config/autostart/sen-kiosk.desktop
#   ~/.config/sen-kiosk/kiosk.toml    (the example settings; an existing file is kept)
# Then it checks that the system has what the kiosk takes from it, and prints the exact
# apt-get line for anything missing.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX=""
KIOSK_USER=""
CHECK_ONLY=0

# The help is the comment block at the top, up to the first line that is not a comment.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) PREFIX="${2:?--prefix needs a folder}"; shift ;;
        --prefix=*) PREFIX="${1#*=}" ;;
        --user) KIOSK_USER="${2:?--user needs a user name}"; shift ;;
        --user=*) KIOSK_USER="${1#*=}" ;;
        --check) CHECK_ONLY=1 ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

[[ -n "$PREFIX" ]] && PREFIX="$(mkdir -p "$PREFIX" && cd "$PREFIX" && pwd)"
DEST="$PREFIX/opt/sen-kiosk"
BIN="$PREFIX/usr/local/bin/sen-kiosk"
UNIT_DIR="$PREFIX/etc/systemd/user"
SRC="$HERE/sen-kiosk"
[[ -x "$SRC/sen-kiosk" ]] || die "no sen-kiosk/ folder next to install.sh: run it from the unpacked tarball"

# ------------------------------------------------------------------ prerequisites

# Debian package for a library the bundle takes from the system (see build.spec, HOST_LIBS).
# kiosk/syslibs.py holds the same table for --self-test; tests/ops/test_cli_content.py
# fails when they differ.
package_for() {
    case "$1" in
        libasound.so.*) echo libasound2 ;;
        libpulse.so.*|libpulse-simple.so.*) echo libpulse0 ;;
        libdbus-1.so.*) echo libdbus-1-3 ;;
        libfontconfig.so.*) echo libfontconfig1 ;;
        libfreetype.so.*) echo libfreetype6 ;;
        libstdc++.so.*) echo libstdc++6 ;;
        libgcc_s.so.*) echo libgcc-s1 ;;
        libxcb.so.*) echo libxcb1 ;;
        libXau.so.*) echo libxau6 ;;
        libXdmcp.so.*) echo libxdmcp6 ;;
        libEGL.so.*) echo libegl1 ;;
        libGL.so.*) echo libgl1 ;;
        libGLX.so.*) echo libglx0 ;;
        libOpenGL.so.*) echo libopengl0 ;;
        libcrypto.so.*|libssl.so.*) echo libssl3 ;;
        libz.so.*) echo zlib1g ;;
        libxcb-cursor.so.*) echo libxcb-cursor0 ;;
        libxkbcommon-x11.so.*) echo libxkbcommon-x11-0 ;;
        libxkbcommon.so.*) echo libxkbcommon0 ;;
        libxcb-icccm.so.*) echo libxcb-icccm4 ;;
        libxcb-keysyms.so.*) echo libxcb-keysyms1 ;;
        libxcb-image.so.*) echo libxcb-image0 ;;
        libxcb-render-util.so.*) echo libxcb-render-util0 ;;
        libxcb-randr.so.*) echo libxcb-randr0 ;;
        libxcb-shape.so.*) echo libxcb-shape0 ;;
        libxcb-xkb.so.*) echo libxcb-xkb1 ;;
        libX11-xcb.so.*) echo libx11-xcb1 ;;
        libespeak-ng.so.*) echo libespeak-ng1 ;;
        *) echo "" ;;
    esac
}

# Ubuntu 24.04 and Debian 13 renamed some libraries for 64-bit time (libasound2t64...).
apt_name() {
    if command -v apt-cache >/dev/null && ! apt-cache show "$1" >/dev/null 2>&1 \
        && apt-cache show "${1}t64" >/dev/null 2>&1; then
        echo "${1}t64"
    else
        echo "$1"
    fi
}

check_prerequisites() {
    local root="$1" problems=0 packages=() unknown=() line lib
    [[ "$(uname -m)" == x86_64 ]] || { say "  ! this build is for x86_64; this machine is $(uname -m)"; problems=1; }
    local glibc
    glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
    if [[ -z "$glibc" ]] || ! printf '2.34\n%s\n' "$glibc" | sort -V -C; then
        say "  ! glibc ${glibc:-unknown} is too old: the kiosk needs 2.34 or newer (Debian 12, Ubuntu 22.04 or later)"
        problems=1
    fi
    command -v aplay >/dev/null || packages+=(alsa-utils)
    [[ -f /etc/fonts/fonts.conf ]] || packages+=(fontconfig-config)
    # Whatever the bundled libraries need and neither the bundle nor the system has.
    local libpath="$root/_internal:$root/_internal/PySide6/Qt/lib"
    while IFS= read -r line; do
        lib="${line%% *}"
        local pkg
        pkg="$(package_for "$lib")"
        if [[ -n "$pkg" ]]; then packages+=("$(apt_name "$pkg")"); else unknown+=("$lib"); fi
    done < <(find "$root/_internal" -name '*.so*' -type f -print0 \
        | LD_LIBRARY_PATH="$libpath" xargs -0 ldd 2>/dev/null \
        | sed -n 's/^[[:space:]]*\([^ ]*\) => not found.*/\1/p; s/^[[:space:]]*\([^:]*\): version .* not found.*/\1/p' \
        | xargs -r -n1 basename | sort -u)
    if [[ ${#packages[@]} -gt 0 ]]; then
        mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
        say "  ! missing system packages; install them with:"
        say "      sudo apt-get update && sudo apt-get install -y ${packages[*]}"
        problems=1
    fi
    if [[ ${#unknown[@]} -gt 0 ]]; then
        say "  ! missing libraries (find the package with apt-file search NAME): ${unknown[*]}"
        problems=1
    fi
    if command -v aplay >/dev/null && ! aplay -l 2>/dev/null | grep -q '^card'; then
        say "  - no sound card found (aplay -l): reading aloud will be silent until one is connected"
    fi
    return $problems
}

if [[ $CHECK_ONLY -eq 1 ]]; then
    say "Checking this system for the kiosk's prerequisites..."
    check_prerequisites "$SRC" && say "  all present"
    exit $?
fi

# ------------------------------------------------------------------ install

[[ -n "$PREFIX" || $(id -u) -eq 0 ]] || die "run as root (sudo ./install.sh), or use --prefix DIR for a trial install"

HOME_DIR=""
if [[ -n "$KIOSK_USER" ]]; then
    id "$KIOSK_USER" >/dev/null 2>&1 || die "no user named $KIOSK_USER (create it first: adduser $KIOSK_USER)"
    HOME_DIR="$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
    [[ -n "$HOME_DIR" ]] || die "user $KIOSK_USER has no home folder"
    HOME_DIR="$PREFIX$HOME_DIR"
fi

# What an earlier install set up: its kiosk account, and accounts it was moved away from.
FORMER_USERS=()
if [[ -f "$DEST/share/installed-files" ]]; then
    while IFS= read -r line; do
        case "$line" in
            user=?*|former-user=?*) FORMER_USERS+=("${line#*=}") ;;
        esac
    done < "$DEST/share/installed-files"
fi
if [[ -z "$KIOSK_USER" && ${#FORMER_USERS[@]} -gt 0 ]]; then
    # An upgrade without --user keeps the account set up before.
    KIOSK_USER="${FORMER_USERS[0]}"
    say "Keeping the kiosk account set up before: $KIOSK_USER"
fi
if [[ -n "$KIOSK_USER" && -z "$HOME_DIR" ]]; then
    id "$KIOSK_USER" >/dev/null 2>&1 || die "no user named $KIOSK_USER (create it first: adduser $KIOSK_USER)"
    HOME_DIR="$PREFIX$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
fi
for former in "${FORMER_USERS[@]}"; do
    [[ -n "$former" && "$former" != "$KIOSK_USER" ]] || continue
    old_home="$PREFIX$(getent passwd "$former" | cut -d: -f6)"
    for f in "$old_home/.config/systemd/user/graphical-session.target.wants/sen-kiosk.service" \
        "$old_home/.config/autostart/sen-kiosk.desktop"; do
        if [[ -e "$f" || -L "$f" ]]; then
            rm -f "$f"
            say "  autostart moved away from $former: removed $f"
        fi
    done
done

say "Installing the SEN help kiosk in $DEST"
# Into a new folder, then swapped in: a running kiosk keeps its open files, and a failed
# copy never leaves half an installation behind.
mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST.new"
cp -a "$SRC" "$DEST.new"
mkdir -p "$DEST.new/docs" "$DEST.new/share"
[[ -d "$HERE/docs" ]] && cp -a "$HERE/docs/." "$DEST.new/docs/"
cp "$HERE/sen-kiosk.service" "$HERE/sen-kiosk.desktop" "$HERE/kiosk.example.toml" "$DEST.new/share/"
cp "$HERE/uninstall.sh" "$DEST.new/uninstall.sh"
chmod 755 "$DEST.new/uninstall.sh"
chown -R 0:0 "$DEST.new" 2>/dev/null || true
chmod -R go-w,a+rX "$DEST.new"
if [[ -e "$DEST" ]]; then
    # An edited leaflet that staff put next to the program (docs/INSTALL.md) survives upgrades.
    if [[ -d "$DEST/content" ]]; then
        mv "$DEST/content" "$DEST.new/content"
        say "  kept the leaflet content in $DEST/content"
    fi
    rm -rf "$DEST.old"
    mv "$DEST" "$DEST.old"
fi
mv "$DEST.new" "$DEST"
rm -rf "$DEST.old"

mkdir -p "$(dirname "$BIN")"
# Relative, so that a --prefix trial install works too.
ln -sfn "../../../opt/sen-kiosk/sen-kiosk" "$BIN"
mkdir -p "$UNIT_DIR"
install -m 644 "$HERE/sen-kiosk.service" "$UNIT_DIR/sen-kiosk.service"
say "  program:   $DEST/sen-kiosk  (launcher: $BIN)"
say "  unit:      $UNIT_DIR/sen-kiosk.service"

# Files outside /opt/sen-kiosk, for uninstall.sh.
manifest="$DEST/share/installed-files"
{
    echo "# written by install.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); read by uninstall.sh"
    echo "user=$KIOSK_USER"
    for former in "${FORMER_USERS[@]}"; do
        [[ -n "$former" && "$former" != "$KIOSK_USER" ]] && echo "former-user=$former"
    done
    echo "$BIN"
    echo "$UNIT_DIR/sen-kiosk.service"
} > "$manifest"

if [[ -n "$KIOSK_USER" ]]; then
    group="$(id -gn "$KIOSK_USER")"
    # install -d creates missing parents owned by the user too (root-owned ~/.config would
    # break the user's desktop).
    for dir in .config .config/systemd .config/systemd/user \
        .config/systemd/user/graphical-session.target.wants .config/autostart .config/sen-kiosk; do
        [[ -d "$HOME_DIR/$dir" ]] || install -d -o "$KIOSK_USER" -g "$group" -m 755 "$HOME_DIR/$dir"
    done
    wants="$HOME_DIR/.config/systemd/user/graphical-session.target.wants/sen-kiosk.service"
    ln -sfn /etc/systemd/user/sen-kiosk.service "$wants"
    chown -h "$KIOSK_USER:$group" "$wants"
    install -o "$KIOSK_USER" -g "$group" -m 644 "$HERE/sen-kiosk.desktop" \
        "$HOME_DIR/.config/autostart/sen-kiosk.desktop"
    config="$HOME_DIR/.config/sen-kiosk/kiosk.toml"
    if [[ -e "$config" ]]; then
        say "  settings:  $config (kept as it was)"
    else
        install -o "$KIOSK_USER" -g "$group" -m 644 "$HERE/kiosk.example.toml" "$config"
        say "  settings:  $config (the example; edit it, then check it with sen-kiosk --check-config)"
    fi
    say "  autostart: for user $KIOSK_USER (systemd user unit enabled, XDG autostart entry)"
    { echo "$wants"; echo "$HOME_DIR/.config/autostart/sen-kiosk.desktop"; } >> "$manifest"
fi

if [[ -z "$PREFIX" ]] && command -v systemctl >/dev/null && [[ -n "$KIOSK_USER" ]]; then
    # Only reaches a user manager that is already running (the user is logged in); the next
    # login picks the unit up anyway.
    systemctl --machine="$KIOSK_USER@.host" --user daemon-reload >/dev/null 2>&1 || true
fi

say ""
say "Checking what the kiosk needs from this system..."
if check_prerequisites "$DEST"; then
    say "  all present"
    status=0
else
    say "  The kiosk is installed, but will not start until the above is fixed."
    status=1
fi

say ""
say "Next steps:"
if [[ -n "$KIOSK_USER" ]]; then
    say "  1. Set the staff PIN (as root: it goes in /etc/sen-kiosk/kiosk.toml, which the kiosk"
    say "     account cannot change):  sudo sen-kiosk --set-pin"
    say "  2. Make $KIOSK_USER log in to the desktop automatically (docs/INSTALL.md), then reboot."
else
    say "  1. Set up autostart for the account that runs the kiosk: run this installer again with"
    say "     --user NAME (settings are kept), or by hand as in $DEST/docs/OPERATIONS.md"
    say "  2. Set the staff PIN as root:  sudo sen-kiosk --set-pin"
fi
say "  Try it in a window first:  sen-kiosk --windowed     Full guide: $DEST/docs/INSTALL.md"
exit $status
