#!/usr/bin/env bash
# Installs every Debian package the build and tests need. Idempotent and quiet when all are
# present; runs `apt-get update` once before installing anything missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  libprotobuf-dev libprotoc-dev protobuf-compiler
  nlohmann-json3-dev libcli11-dev doctest-dev libyaml-cpp-dev
  libclang-14-dev clang-14 libpg-query-dev postgresql-server-dev-15 libsqlite3-dev libgit2-dev
  # MySQL/MariaDB DDL runs in MariaDB's embedded server
  libmariadbd-dev
  # RE2: JSON Schema pattern matching in linear time (no catastrophic backtracking)
  libre2-dev
  libpcre2-dev
  nodejs npm
  # xmllint and python3 run the JUnit report validator (tests/validate_formats.sh)
  libxml2-utils python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node/npm may come from elsewhere (the SARIF validator only needs them on PATH).
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]+"${missing[@]}"}"; do
    [ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
