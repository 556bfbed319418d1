"""Typing indicators in a live handoff: until when staff, and the web visitor, are typing.

Revision ID: 0006_handoff_typing
Revises: 0005_handoff
Create Date: 2026-12-03

Issue 19 ("see typing and delivery state", docs/handoff.md). The console
stores a staff member's typing signal and a Rasa server stores the widget's,
each as a short "until" time on the handoff row; every Rasa server's relay and
every console reads them from this shared database, so the indicators work
whichever server holds the widget's socket.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from iop_assistant.sqltyping import inspect

revision = "0006_handoff_typing"
down_revision = "0005_handoff"
branch_labels = None
depends_on = None

COLUMNS = ("staff_typing_until", "visitor_typing_until")


def upgrade() -> None:
    # a database adopted from create_all may have the columns already
    existing = {c["name"] for c in inspect(op.get_bind()).get_columns("handoffs")}
    with op.batch_alter_table("handoffs") as batch:
        for name in COLUMNS:
            if name not in existing:
                batch.add_column(sa.Column(name, sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
