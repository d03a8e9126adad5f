#!/usr/bin/env bash
# Refreshes docs/screenshots/{dashboard,case-file,case-file-timeline,archive-runs}.png from the
# console's browser tests (headless Chromium against a fresh IT server, a case file archived
# from the sandbox). Needs chromium and chromium-driver.
# Usage: docs/screenshots/refresh.sh   (extra Maven arguments are passed on to both builds, e.g.
#   -o -Dtarget.dir=target-x -Dit.port.offset=700 -Dit.management.port=10690
#   -Dit.properties=$PWD/it/src/test/wildfly/it-console-700.properties)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -q -DskipTests install -pl health,ejb,batch,web,sandbox,ear "$@"
mvn verify -pl it \
  -Dit.test='org.penneoarchive.it.console.ArchivedCaseFileIT,org.penneoarchive.it.console.CaseFileIT,org.penneoarchive.it.console.ArchiveRunsIT' \
  -Dscreenshots.docs="$root/docs/screenshots" "$@"
ls -l docs/screenshots/*.png
