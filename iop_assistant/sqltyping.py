"""SQLAlchemy 1.4 as the type checker should see it, in one place.

SQLAlchemy 1.4 ships no type information, so pyright infers its types from
the source, and a few inferences are wrong in ways every caller would trip
on: ``Connection.execute`` "may return None" (its error path raises through a
helper pyright cannot follow), ``create_engine`` "may return a MockConnection"
(the ``strategy="mock"`` branch), ``make_url`` "may return a str",
``sqlalchemy.inspect`` "may return None", ``Session.get`` "may return an
internal sentinel", ``rowcount`` "is a memoized_property" and a ``Select``'s
builder methods "return None" (a ``@_generative`` decorator wraps them).

The names below say what those calls really return. At run time they are
SQLAlchemy's own classes and plain calls into it. Code that runs SQL imports
``Connection`` and ``Engine`` from here and gets its engines from
:func:`create_engine` or :func:`typed_engine`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ContextManager, Type, TypeVar, cast

import sqlalchemy
from sqlalchemy.engine import URL, Inspector
from sqlalchemy.orm import Session

if TYPE_CHECKING:

    class CursorResult(sqlalchemy.engine.CursorResult):
        """A statement's result; ``rowcount`` is a number (a memoized property)."""

        rowcount: int

    class Connection(sqlalchemy.engine.Connection):
        """A connection whose ``execute`` returns its result (never None)."""

        def execute(self, statement: Any, *multiparams: Any, **params: Any) -> CursorResult: ...

    class Engine(sqlalchemy.engine.Engine):
        """An engine whose connections are :class:`Connection`."""

        def connect(self) -> Connection: ...

        def begin(self) -> ContextManager[Connection]: ...

    class Select(sqlalchemy.sql.Select):
        """A SELECT whose builder methods return the new SELECT."""

        def where(self, *whereclause: Any) -> Select: ...

        def order_by(self, *clauses: Any) -> Select: ...

        def limit(self, limit: Any) -> Select: ...

        def offset(self, offset: Any) -> Select: ...

        def select_from(self, *froms: Any) -> Select: ...

else:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.sql import Select

__all__ = [
    "Connection",
    "Engine",
    "Select",
    "create_engine",
    "get_row",
    "inspect",
    "make_url",
    "typed_engine",
]

Row = TypeVar("Row")


def typed_engine(engine: Any) -> Engine:
    """``engine`` itself, as an :class:`Engine` (for engines made elsewhere: Rasa, the store)."""
    return cast(Engine, engine)


def create_engine(url: str | URL, **kwargs: Any) -> Engine:
    """``sqlalchemy.create_engine`` (never the mock strategy here)."""
    return cast(Engine, sqlalchemy.create_engine(url, **kwargs))


def make_url(url: str | URL) -> URL:
    """``sqlalchemy.engine.make_url``: always a URL."""
    return cast(URL, sqlalchemy.engine.make_url(url))


def inspect(engine: sqlalchemy.engine.Engine | sqlalchemy.engine.Connection) -> Inspector:
    """``sqlalchemy.inspect`` of an engine or connection: its schema inspector."""
    return cast(Inspector, sqlalchemy.inspect(engine))


def get_row(session: Session, model: Type[Row], key: Any) -> Row | None:
    """``session.get(model, key)``: the row with that primary key, or None."""
    return cast("Row | None", session.get(model, key))
