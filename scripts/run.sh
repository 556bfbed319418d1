#!/usr/bin/env bash
# Starts the whole assistant on embedded defaults: action server, Rasa server
# (SQL tracker store on a SQLite file under var/), and the web page.
# Ctrl-C stops every process this script started.
set -euo pipefail
cd "$(dirname "$0")/.."

RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8000}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
# One TensorFlow thread per Rasa server: the models are small, and extra threads
# only spin; one server per core scales instead (docs/performance.md)
export TF_INTRA_OP_PARALLELISM_THREADS="${TF_INTRA_OP_PARALLELISM_THREADS:-1}"
export TF_INTER_OP_PARALLELISM_THREADS="${TF_INTER_OP_PARALLELISM_THREADS:-1}"
# var/ holds conversations, phone numbers and keys: readable by this user only
umask 077
mkdir -p var/log

# Program facts the article never states stay unsaid until the program confirms
# them in program.yml (confirm_before_launch): say so on every start.
.venv/bin/python -m iop_assistant.program_confirm >&2

# The HTTP API's secrets: from the environment, else random ones kept in var/. Rasa
# reads them from files through iop_assistant.serve, never from its command
# line (which every user of the host can list). Prefer the JWT secret: clients send
# "Authorization: Bearer <JWT>" (docs/operations.md); ?token= still works.
for name in rasa_auth_token rasa_jwt_secret; do
  [ -s "var/$name" ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > "var/$name"
done
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then export RASA_AUTH_TOKEN_FILE="$PWD/var/rasa_auth_token"; fi
if [ -z "${RASA_JWT_SECRET:-}" ]; then export RASA_JWT_SECRET_FILE="$PWD/var/rasa_jwt_secret"; fi

# The shared secret Rasa sends the action server on every call (endpoints.yml
# headers); the action server refuses requests without it. From the environment,
# else a random one kept in var/.
if [ -z "${IOP_ACTION_SECRET:-}" ]; then
  [ -s var/action_secret ] || .venv/bin/python -c 'import secrets; print(secrets.token_hex(32))' > var/action_secret
  IOP_ACTION_SECRET="$(cat var/action_secret)"
fi
export IOP_ACTION_SECRET

# Every server listens on loopback only; IOP_BIND_HOST=0.0.0.0 opens them on purpose.
BIND_HOST="${IOP_BIND_HOST:-127.0.0.1}"

# Twilio webhooks are always signature-checked. With no real TWILIO_AUTH_TOKEN,
# a local development token (kept in var/) signs and checks them, so
# `make demo-data` can text the assistant while unsigned requests stay refused.
if [ -z "${TWILIO_AUTH_TOKEN:-}" ] && [ "${IOP_SMS_ALLOW_UNSIGNED:-}" != "1" ]; then
  [ -s var/twilio_dev_token ] || .venv/bin/python -c 'import secrets; print("dev-" + secrets.token_hex(16))' > var/twilio_dev_token
  chmod 600 var/twilio_dev_token
  export TWILIO_AUTH_TOKEN="$(cat var/twilio_dev_token)" IOP_TWILIO_DEV_TOKEN=1
  export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$RASA_PORT}"
fi

# The app database (callbacks, outbox, opt-outs): migrated once, before any process starts.
if ! .venv/bin/python -m iop_assistant.migrations upgrade > var/log/migrate.log 2>&1; then
  echo "The app database could not be migrated; see var/log/migrate.log" >&2; exit 1
fi

pids=()
TRAINER_PID=""
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # the background training runs in its own process group (setsid): stop all of it
  if [ -n "$TRAINER_PID" ]; then kill -- "-$TRAINER_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

wait_for() { # url name
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "$2 did not start; see var/log/" >&2; exit 1
}
# the web page and the console serve people too, but the assistant answers SMS, calls and
# the REST channel without them: one that fails is reported and the rest keeps running
# (round 19's role-play: a web page without its built widget stopped the Rasa server)
warn_unless_up() { # url name
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "WARNING: $2 did not start (see var/log/); the assistant itself keeps running." >&2
}

# First run (make run found no model): answer with the quick model now, train the full
# one in the background at low priority, and load it into the running server when done.
MODEL_FILE=models/iop.tar.gz
if [ "${IOP_FULL_MODEL_PENDING:-}" = "1" ]; then MODEL_FILE=models/iop-quick.tar.gz; fi

.venv/bin/python -m iop_assistant.action_server --host "$BIND_HOST" --port "$ACTIONS_PORT" > var/log/actions.log 2>&1 &
pids+=($!)
# Pages allowed to talk to Rasa (CORS): IOP_WEB_ORIGINS, else both local addresses
# of the page. All after one cors flag: Rasa keeps only the last of several such flags.
read -r -a WEB_ORIGINS <<< "$(.venv/bin/python -m iop_assistant.webpage --port "$WEB_PORT" --print-origins)"
# the same list is the socket.io channel's Origin allow-list (iop_assistant/channels/web.py)
IOP_WEB_ORIGINS="${WEB_ORIGINS[*]}" \
.venv/bin/python -m iop_assistant.serve run --enable-api --interface "$BIND_HOST" --port "$RASA_PORT" \
  --cors "${WEB_ORIGINS[@]}" \
  --model "$MODEL_FILE" --endpoints endpoints.yml --credentials credentials.yml \
  > var/log/rasa.log 2>&1 &
pids+=($!)
core_pids=("${pids[@]}")
.venv/bin/python -m iop_assistant.webpage --host "$BIND_HOST" --port "$WEB_PORT" --rasa-url "http://localhost:$RASA_PORT" \
  > var/log/web.log 2>&1 &
pids+=($!)
# the development signing token is not a Twilio credential: the worker stays in dry-run
if [ "${IOP_TWILIO_DEV_TOKEN:-}" = "1" ]; then OUTBOX_ENV=(env -u TWILIO_AUTH_TOKEN); else OUTBOX_ENV=(); fi
"${OUTBOX_ENV[@]}" .venv/bin/python -m iop_assistant.notify.worker > var/log/outbox.log 2>&1 &
pids+=($!)
CONSOLE_PORT="${CONSOLE_PORT:-8080}"
.venv/bin/python -m iop_assistant.console --host "$BIND_HOST" --port "$CONSOLE_PORT" > var/log/console.log 2>&1 &
pids+=($!)

echo "Starting the action server and the Rasa server (the model takes ~30 s to load)..."
wait_for "http://localhost:$ACTIONS_PORT/health" "The action server"
wait_for "http://localhost:$RASA_PORT/" "The Rasa server"
warn_unless_up "http://localhost:$WEB_PORT/" "The web page"
warn_unless_up "http://localhost:$CONSOLE_PORT/login" "The staff console"
if [ "$MODEL_FILE" != models/iop.tar.gz ]; then
  setsid bash -c "nice -n 10 make --no-print-directory train && \
    RASA_URL=http://localhost:$RASA_PORT .venv/bin/python -m iop_assistant.model_swap models/iop.tar.gz" \
    > var/log/train-background.log 2>&1 < /dev/null &
  TRAINER_PID=$!
  MODEL_STATE="QUICK model now; the full model is training (var/log/train-background.log) and is loaded by itself when ready"
else
  MODEL_STATE="models/iop.tar.gz"
fi
if [ "${IOP_TWILIO_DEV_TOKEN:-}" = "1" ]; then
  SMS_STATE="LOCAL ONLY: signed with the development token in var/twilio_dev_token (set TWILIO_AUTH_TOKEN for Twilio)"
elif [ -n "${TWILIO_AUTH_TOKEN:-}" ]; then
  SMS_STATE="checks Twilio signatures against PUBLIC_BASE_URL=${PUBLIC_BASE_URL:-unset}"
elif [ "${IOP_SMS_ALLOW_UNSIGNED:-}" = "1" ]; then
  SMS_STATE="SMS in DEVELOPMENT MODE: accepts unsigned requests (IOP_SMS_ALLOW_UNSIGNED=1)"
else
  SMS_STATE="refuse every request until TWILIO_AUTH_TOKEN is set (docs/sms.md, docs/voice.md)"
fi
if [ "${IOP_TWILIO_DEV_TOKEN:-}" != "1" ] && [ -n "${TWILIO_ACCOUNT_SID:-}" ] && [ -n "${TWILIO_AUTH_TOKEN:-}" ] && [ -n "${TWILIO_NUMBER:-}" ]; then
  OUTBOX_STATE="LIVE: sends texts through Twilio"
else
  OUTBOX_STATE="DRY-RUN: records texts, sends nothing (no Twilio credentials; docs/callbacks.md)"
fi
[ -n "${STAFF_ALERT_NUMBER:-}" ] || OUTBOX_STATE="$OUTBOX_STATE; STAFF_ALERT_NUMBER unset: no staff texts"
cat <<MSG

  IOP Assistant is running (embedded defaults: SQLite under var/, no accounts, no external services).

    Model:             $MODEL_STATE
    Talk to it:        http://localhost:$WEB_PORT/
    REST channel:      POST http://localhost:$RASA_PORT/webhooks/rest/webhook
    SMS webhook:       POST http://localhost:$RASA_PORT/webhooks/sms/webhook
    Voice webhook:     POST http://localhost:$RASA_PORT/webhooks/voice/webhook
                       both: $SMS_STATE
    Rasa HTTP API:     http://localhost:$RASA_PORT/  (JWT secret in var/rasa_jwt_secret, token in var/rasa_auth_token)
    Outbox worker:     $OUTBOX_STATE
    Staff console:     http://localhost:$CONSOLE_PORT/  (first admin: make console-admin USER=<name>)
    Logs:              var/log/

  Press Ctrl-C to stop everything.
MSG
wait -n "${core_pids[@]}" || true
echo "A process stopped unexpectedly; see var/log/." >&2
