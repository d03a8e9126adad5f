#!/usr/bin/env bash
# Runs Penneo's own Postman collections against the sandbox with newman, changing only their
# collection variables (and the upload file of "Send Casefile"). Builds nothing.
#
# Usage: sandbox/postman/run-collections.sh POSTMAN_FOLDER
#   POSTMAN_FOLDER  holds penneo-api.postman_collection.json and penneo-webhooks.postman_collection.json
# Environment (all optional):
#   SANDBOX_WAR   the built WAR            (default: sandbox/target/penneo-sandbox.war)
#   WILDFLY_HOME  an unpacked WildFly 38   (default: ear/target/wildfly-38.0.1.Final)
#   SERVER_DIR    server base directory    (default: sandbox/target/postman-server, recreated)
#   PORT_OFFSET   WildFly port offset      (default: 400, so HTTP 8480, management 10390)
#
# Starts its own WildFly (loopback only) and always stops it by PID. Fails if newman fails, if an
# assertion of either collection never ran (a skipped or conditional one, e.g. a job poll that
# stayed pending), or if the job poll did not report "completed". Prints "N passed, 0 failed".
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 POSTMAN_FOLDER" >&2
  exit 2
fi
postman_dir=$(cd "$1" && pwd)
repo=$(cd "$(dirname "$0")/../.." && pwd)
war=${SANDBOX_WAR:-$repo/sandbox/target/penneo-sandbox.war}
wildfly=${WILDFLY_HOME:-$repo/ear/target/wildfly-38.0.1.Final}
server_dir=${SERVER_DIR:-$repo/sandbox/target/postman-server}
offset=${PORT_OFFSET:-400}
http_port=$((8080 + offset))
base_url="http://127.0.0.1:$http_port/penneo-sandbox"

for f in penneo-api.postman_collection.json penneo-webhooks.postman_collection.json; do
  [ -f "$postman_dir/$f" ] || { echo "missing $postman_dir/$f" >&2; exit 2; }
done
[ -f "$war" ] || { echo "no WAR at $war (build the sandbox module first, or set SANDBOX_WAR)" >&2; exit 2; }
[ -x "$wildfly/bin/standalone.sh" ] || { echo "no WildFly at $wildfly (set WILDFLY_HOME)" >&2; exit 2; }
command -v newman >/dev/null || { echo "newman is not installed (npm install -g newman)" >&2; exit 2; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$http_port") 2>/dev/null; then
  echo "port $http_port is already in use: set PORT_OFFSET" >&2
  exit 2
fi

# A fresh server base directory: configuration from the unpacked server, the WAR to deploy.
rm -rf "$server_dir"
mkdir -p "$server_dir/deployments" "$server_dir/work"
cp -r "$wildfly/standalone/configuration" "$server_dir/configuration"
cp "$war" "$server_dir/deployments/penneo-sandbox.war"
work="$server_dir/work"

java_pid=""
script_pid=""
stop_server() {
  if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
    kill -TERM "$java_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$java_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$java_pid" 2>/dev/null || true
  fi
  if [ -n "$script_pid" ] && kill -0 "$script_pid" 2>/dev/null; then
    kill -TERM "$script_pid" 2>/dev/null || true
  fi
}
trap stop_server EXIT

echo "Starting WildFly for the sandbox at $base_url (log: $server_dir/log/server.log)"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$work/wildfly.pid" \
  "$wildfly/bin/standalone.sh" -c standalone-full.xml \
  -Djboss.server.base.dir="$server_dir" \
  -Djboss.socket.binding.port-offset="$offset" \
  -b 127.0.0.1 -bmanagement 127.0.0.1 >"$work/console.log" 2>&1 &
script_pid=$!

deadline=$((SECONDS + 180))
until [ -s "$work/wildfly.pid" ]; do
  [ $SECONDS -lt $deadline ] || { echo "WildFly did not start" >&2; exit 1; }
  kill -0 "$script_pid" 2>/dev/null || { echo "WildFly exited; see $work/console.log" >&2; exit 1; }
  sleep 0.5
done
java_pid=$(cat "$work/wildfly.pid")
until [ -f "$server_dir/deployments/penneo-sandbox.war.deployed" ]; do
  if [ -f "$server_dir/deployments/penneo-sandbox.war.failed" ]; then
    echo "the sandbox failed to deploy:" >&2
    cat "$server_dir/deployments/penneo-sandbox.war.failed" >&2
    exit 1
  fi
  [ $SECONDS -lt $deadline ] || { echo "the sandbox did not deploy in time" >&2; exit 1; }
  kill -0 "$java_pid" 2>/dev/null || { echo "WildFly exited; see $work/console.log" >&2; exit 1; }
  sleep 0.5
done
echo "Sandbox deployed (WildFly PID $java_pid)"

# Temporary copies: only the collection variables and the upload's src change. The PDF holds the
# time so that a second run is not refused as a duplicate submission.
node - "$postman_dir" "$work" "$base_url" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir, work, base] = process.argv.slice(2);
const pdfPath = path.join(work, 'contract.pdf');
const text = 'Contract generated ' + new Date().toISOString();
const content = 'BT /F1 12 Tf 72 720 Td (' + text + ') Tj ET';
const objs = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  '<< /Length ' + content.length + ' >>\nstream\n' + content + '\nendstream',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];
let pdf = '%PDF-1.4\n';
const offsets = [];
objs.forEach((o, i) => { offsets.push(pdf.length); pdf += (i + 1) + ' 0 obj\n' + o + '\nendobj\n'; });
const xref = pdf.length;
pdf += 'xref\n0 ' + (objs.length + 1) + '\n0000000000 65535 f \n';
offsets.forEach(o => { pdf += String(o).padStart(10, '0') + ' 00000 n \n'; });
pdf += 'trailer\n<< /Size ' + (objs.length + 1) + ' /Root 1 0 R >>\nstartxref\n' + xref + '\n%%EOF\n';
fs.writeFileSync(pdfPath, pdf, 'latin1');

const values = {
  baseUrl: base, authUrl: base,
  clientId: 'sandbox-client', clientSecret: 'sandbox-client-secret',
  apiKey: 'user-key', apiSecret: 'user-secret',
  webhookEndpoint: base + '/control/sink',
};
for (const name of ['penneo-api', 'penneo-webhooks']) {
  const c = JSON.parse(fs.readFileSync(path.join(dir, name + '.postman_collection.json'), 'utf8'));
  for (const v of c.variable || []) {
    if (Object.prototype.hasOwnProperty.call(values, v.key)) v.value = values[v.key];
  }
  const walk = items => items.forEach(it => {
    if (it.item) return walk(it.item);
    const body = it.request && it.request.body;
    if (body && body.mode === 'formdata') {
      body.formdata.filter(p => p.type === 'file').forEach(p => { p.src = pdfPath; });
    }
  });
  walk(c.item);
  fs.writeFileSync(path.join(work, name + '.json'), JSON.stringify(c));
}
JS

status=0
for name in penneo-api penneo-webhooks; do
  echo "== newman: $name"
  newman run "$work/$name.json" --reporters cli,json \
    --reporter-json-export "$work/$name-report.json" || status=1
done

# Every assertion of both collections must have run and passed, except the ones that exist only
# to fail (their body is pm.expect.fail); the job poll must have said "completed".
node - "$postman_dir" "$work" <<'JS' || status=1
const fs = require('fs');
const path = require('path');
const [dir, work] = process.argv.slice(2);
let passed = 0, failed = 0;
const problems = [];
for (const name of ['penneo-api', 'penneo-webhooks']) {
  const collection = JSON.parse(fs.readFileSync(path.join(dir, name + '.postman_collection.json'), 'utf8'));
  const reportFile = path.join(work, name + '-report.json');
  if (!fs.existsSync(reportFile)) { problems.push(name + ': no newman report'); continue; }
  const run = JSON.parse(fs.readFileSync(reportFile, 'utf8')).run;
  const expected = [];
  const walk = items => items.forEach(it => {
    if (it.item) return walk(it.item);
    for (const ev of it.event || []) {
      if (ev.listen !== 'test') continue;
      const src = ev.script.exec.join('\n');
      const re = /pm\.test\(\s*(['"])(.*?)\1\s*,\s*function\s*\(\)\s*\{([\s\S]*?)\n\s*\}\);/g;
      let m;
      while ((m = re.exec(src)) !== null) {
        if (!/pm\.expect\.fail/.test(m[3])) expected.push(it.name + ' / ' + m[2]);
      }
    }
  });
  walk(collection.item);
  const ran = new Map();
  for (const ex of run.executions) {
    for (const a of ex.assertions || []) {
      const key = ex.item.name + ' / ' + a.assertion;
      if (a.skipped) { problems.push(name + ': skipped: ' + key); continue; }
      if (a.error) { failed++; problems.push(name + ': failed: ' + key + ': ' + a.error.message); }
      else { passed++; }
      ran.set(key, true);
    }
    if (ex.item.name === '3. Poll Job Status' && ex.response && ex.response.stream) {
      const body = JSON.parse(Buffer.from(ex.response.stream.data).toString('utf8'));
      if (body.jobStatus !== 'completed') problems.push(name + ': the job poll said ' + body.jobStatus);
    }
  }
  for (const key of expected) if (!ran.has(key)) problems.push(name + ': never ran: ' + key);
  const stats = run.stats.assertions;
  if (stats.failed > 0 || stats.pending > 0) problems.push(name + ': newman counted ' + stats.failed + ' failed, ' + stats.pending + ' pending');
  if (run.failures.length > 0) problems.push(name + ': ' + run.failures.length + ' newman failures');
}
problems.forEach(p => console.error('PROBLEM ' + p));
console.log(passed + ' passed, ' + failed + ' failed' + (problems.length ? ' (' + problems.length + ' problems)' : ''));
process.exit(problems.length === 0 && failed === 0 ? 0 : 1);
JS

exit $status
