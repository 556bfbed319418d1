"""``GET /webhooks/health/status`` on the Rasa server: green only when nothing is degraded.

A custom input channel (``credentials.yml``) so that it runs inside the Rasa
process and sees that process's stores and hooks. 200 with ``"status": "ok"``
when the model is loaded, both stores answer with nothing held in memory and
every hook into Rasa is installed (``rasa_hooks``: a server started with plain
``rasa run`` instead of ``python -m iop_assistant.serve`` has none); 503 with
``"status": "degraded"`` otherwise. ``GET /webhooks/health/`` is a
cheap liveness check that touches no backend.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Awaitable, Callable, Dict

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant import rasa_hooks
from iop_assistant.tracking import lock_store, tracker_store
from iop_assistant.tracking.health_state import LOCK_STORE, TRACKER_STORE, instance_name

PROBE_TIMEOUT_S = 5.0


async def _ping(check: Callable[[], Any]) -> Exception | None:
    """Run a blocking ping in a thread, bounded (a black-holed host must not hang us)."""
    try:
        await asyncio.wait_for(asyncio.to_thread(check), PROBE_TIMEOUT_S)
    except asyncio.TimeoutError:
        return TimeoutError(f"no answer within {PROBE_TIMEOUT_S:.0f} s")
    except Exception as error:  # noqa: BLE001 - any failure is "unreachable"
        return error
    return None


async def health_report(app: Any) -> Dict[str, Any]:
    """Probe both stores and describe this process; ``status`` is ok or degraded."""
    agent = getattr(app.ctx, "agent", None)
    model_loaded = bool(agent and agent.is_ready())
    trackers = tracker_store.registered()
    for store in trackers:
        error = await _ping(store.ping)
        if error is None:
            store.probe()  # writes held conversations back, on the loop like every turn
        else:
            store.health.failed("health probe", error, pending=store.pending_conversations)
    locks = lock_store.registered()
    for lock_ in locks:
        await _ping(lock_.probe)
    tracker = TRACKER_STORE.as_dict()
    tracker["configured"] = bool(trackers)
    lock = LOCK_STORE.as_dict()
    lock["configured"] = bool(locks)
    if locks:
        lock.update(locks[-1].describe())
    hooks = rasa_hooks.report()
    ok = model_loaded and tracker["configured"] and tracker["ok"] and lock["ok"]
    ok = ok and hooks["installed"]
    return {
        "status": "ok" if ok else "degraded",
        "instance": instance_name(),
        "checked_at": time.time(),
        "model_loaded": model_loaded,
        "tracker_store": tracker,
        "lock_store": lock,
        "rasa_hooks": hooks,
    }


class HealthInput(InputChannel):
    """Not a conversation channel: only the health routes."""

    @classmethod
    def name(cls) -> str:
        return "health"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        health = Blueprint("iop_health", __name__)

        @health.route("/", methods=["GET"])
        async def alive(_: Request) -> HTTPResponse:
            return response.json({"status": "alive", "instance": instance_name()})

        @health.route("/status", methods=["GET"])
        async def status(request: Request) -> HTTPResponse:
            report = await health_report(request.app)
            return response.json(report, status=200 if report["status"] == "ok" else 503)

        return health
