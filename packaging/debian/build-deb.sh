#!/usr/bin/env bash
# Build the Debian package from a built bundle (scripts/dist calls this):
#
#   packaging/debian/build-deb.sh dist/sen-kiosk VERSION OUT_DIR
#
# The package puts the program in /usr/lib/sen-kiosk (Debian packages do not use /opt), the
# launcher in /usr/bin, the systemd user unit in /usr/lib/systemd/user, and starts the kiosk
# only for the account named in /etc/default/sen-kiosk (see docs/INSTALL.md). Its Depends are
# worked out from the bundle: every shared library a bundled file needs and the bundle does
# not carry, mapped to the Debian package that provides it on this (the build) machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="$(cd "${1:?bundle folder}" && pwd)"
VERSION="${2:?version}"
OUT="$(mkdir -p "${3:?output folder}" && cd "$3" && pwd)"
ARCH="$(dpkg --print-architecture)"
NAME=sen-kiosk
LIB="usr/lib/$NAME"
# Who answers for this package: set DEBFULLNAME and DEBEMAIL to the council's packager.
MAINTAINER="${DEBFULLNAME:-SEN help kiosk packagers} <${DEBEMAIL:-sen-kiosk@example.org}>"
# xz makes the smallest download; tests pass DEB_COMPRESSION="gzip -z1" to build fast.
read -r -a COMPRESSION <<< "${DEB_COMPRESSION:-xz}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/root"
mkdir -p "$stage/$LIB" "$stage/usr/bin" "$stage/usr/lib/systemd/user" "$stage/usr/libexec/$NAME" \
    "$stage/etc/default" "$stage/etc/xdg/autostart" "$stage/usr/share/doc/$NAME" "$stage/DEBIAN"
cp -a "$BUNDLE/." "$stage/$LIB/"
ln -s "../lib/$NAME/$NAME" "$stage/usr/bin/$NAME"

# The tarball's unit, pointed at this package's paths, run only for the kiosk account.
sed -e "s|file:///opt/sen-kiosk/docs/OPERATIONS.md|file:///usr/share/doc/$NAME/OPERATIONS.md|" \
    -e "s|/opt/sen-kiosk/sen-kiosk|/$LIB/$NAME|g" "$ROOT/packaging/linux/sen-kiosk.service" \
    | awk -v check="/usr/libexec/$NAME/is-kiosk-user" '{ print }
        /^\[Service\]/ {
            print "# Runs only in the session of an account named in /etc/default/sen-kiosk."
            print "ExecCondition=" check
        }' > "$stage/usr/lib/systemd/user/$NAME.service"
install -m 644 "$ROOT/packaging/linux/sen-kiosk.desktop" "$stage/etc/xdg/autostart/$NAME.desktop"
install -m 644 "$HERE/default" "$stage/etc/default/$NAME"
install -m 755 "$HERE/is-kiosk-user" "$stage/usr/libexec/$NAME/is-kiosk-user"

doc="$stage/usr/share/doc/$NAME"
cp "$ROOT/docs/INSTALL.md" "$ROOT/docs/OPERATIONS.md" "$ROOT/docs/settings.md" \
    "$ROOT/packaging/linux/kiosk.example.toml" "$doc/"
cp "$ROOT/README.md" "$doc/README.md"
{
    echo "sen-kiosk: the SEN help kiosk"
    echo
    echo "The program is under the MIT licence:"
    echo
    cat "$ROOT/LICENSE"
    echo
    echo "It bundles third-party software (Python, Qt/PySide6, eSpeak NG and others), each under"
    echo "its own licence: see /$LIB/THIRD-PARTY-NOTICES.txt and /$LIB/licenses/."
} > "$doc/copyright"
{
    echo "$NAME ($VERSION) stable; urgency=medium"
    echo
    echo "  * Release $VERSION (changes: the project's CHANGELOG.md)."
    echo
    echo " -- $MAINTAINER  $(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} | gzip -9n > "$doc/changelog.gz"
mkdir -p "$stage/usr/share/lintian/overrides"
install -m 644 "$HERE/lintian-overrides" "$stage/usr/share/lintian/overrides/$NAME"
chmod -R go-w,a+rX "$stage"
# Shared libraries are loaded, never run: no execute bit (Debian policy 10.2).
find "$stage/$LIB" -type f -name '*.so*' -exec chmod 644 {} +

# --- Depends: what the bundle needs from the system -------------------------------------
elfs=()
while IFS= read -r -d '' f; do
    [[ "$(head -c4 "$f" | od -An -tx1 | tr -d ' ')" == 7f454c46 ]] && elfs+=("$f")
done < <(find "$stage/$LIB" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
mapfile -t bundled < <(find "$stage/$LIB" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)
mapfile -t needed < <(for f in "${elfs[@]}"; do readelf -d -W "$f" 2>/dev/null \
    | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u)
packages=()
for soname in "${needed[@]}"; do
    printf '%s\n' "${bundled[@]}" | grep -qxF "$soname" && continue
    owner="$(dpkg-query -S "*/$soname" 2>/dev/null | head -n1 | cut -d: -f1 || true)"
    [[ -n "$owner" ]] || { echo "build-deb.sh: no Debian package provides $soname" >&2; exit 1; }
    packages+=("$owner")
done
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
depends=()
for pkg in "${packages[@]}"; do
    case "$pkg" in
        libc6) depends+=("libc6 (>= 2.34)") ;;  # Qt 6.12's floor
        libasound2) depends+=("libasound2 | libasound2t64") ;;
        *) depends+=("$pkg") ;;
    esac
done
# aplay plays the speech.
depends+=("alsa-utils")
DEPENDS="$(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')"

size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
cat > "$stage/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $size
Depends: $DEPENDS
Recommends: fonts-dejavu-core
Section: misc
Priority: optional
Description: touchscreen kiosk for the SENDIASS Rutland SEN leaflet
 A fullscreen touchscreen kiosk showing the leaflet "What If I Do Not Agree
 With Decisions About SEN Provision?" as cards, with read-aloud, an audio
 mode for blind visitors, idle reset, lockdown and a staff PIN.
 .
 Name the account that runs the kiosk in /etc/default/sen-kiosk; the kiosk
 then starts in that account's desktop session. System-wide settings go in
 /etc/sen-kiosk/kiosk.toml.
CONTROL
printf '/etc/default/%s\n/etc/xdg/autostart/%s.desktop\n' "$NAME" "$NAME" > "$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    install -m 755 "$HERE/$script" "$stage/DEBIAN/$script"
done
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$stage/DEBIAN/md5sums" "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles"

deb="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group "-Z${COMPRESSION[0]}" "${COMPRESSION[@]:1}" --build "$stage" "$deb" >/dev/null
echo "$deb"
