"""Callback requests remember which web client asked (a keyed hash, never the address).

Revision ID: 0004_callback_client
Revises: 0003_console_attention
Create Date: 2026-12-03

Issue 14, item 5: at most a few callback requests a day per web client, whatever
conversation ids or numbers it uses. The web channels put a keyed hash of the
client's address in the message metadata; the action passes it to the store.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from iop_assistant.sqltyping import inspect

revision = "0004_callback_client"
down_revision = "0003_console_attention"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a database adopted from create_all may have the column already
    inspector = inspect(op.get_bind())
    columns = {c["name"] for c in inspector.get_columns("callback_requests")}
    indexes = {i["name"] for i in inspector.get_indexes("callback_requests")}
    with op.batch_alter_table("callback_requests") as batch:
        if "client_key" not in columns:
            batch.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
        if "ix_callback_requests_client_key" not in indexes:
            batch.create_index("ix_callback_requests_client_key", ["client_key"])


def downgrade() -> None:
    with op.batch_alter_table("callback_requests") as batch:
        batch.drop_index("ix_callback_requests_client_key")
        batch.drop_column("client_key")
