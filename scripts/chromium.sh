#!/bin/sh
# Runs Debian's chromium (or CHROMIUM_PATH) with every --disable-features list it is given merged
# into one. Chromium keeps only the last --disable-features switch, and Playwright passes its own
# list before the flags of scripts/lib/chromium.ts: without the merge one of them would be lost.
features=''
for arg do
  shift
  case $arg in
    --disable-features=*) features="${features:+$features,}${arg#--disable-features=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" ${features:+"--disable-features=$features"} "$@"
