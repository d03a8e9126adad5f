#!/usr/bin/env bash
# Refreshes docs/screenshots/{dashboard,case-file}.png from the console's browser tests
# (headless Chromium against a fresh IT server). Needs chromium and chromium-driver.
# Usage: docs/screenshots/refresh.sh   (extra Maven arguments are passed on)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -DskipTests install -pl health,ejb,batch,web,sandbox,ear "$@"
mvn verify -pl it -Dit.test='org.penneoarchive.it.console.CaseFileIT' \
  -Dscreenshots.docs="$root/docs/screenshots" "$@"
ls -l docs/screenshots/*.png
