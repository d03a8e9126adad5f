#!/usr/bin/env bash
# Users of the integration-test server only (never the demo's staff/admin).
# Usage: add-test-users.sh WILDFLY_HOME CONFIG_DIR
set -euo pipefail
home=$1 conf=$2
"$home/bin/add-user.sh" -a -u it-staff -p it-staff-pw -g records-staff -sc "$conf" -s
"$home/bin/add-user.sh" -a -u it-admin -p it-admin-pw -g records-staff,records-admin -sc "$conf" -s
"$home/bin/add-user.sh" -a -u it-nobody -p it-nobody-pw -g guest -sc "$conf" -s
