"""Server-rendered SVG charts (matplotlib, Agg backend), cached for a few minutes.

Why server-side: no chart library in the browser, nothing for the CSP to
allow, and the same numbers sit in a table beside each chart for screen readers.
"""

from __future__ import annotations

import io
import threading
import time
from typing import Dict, List, Sequence, Tuple

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from iop_assistant.console.stats import Stats  # noqa: E402

CACHE_SECONDS = 300
CHARTS = ("per_day", "intents", "outcomes", "callbacks")
_lock = threading.Lock()  # pyplot is not thread-safe
plt.rcParams.update({"svg.fonttype": "none", "font.size": 9})


def plain(label: object) -> str:
    """A label matplotlib draws as written: "$" would start mathtext (and can raise)."""
    return str(label).replace("\\", "\\\\").replace("$", r"\$")


def _svg(fig: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _bars(labels: Sequence[str], values: Sequence[int], title: str, horizontal: bool) -> bytes:
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    labels = [plain(label) for label in labels]
    if horizontal:
        ax.barh(list(labels)[::-1], list(values)[::-1], color="#3b6ea5")
    else:
        ax.bar(list(labels), list(values), color="#3b6ea5")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _per_day(stats: Stats) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 3.2))
    bottom = [0] * len(stats.days)
    x = list(range(len(stats.days)))
    for channel in stats.channels:
        values = [stats.per_day.get(d, {}).get(channel, 0) for d in stats.days]
        ax.bar(x, values, bottom=bottom, label=plain(channel))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, len(x) // 8)
    ax.set_xticks(x[::step])
    ax.set_xticklabels([d[5:] for d in stats.days][::step])
    ax.set_title("Conversations per day by channel")
    if stats.channels:
        ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def render(name: str, stats: Stats) -> bytes:
    """The SVG of chart ``name``."""
    with _lock:
        if name == "per_day":
            return _per_day(stats)
        if name == "intents":
            labels, values = _split(stats.top_intents)
            return _bars(labels, values, "Top intents", horizontal=True)
        if name == "outcomes":
            labels, values = _split(stats.outcomes)
            return _bars(labels, values, "Detox-first screening outcomes", horizontal=False)
        if name == "callbacks":
            labels = ["requested", "reached"]
            values = [stats.callbacks_requested, stats.callbacks_reached]
            return _bars(labels, values, "Callback requests", horizontal=False)
    raise KeyError(name)


def _split(pairs: List[Tuple[str, int]]) -> Tuple[List[str], List[int]]:
    return [p[0] for p in pairs], [p[1] for p in pairs]


class ChartCache:
    """Rendered SVGs by (chart, period) for ``CACHE_SECONDS`` (monotonic clock)."""

    def __init__(self) -> None:
        self._items: Dict[Tuple[str, int, str], Tuple[float, bytes]] = {}

    def get(self, key: Tuple[str, int, str]) -> bytes | None:
        hit = self._items.get(key)
        if hit and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1]
        return None

    def put(self, key: Tuple[str, int, str], svg: bytes) -> None:
        if len(self._items) > 200:
            self._items.clear()
        self._items[key] = (time.monotonic(), svg)
