#!/usr/bin/env bash
# All tests on a fresh Debian 12 machine: installs the Debian packages the tests need (only those missing; as
# root, or through sudo), then runs `mvn -B verify`. Machines that already have them can run `mvn -B verify` alone.
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  chromium chromium-driver              # the browser peer of the end-to-end tests
  coturn                                # TURN relay
  haproxy                               # several signaling nodes behind a load balancer
  janus                                 # the SFU that hosts rooms past the mesh
  curl openssl                          # clients the network-namespace lab and the TLS-policy tests run
  nftables iproute2                     # two homes behind NAT routers in network namespaces
  pulseaudio pulseaudio-utils libasound2-plugins  # a private sound system; the chime recorded from a null sink
  dbus                                  # a private session bus for the desktop-notification test
  xvfb xauth x11-utils imagemagick      # the window on a virtual display, screenshots, windows to share
  fonts-dejavu-core                     # the text painted on the shared test screen
  fakeroot dpkg-dev binutils            # the .deb installer
  libxtst6 libgtk-3-0 libgl1 libxxf86vm1 fonts-noto-cjk  # JavaFX on Linux, Chinese texts
)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
command -v java >/dev/null || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || packages+=(maven)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

java -version 2>&1 | head -1
chromium --version || true

mvn -B verify "$@"
