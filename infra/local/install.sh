#!/usr/bin/env bash
# Provisions everything the local platform needs and nothing it already has:
# node_modules, Postgres/Redis/OpenSSL/Java/Maven/Python venv, fallback fonts, Chromium and Prometheus from Debian packages, the Kafka
# broker + MirrorMaker 2 jars from Maven Central, and the contract fuzzer (schemathesis) from
# PyPI. Safe to run any number of times; when everything is present it only checks and prints.
# Downloads are cached under .cache/.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"

say() { printf 'install: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- npm workspaces -------------------------------------------------------------------
# npm writes node_modules/.package-lock.json after package-lock.json on every install,
# so an older (or absent) hidden lockfile means the tree does not match the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
elif [ -n "$(find patches -newer node_modules/.package-lock.json 2>/dev/null)" ]; then
  say "patch-package (a patch in patches/ is newer than node_modules)"
  npx patch-package
  touch node_modules/.package-lock.json # the tree now matches the lockfile and the patches
else
  say "node_modules matches package-lock.json"
fi

# --- Debian packages --------------------------------------------------------------------
missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v openssl >/dev/null || missing+=(openssl)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
# The contract fuzzer's virtual environment needs venv and ensurepip (Debian splits them out).
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
# The PDF renderer's fallback fonts for Chinese, Japanese, Korean, Hebrew and Arabic names (render/fonts.ts).
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || missing+=(fonts-nanum)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The web app's browser tests drive Debian's Chromium (Playwright's own download is unreachable here).
command -v chromium >/dev/null || missing+=(chromium)
# Tests load the alerting rules and every dashboard query into a real Prometheus (promtool comes with it).
command -v prometheus >/dev/null && command -v promtool >/dev/null || missing+=(prometheus)
if [ "${#missing[@]}" -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  say "postgres, redis-server, openssl, java, mvn, python3-venv, the fallback fonts, chromium and prometheus are installed"
fi

# --- Kafka jars ---------------------------------------------------------------------------
pom="infra/local/kafka/pom.xml"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom")"
libs=".cache/kafka/$kafka_version/libs"
if [ -f "$libs/kafka_2.13-$kafka_version.jar" ]; then
  say "Kafka $kafka_version jars present in $libs"
else
  say "downloading Kafka $kafka_version jars from Maven Central into $libs"
  # Copy into a scratch folder and rename it, so an interrupted download never looks complete.
  partial="$libs.partial"
  rm -rf "$partial"
  mkdir -p "$(dirname "$libs")"
  # Maven's -q output is only stray colour codes when it works, so show it only when it fails.
  if ! mvn_output="$(mvn -q -B -Dmaven.repo.local="$repo/.cache/m2" -f "$pom" \
    dependency:copy-dependencies -DoutputDirectory="$repo/$partial" 2>&1)"; then
    printf '%s\n' "$mvn_output" >&2
    say "Maven could not resolve the Kafka jars (see above)"
    exit 1
  fi
  rm -rf "$libs"
  mv "$partial" "$libs"
  say "Kafka $kafka_version: $(find "$libs" -name '*.jar' | wc -l) jars"
fi

# --- contract fuzzer ----------------------------------------------------------------------
# schemathesis and every package it needs, pinned with hashes, in a virtual environment of its own.
# The stamp (the requirements file's checksum) is written last, so an interrupted install, or one
# from an older requirements file, is done again from scratch. Wheels only: nothing is compiled.
requirements="infra/local/contract/requirements.txt"
venv=".cache/contract/venv"
stamp="$venv/requirements.sha256"
schemathesis_version="$(sed -n 's/^schemathesis==\([^ ]*\).*/\1/p' "$requirements")"
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -x "$venv/bin/schemathesis" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] &&
  "$venv/bin/python" -c '' 2>/dev/null; then
  say "schemathesis $schemathesis_version present in $venv"
else
  say "installing schemathesis $schemathesis_version from PyPI into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  PIP_CACHE_DIR="$repo/.cache/pip" PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$venv/bin/pip" install --quiet --require-hashes --only-binary :all: -r "$requirements"
  printf '%s\n' "$wanted" >"$stamp"
  say "$("$venv/bin/schemathesis" --version)"
fi

# --- Jaeger ---------------------------------------------------------------------------------
# cmd/jaeger, the version pinned (with go.sum) by the tools module infra/local/jaeger, built from
# the Go module proxy only (ADR 0040). Go's module and build caches live under .cache/go, so a CI
# cache of .cache keeps rebuilds cheap; the binary is built into a scratch name and renamed, so an
# interrupted build never looks complete.
jaeger_version="$(sed -n 's:^[[:space:]]*github.com/jaegertracing/jaeger \(v[^ ]*\).*:\1:p' infra/local/jaeger/go.mod)"
jaeger=".cache/jaeger/$jaeger_version/jaeger"
if [ -x "$jaeger" ]; then
  say "Jaeger $jaeger_version present in $jaeger"
else
  go_bin="$(command -v go || true)"
  [ -n "$go_bin" ] || [ ! -x /usr/local/go/bin/go ] || go_bin=/usr/local/go/bin/go
  if [ -z "$go_bin" ]; then
    say "Go is not installed (needed once, to build Jaeger $jaeger_version): install Go 1.26 into /usr/local/go"
    exit 1
  fi
  say "building Jaeger $jaeger_version with $("$go_bin" version | cut -d' ' -f3) (the first build takes minutes)"
  mkdir -p "$(dirname "$jaeger")"
  (cd infra/local/jaeger &&
    GOPROXY=https://proxy.golang.org GOTOOLCHAIN=local GOFLAGS=-modcacherw \
      GOMODCACHE="$repo/.cache/go/mod" GOCACHE="$repo/.cache/go/build" \
      "$go_bin" build -trimpath -o "$repo/$jaeger.partial" github.com/jaegertracing/jaeger/cmd/jaeger)
  mv "$jaeger.partial" "$jaeger"
  say "Jaeger $jaeger_version built into $jaeger"
fi
