"""The conversation's language on callback requests and on the console's conversation list.

Revision ID: 0007_language
Revises: 0006_handoff_typing
Create Date: 2026-12-04

Issue 18. ``callback_requests.language`` says which language the person's
confirmation text is written in; ``console_conversations.language`` is the
list's column and filter (indexed like the channel filter). Both are "en" for
existing rows: every confirmation so far went out in English. Summaries indexed
before this revision may belong to Spanish conversations: the indexer re-reads
their ``language`` slots from the tracker up to the mark written here, the
last event indexed so far (``backfill_language`` in iop_assistant/console/indexer.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from iop_assistant.sqltyping import inspect

revision = "0007_language"
down_revision = "0006_handoff_typing"
branch_labels = None
depends_on = None

INDEX = "ix_console_conv_language_risk_last"
# names of console_indexer_state rows (iop_assistant/console/indexer.py)
EVENTS_STATE = "tracker_events"
BACKFILL_STATES = ("language_backfill_to", "language_backfill_done")


def _add_language(table: str, nullable: bool) -> None:
    """``table.language``, "en" on existing rows; a database adopted from create_all
    may have it already."""
    if "language" in {c["name"] for c in inspect(op.get_bind()).get_columns(table)}:
        return
    with op.batch_alter_table(table) as batch:
        batch.add_column(
            sa.Column("language", sa.String(length=8), nullable=nullable, server_default="en")
        )


def _state_table() -> sa.sql.expression.TableClause:
    """The indexer's state table as this revision knows it (no import of the console)."""
    return sa.table("console_indexer_state", sa.column("name"), sa.column("value"))


def upgrade() -> None:
    _add_language("callback_requests", nullable=True)
    _add_language("console_conversations", nullable=False)
    with op.batch_alter_table("console_conversations") as batch:
        batch.create_index(INDEX, ["language", "risk", "last_at"])
    state = _state_table()
    marked = sa.select(sa.literal(BACKFILL_STATES[0]), state.c.value).where(
        state.c.name == EVENTS_STATE, state.c.value > 0
    )
    op.execute(state.insert().from_select(["name", "value"], marked))


def downgrade() -> None:
    state = _state_table()
    op.execute(state.delete().where(state.c.name.in_(BACKFILL_STATES)))
    with op.batch_alter_table("console_conversations") as batch:
        batch.drop_index(INDEX)
        batch.drop_column("language")
    with op.batch_alter_table("callback_requests") as batch:
        batch.drop_column("language")
