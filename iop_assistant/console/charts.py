"""Server-rendered SVG charts (matplotlib, Agg backend), cached by the numbers they show.

Why server-side: no chart library in the browser, nothing for the CSP to
allow, and the same numbers sit in a table beside each chart for screen readers.
The cache key is the chart's own numbers (:func:`numbers_of`), so a chart is
never older than the table beside it; labels come from :mod:`.labels`.
"""

from __future__ import annotations

import io
import threading
from typing import Dict, List, Sequence, Tuple, cast

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from iop_assistant.console import labels
from iop_assistant.console.stats import Stats

CHARTS = ("per_day", "intents", "outcomes", "callbacks")
_lock = threading.Lock()  # pyplot is not thread-safe
plt.rcParams.update({"svg.fonttype": "none", "font.size": 9})


def plain(label: object) -> str:
    """A label matplotlib draws as written: "$" would start mathtext (and can raise)."""
    return str(label).replace("\\", "\\\\").replace("$", r"\$")


def _plot(width: float, height: float) -> Tuple[Figure, Axes]:
    """A figure with one plot (``plt.subplots`` may return an array of axes; here it is one)."""
    fig, ax = plt.subplots(figsize=(width, height))
    return fig, cast(Axes, ax)


def _svg(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _bars(labels: Sequence[str], values: Sequence[int], title: str, horizontal: bool) -> bytes:
    fig, ax = _plot(5.5, 3.2)
    labels = [plain(label) for label in labels]
    if horizontal:
        ax.barh(list(labels)[::-1], list(values)[::-1], color="#3b6ea5")
    else:
        ax.bar(list(labels), list(values), color="#3b6ea5")
    ax.set_title(title)
    (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _per_day(stats: Stats) -> bytes:
    fig, ax = _plot(7, 3.2)
    bottom = [0] * len(stats.days)
    x = list(range(len(stats.days)))
    for channel in stats.channels:
        values = [stats.per_day.get(d, {}).get(channel, 0) for d in stats.days]
        ax.bar(x, values, bottom=bottom, label=plain(labels.channel(channel)))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, len(x) // 8)
    ax.xaxis.set_ticks(x[::step])
    ax.xaxis.set_ticklabels([d[5:] for d in stats.days][::step])
    ax.set_title("Conversations per day by channel")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
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
            names, values = _split(stats.top_intents)
            shown = [labels.intent(n) for n in names]
            return _bars(shown, values, "What people asked about", horizontal=True)
        if name == "outcomes":
            names, values = _split(stats.outcomes)
            shown = [labels.outcome(n) for n in names]
            return _bars(shown, values, "Detox-first screening outcomes", horizontal=False)
        if name == "callbacks":
            values = [stats.callbacks_requested, stats.callbacks_reached]
            return _bars(["Requested", "Reached"], values, "Callback requests", horizontal=False)
    raise KeyError(name)


def _split(pairs: List[Tuple[str, int]]) -> Tuple[List[str], List[int]]:
    return [p[0] for p in pairs], [p[1] for p in pairs]


def numbers_of(name: str, stats: Stats) -> Tuple:
    """Everything chart ``name`` draws: its cache key (same numbers, same picture)."""
    if name == "per_day":
        rows = tuple(tuple(sorted(stats.per_day.get(d, {}).items())) for d in stats.days)
        return (name, tuple(stats.days), tuple(stats.channels), rows)
    if name == "intents":
        return (name, tuple(stats.top_intents))
    if name == "outcomes":
        return (name, tuple(stats.outcomes))
    return (name, stats.callbacks_requested, stats.callbacks_reached)


class ChartCache:
    """Rendered SVGs by the numbers they show (bounded; no time-based staleness)."""

    def __init__(self) -> None:
        self._items: Dict[Tuple, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: Tuple) -> bytes | None:
        with self._lock:
            return self._items.get(key)

    def put(self, key: Tuple, svg: bytes) -> None:
        with self._lock:
            if len(self._items) > 200:
                self._items.clear()
            self._items[key] = svg
