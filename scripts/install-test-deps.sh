#!/usr/bin/env bash
# Installs and starts what the test suite needs on a fresh Debian 12 machine (run as root).
# Idempotent and quiet: it only installs what is missing, only starts dockerd when its socket does
# not answer, and only imports the test images that are not there yet.
#   - Debian packages: docker.io, busybox-static (the test image's rootfs), redis-server (exec tests),
#     prometheus (its promtool lints the agent's /v1/metrics output)
#   - dockerd in the background, logging to .test-output/dockerd.log; its pid goes to
#     .test-output/dockerd.pid so test.sh can stop the daemon it started
#   - the images recon-test/busybox:1 and recon-test/busybox:2, imported from a busybox rootfs
#     (no registry is reachable); the two differ in /etc/recon-version so rolling updates can tell
set -euo pipefail
cd "$(dirname "$0")/.."

output_dir="$PWD/.test-output"
mkdir -p "$output_dir"
say() { echo "install-test-deps: $*" >&2; }

install_missing_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || missing+=(busybox-static)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing ${missing[*]} and not root: install them with apt-get"; return 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

docker_answers() { timeout 5 docker version >/dev/null 2>&1; }

start_dockerd() {
  docker_answers && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "the Docker engine does not answer and only root can start dockerd"; return 1
  fi
  say "starting dockerd (log: $output_dir/dockerd.log)"
  # A socket file left behind by a daemon that died keeps a new one from starting.
  rm -f /var/run/docker.sock /var/run/docker.pid
  setsid dockerd >"$output_dir/dockerd.log" 2>&1 </dev/null &
  echo $! >"$output_dir/dockerd.pid"
  for _ in $(seq 1 60); do
    docker_answers && return 0
    kill -0 "$(cat "$output_dir/dockerd.pid")" 2>/dev/null || break
    sleep 1
  done
  say "dockerd did not answer on /var/run/docker.sock; last lines of its log:"
  tail -n 20 "$output_dir/dockerd.log" >&2
  return 1
}

busybox_binary() {
  if [ -x /bin/busybox ]; then echo /bin/busybox; else command -v busybox; fi
}

import_test_image() { # tag version
  local tag=$1 version=$2
  docker image inspect "$tag" >/dev/null 2>&1 && return 0
  local rootfs
  rootfs=$(mktemp -d)
  mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/www"
  cp "$(busybox_binary)" "$rootfs/bin/busybox"
  # Relative links: `busybox --install -s` would point them at the temp dir's absolute path.
  local applet
  for applet in $("$rootfs/bin/busybox" --list); do
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
  echo "$version" >"$rootfs/etc/recon-version"
  echo "recon-test $version" >"$rootfs/www/index.html"
  echo "root:x:0:0:root:/root:/bin/sh" >"$rootfs/etc/passwd"
  echo "root:x:0:" >"$rootfs/etc/group"
  tar -C "$rootfs" -c . | docker import \
    --change 'CMD ["/bin/sh"]' --change 'ENV PATH=/bin' - "$tag" >/dev/null
  rm -rf "$rootfs"
  say "imported $tag"
}

install_missing_packages
start_dockerd
import_test_image recon-test/busybox:1 1
import_test_image recon-test/busybox:2 2
