#!/usr/bin/env bash
# Remove the SEN help kiosk installed by install.sh. Run as root:
#
#   sudo /opt/sen-kiosk/uninstall.sh            # remove the program; keep settings, logs, counts
#   sudo /opt/sen-kiosk/uninstall.sh --purge    # also delete the kiosk user's settings, logs, counts
#                                               # (it lists everything it will delete first, and
#                                               # on a terminal asks before deleting)
#   ./uninstall.sh --prefix /tmp/try            # undo a trial install made with --prefix
#
# Settings, logs and usage counts belong to the user account that ran the kiosk
# (~/.config/sen-kiosk, ~/.local/state/sen-kiosk, ~/.local/share/sen-kiosk); they are kept
# unless --purge is given, so a reinstall or an upgrade carries on where it left off.
set -euo pipefail

PREFIX=""
PURGE=0
KIOSK_USER=""

say() { printf '%s\n' "$*"; }
die() { printf 'uninstall.sh: %s\n' "$*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) PREFIX="${2:?--prefix needs a folder}"; shift ;;
        --prefix=*) PREFIX="${1#*=}" ;;
        --purge) PURGE=1 ;;
        --user) KIOSK_USER="${2:?--user needs a user name}"; shift ;;
        --user=*) KIOSK_USER="${1#*=}" ;;
        -h|--help) awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

[[ -n "$PREFIX" ]] && PREFIX="$(cd "$PREFIX" && pwd)"
[[ -n "$PREFIX" || $(id -u) -eq 0 ]] || die "run as root (sudo), or use --prefix DIR for a trial install"
DEST="$PREFIX/opt/sen-kiosk"
manifest="$DEST/share/installed-files"

# Everything install.sh put outside /opt/sen-kiosk, as it recorded it; the usual places if
# the record is gone.
files=()
USERS=()
[[ -n "$KIOSK_USER" ]] && USERS+=("$KIOSK_USER")
if [[ -f "$manifest" ]]; then
    while IFS= read -r line; do
        case "$line" in
            "#"*|"") ;;
            user=|former-user=) ;;
            user=*|former-user=*) USERS+=("${line#*=}") ;;
            *) files+=("$line") ;;
        esac
    done < "$manifest"
else
    files+=("$PREFIX/usr/local/bin/sen-kiosk" "$PREFIX/etc/systemd/user/sen-kiosk.service")
fi
mapfile -t USERS < <(printf '%s\n' "${USERS[@]}" | awk 'NF && !seen[$0]++')
KIOSK_USER="${USERS[0]:-}"
HOMES=()
for name in "${USERS[@]}"; do
    home="$PREFIX$(getent passwd "$name" | cut -d: -f6)"
    HOMES+=("$home")
    files+=(
        "$home/.config/systemd/user/graphical-session.target.wants/sen-kiosk.service"
        "$home/.config/autostart/sen-kiosk.desktop"
    )
done
HOME_DIR="${HOMES[0]:-}"

if [[ $PURGE -eq 1 ]]; then
    doomed=()
    [[ -d "$DEST/content" ]] && doomed+=("$DEST/content   (the staff's edited leaflet)")
    [[ -d "$PREFIX/etc/sen-kiosk" ]] && doomed+=("$PREFIX/etc/sen-kiosk   (system-wide settings and staff PIN)")
    for i in "${!USERS[@]}"; do
        for d in .config/sen-kiosk .local/state/sen-kiosk .local/share/sen-kiosk; do
            [[ -e "${HOMES[$i]}/$d" ]] && doomed+=("${HOMES[$i]}/$d   (${USERS[$i]}'s settings, logs or usage counts)")
        done
    done
    if [[ ${#doomed[@]} -gt 0 ]]; then
        say "--purge will delete, besides the program:"
        printf '  %s\n' "${doomed[@]}"
        if [[ -t 0 ]]; then
            read -r -p "Delete these? [y/N] " answer
            [[ "$answer" == [yY]* ]] || { say "Nothing deleted."; exit 1; }
        fi
    fi
fi

if [[ -z "$PREFIX" && -n "$KIOSK_USER" ]] && command -v systemctl >/dev/null; then
    # Stop a running kiosk first; fine if the user is not logged in.
    systemctl --machine="$KIOSK_USER@.host" --user stop sen-kiosk.service >/dev/null 2>&1 || true
fi

for f in "${files[@]}"; do
    if [[ -e "$f" || -L "$f" ]]; then
        rm -f "$f"
        say "removed $f"
    fi
done
if [[ -d "$DEST/content" && $PURGE -eq 0 ]]; then
    # Staff's edited leaflet: everything else goes.
    find "$DEST" -mindepth 1 -maxdepth 1 ! -name content -exec rm -rf {} +
    say "removed $DEST except $DEST/content (delete it with --purge)"
elif [[ -d "$DEST" ]]; then
    rm -rf "$DEST"
    say "removed $DEST"
fi

if [[ $PURGE -eq 1 && -d "$PREFIX/etc/sen-kiosk" ]]; then
    rm -rf "$PREFIX/etc/sen-kiosk" && say "removed $PREFIX/etc/sen-kiosk"
fi
if [[ -n "$HOME_DIR" ]]; then
    data=()
    for home in "${HOMES[@]}"; do
        data+=("$home/.config/sen-kiosk" "$home/.local/state/sen-kiosk" "$home/.local/share/sen-kiosk")
    done
    if [[ $PURGE -eq 1 ]]; then
        for d in "${data[@]}"; do
            [[ -e "$d" ]] && rm -rf "$d" && say "removed $d"
        done
    else
        for d in "${data[@]}"; do
            [[ -e "$d" ]] && say "kept $d (delete it with --purge)"
        done
    fi
elif [[ $PURGE -eq 1 ]]; then
    say "--purge: no kiosk user is recorded; give it with --user NAME to delete that user's settings"
    exit 1
fi
say "The SEN help kiosk is uninstalled."
