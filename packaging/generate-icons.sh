#!/usr/bin/env bash
# Regenerates every icon file from the source art assets/icons/roomcall.svg:
#   assets/icons/png/roomcall-<size>.png   16 … 1024 px (the set every OS picks from)
#   packaging/linux/Roomcall.png           the launcher/menu icon jpackage installs on Linux
#   packaging/windows/Roomcall.ico         16 … 256 px, for the .exe, the .msi and the shortcuts
#   packaging/macos/Roomcall.icns          16 … 1024 px, for the .app bundle and the .dmg
# Needs Debian packages librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# The outputs are committed; run this only after changing the SVG.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
svg="$root/assets/icons/roomcall.svg"
png_dir="$root/assets/icons/png"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "generate-icons: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

mkdir -p "$png_dir" "$root/packaging/linux" "$root/packaging/windows" "$root/packaging/macos"
for size in 16 20 24 32 40 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$png_dir/roomcall-$size.png"
done

cp "$png_dir/roomcall-256.png" "$root/packaging/linux/Roomcall.png"

# Windows picks the nearest size per DPI; 256 is stored PNG-compressed inside the .ico.
convert $(for s in 16 20 24 32 40 48 64 256; do echo "$png_dir/roomcall-$s.png"; done) \
  -define png:exclude-chunks=date,time "$root/packaging/windows/Roomcall.ico"

# png2icns derives each icns slot from the image's own size.
png2icns "$root/packaging/macos/Roomcall.icns" \
  $(for s in 16 32 48 128 256 512 1024; do echo "$png_dir/roomcall-$s.png"; done) >/dev/null

echo "icons written: $png_dir, packaging/{linux,windows,macos}"
