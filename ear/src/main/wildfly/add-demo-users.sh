#!/usr/bin/env bash
# Demo users of CONTRACT.md, written only into the demo server's configuration directory.
# Usage: add-demo-users.sh WILDFLY_HOME CONFIG_DIR
set -euo pipefail
home=$1 conf=$2
"$home/bin/add-user.sh" -a -u staff -p staff -g records-staff -sc "$conf" -s
"$home/bin/add-user.sh" -a -u admin -p admin -g records-staff,records-admin -sc "$conf" -s
