#!/bin/sh
# Makes roomcall.jsa, Roomcall's AppCDS archive, next to this script: the classes a start loads
# (roomcall.classlist, recorded when the package was built), parsed once so that every start maps
# them instead. JDK 17 archives name the jar by its absolute path, so this runs where the app is
# installed: from the .deb's postinst, or by hand for an unpacked copy. Takes about 3 s.
set -eu
app_dir=$(cd "$(dirname "$0")" && pwd -P)
[ -f "$app_dir/roomcall.classlist" ] || exit 0
rm -f "$app_dir/roomcall.jsa"
# The jar path must be spelled exactly as the launcher spells it: $APPDIR/roomcall.jar.
"$app_dir/../runtime/bin/java" -Xshare:dump -Xlog:disable -Xlog:all=error:stderr \
  -XX:SharedClassListFile="$app_dir/roomcall.classlist" \
  -XX:SharedArchiveFile="$app_dir/roomcall.jsa" \
  -cp "$app_dir/roomcall.jar" >/dev/null
chmod 644 "$app_dir/roomcall.jsa"
