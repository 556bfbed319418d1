#!/usr/bin/env bash
# Scale-out on one machine: PostgreSQL and Redis (throwaway, under var/scale/),
# two Rasa servers and two action servers behind nginx, the page server.
# Same code as `make run`; only environment variables differ. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
# One TensorFlow thread per Rasa server: the models are small, and extra threads
# only spin; one server per core scales instead (docs/performance.md)
export TF_INTRA_OP_PARALLELISM_THREADS="${TF_INTRA_OP_PARALLELISM_THREADS:-1}"
export TF_INTER_OP_PARALLELISM_THREADS="${TF_INTER_OP_PARALLELISM_THREADS:-1}"
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx-light" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is needed" >&2; exit 1; }
DEMO=var/scale
mkdir -p "$DEMO/log"
NGINX_PORT="${NGINX_PORT:-8085}"
WEB_PORT="${WEB_PORT:-8001}"

# PostgreSQL (data under /tmp/iop-pg-*: the postgres user must reach it), Redis
# and the nginx config, by the same helper the tests use;
# it prints the environment the servers need and stays up until it gets SIGTERM
.venv/bin/python - "$DEMO" "$NGINX_PORT" > "$DEMO/env" 2> "$DEMO/log/services.log" <<'PY' &
import os, signal, sys, time
from pathlib import Path
from devtools.local_services import Nginx, Postgres, Redis
from devtools.ports import free_port
demo, port = Path(sys.argv[1]), int(sys.argv[2])
pg = Postgres.temporary().init()
redis = nginx = None
def shutdown():
    for service in (nginx, redis, pg):
        if service is not None:
            service.stop()
def stop(*_):
    shutdown()
    sys.exit(0)
try:
    redis = Redis(demo / "redis").start()
    rasa, actions = [free_port(), free_port()], [free_port(), free_port()]
    nginx = Nginx(demo / "nginx", rasa, actions, port=port).start()
except BaseException:
    shutdown()
    raise
print(f"TRACKER_DB_URL={pg.create_database('tracker')}")
print(f"DATABASE_URL={pg.create_database('app')}")
print(f"REDIS_URL={redis.url}")
print(f"RASA_PORTS='{rasa[0]} {rasa[1]}'")
print(f"ACTION_PORTS='{actions[0]} {actions[1]}'")
print(f"ACTIONS_VIA_NGINX={nginx.actions_port}")
print("READY=1", flush=True)
signal.signal(signal.SIGTERM, stop); signal.signal(signal.SIGINT, stop)
while True:
    time.sleep(3600)
PY
services=$!
pids=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  kill "$services" 2>/dev/null || true; wait "$services" 2>/dev/null || true
}
trap stop_all INT TERM EXIT
for _ in $(seq 1 120); do grep -q READY=1 "$DEMO/env" 2>/dev/null && break; sleep 0.5; done
grep -q READY=1 "$DEMO/env" || { echo "PostgreSQL/Redis/nginx did not start: $DEMO/log/services.log" >&2; exit 1; }
# shellcheck disable=SC1090
set -a; source "$DEMO/env"; set +a
# the HTTP API's secrets reach Rasa from files (iop_assistant.serve), not argv
for name in rasa_auth_token rasa_jwt_secret; do
  [ -s "var/$name" ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > "var/$name"
done
export RASA_AUTH_TOKEN_FILE="$PWD/var/rasa_auth_token" RASA_JWT_SECRET_FILE="$PWD/var/rasa_jwt_secret"
# the shared secret Rasa sends the action servers (endpoints.yml headers), as make run
[ -n "${IOP_ACTION_SECRET:-}" ] || { [ -s var/action_secret ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > var/action_secret; IOP_ACTION_SECRET="$(cat var/action_secret)"; }
export IOP_ACTION_SECRET
BIND_HOST="${IOP_BIND_HOST:-127.0.0.1}"  # loopback unless opened on purpose
export PUBLIC_BASE_URL="http://localhost:$NGINX_PORT" IOP_HEALTH_EVENTS_FILE="$DEMO/health_events.jsonl"
.venv/bin/python -m iop_assistant.migrations upgrade > "$DEMO/log/migrate.log" 2>&1
sed "s#http://localhost:5055/webhook#http://127.0.0.1:$ACTIONS_VIA_NGINX/webhook#" endpoints.yml > "$DEMO/endpoints.yml"

i=0
for port in $ACTION_PORTS; do
  i=$((i + 1)); .venv/bin/python -m iop_assistant.action_server --host "$BIND_HOST" --port "$port" > "$DEMO/log/actions$i.log" 2>&1 & pids+=($!)
done
# Pages allowed to talk to Rasa (CORS): IOP_WEB_ORIGINS, else both local addresses
# of the page. All after one cors flag: Rasa keeps only the last of several such flags.
read -r -a WEB_ORIGINS <<< "$(.venv/bin/python -m iop_assistant.webpage --port "$WEB_PORT" --print-origins)"
i=0
for port in $RASA_PORTS; do
  i=$((i + 1))
  IOP_WEB_ORIGINS="${WEB_ORIGINS[*]}" \
  .venv/bin/python -m iop_assistant.serve run --enable-api --interface "$BIND_HOST" --port "$port" \
    --cors "${WEB_ORIGINS[@]}" --model models/iop.tar.gz \
    --endpoints "$DEMO/endpoints.yml" --credentials credentials.yml > "$DEMO/log/rasa$i.log" 2>&1 &
  pids+=($!)
done
.venv/bin/python -m iop_assistant.webpage --host "$BIND_HOST" --port "$WEB_PORT" --rasa-url "http://localhost:$NGINX_PORT" \
  > "$DEMO/log/web.log" 2>&1 & pids+=($!)

echo "Starting 2 action servers and 2 Rasa servers (each loads the model: about a minute)..."
for port in $RASA_PORTS; do
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/webhooks/health/status" 2>/dev/null && break; sleep 1
  done
done
cat <<MSG

  IOP Assistant, scale-out demo (PostgreSQL + Redis + nginx, all under $DEMO/):

    Talk to it:        http://localhost:$WEB_PORT/   (socket.io through nginx :$NGINX_PORT)
    REST via nginx:    POST http://localhost:$NGINX_PORT/webhooks/rest/webhook
    Health, each:      $(for p in $RASA_PORTS; do printf 'http://127.0.0.1:%s/webhooks/health/status  ' "$p"; done)
    Tracker store:     ${TRACKER_DB_URL}
    Lock store:        ${REDIS_URL}
    Health events:     $DEMO/health_events.jsonl
    Logs:              $DEMO/log/

  Press Ctrl-C to stop everything.
MSG
wait -n "${pids[@]}" || true
echo "A process stopped unexpectedly; see $DEMO/log/." >&2
