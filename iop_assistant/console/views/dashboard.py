"""Dashboard: the period's numbers in tables, with an SVG chart beside each."""

from __future__ import annotations

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant.console import charts, stats, system_health, web
from iop_assistant.console.db import app_engine, run_sync
from iop_assistant.console.settings import ConsoleSettings

bp = Blueprint("dashboard")
PERIODS = (7, 30, 90)


def _days(request: Request) -> int:
    try:
        days = int(web.query_one(request, "days", "30"))
    except ValueError:
        days = 30
    return days if days in PERIODS else 30


def _stats(settings: ConsoleSettings, days: int) -> stats.Stats:
    with app_engine(settings.database_url).connect() as conn:
        return stats.compute(conn, settings.clock().date(), days)


@bp.get("/dashboard")
@web.requires("dashboard")
async def dashboard(request: Request) -> HTTPResponse:
    days = _days(request)
    data = await run_sync(_stats, web.settings_of(request), days)
    events = await run_sync(system_health.recent_events)
    return web.render(
        request, "dashboard.html", stats=data, days=days, periods=PERIODS, health_events=events
    )


def _chart(settings: ConsoleSettings, cache: charts.ChartCache, name: str, days: int) -> bytes:
    data = _stats(settings, days)  # fresh numbers, the same the page's tables show
    key = charts.numbers_of(name, data)
    svg = cache.get(key)
    if svg is None:
        svg = charts.render(name, data)
        cache.put(key, svg)
    return svg


@bp.get("/dashboard/chart/<filename:str>")
@web.requires("dashboard")
async def chart(request: Request, filename: str) -> HTTPResponse:
    name = filename.removesuffix(".svg")
    if not filename.endswith(".svg") or name not in charts.CHARTS:
        return response.text("No such chart.", status=404)
    cache = request.app.ctx.chart_cache
    svg = await run_sync(_chart, web.settings_of(request), cache, name, _days(request))
    return response.raw(
        svg,
        content_type="image/svg+xml",
        # an SVG shown as an image runs no script; matplotlib styles it inline
        headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"},
    )
