"""Initial app schema: opt-outs, processed messages, SMS menus, contacts, callbacks, outbox.

Revision ID: 0001_initial
Revises:
Create Date: 2024-06-01

Databases made by the old ``Base.metadata.create_all`` have some of these
tables and no ``alembic_version``. Stamping them would skip columns added
since (the outbox claim columns), so this revision *completes* them instead:
a missing table is created, an existing one gets the columns and indexes it
lacks. Later revisions are plain Alembic.
"""

from __future__ import annotations

from typing import Sequence

import sqlalchemy as sa
from alembic import op

from iop_assistant.sqltyping import inspect

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _ensure_table(name: str, *items: sa.schema.SchemaItem, indexes: Sequence = ()) -> None:
    """Create ``name``, or add the columns and indexes an adopted table lacks."""
    inspector = inspect(op.get_bind())
    if not inspector.has_table(name):
        op.create_table(name, *items)
    else:
        present = {column["name"] for column in inspector.get_columns(name)}
        for item in items:
            if isinstance(item, sa.Column) and item.name not in present:
                op.add_column(name, item)
    present_indexes = (
        {index["name"] for index in inspector.get_indexes(name)}
        if inspector.has_table(name)
        else set()
    )
    for index_name, columns, unique in indexes:
        if index_name not in present_indexes:
            op.create_index(index_name, name, list(columns), unique=unique)


def upgrade() -> None:
    _ensure_table(
        "opt_outs",
        sa.Column("phone_number", sa.String(64), primary_key=True),
        sa.Column("keyword", sa.String(32), nullable=False),
        sa.Column("opted_out_at", sa.DateTime(), nullable=False),
    )
    _ensure_table(
        "processed_messages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("message_sid", sa.String(64), nullable=False, unique=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("conversation_id", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    _ensure_table(
        "sms_button_menus",
        sa.Column("conversation_id", sa.String(128), primary_key=True),
        sa.Column("options_json", sa.Text(), nullable=False),
        sa.Column("offered_at", sa.DateTime(), nullable=False),
    )
    _ensure_table(
        "conversation_contacts",
        sa.Column("conversation_id", sa.String(128), primary_key=True),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("phone_number", sa.String(64), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
    )
    _ensure_table(
        "callback_requests",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("phone_number", sa.String(32), nullable=False),
        sa.Column("first_name", sa.String(80), nullable=True),
        sa.Column("best_time", sa.String(120), nullable=False),
        sa.Column("consent_to_text", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(200), nullable=True),
        sa.Column("assigned_to", sa.String(80), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("contacted_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        indexes=[
            ("ix_callback_requests_conversation_id", ["conversation_id"], False),
            ("ix_callback_requests_status_created", ["status", "created_at"], False),
        ],
    )
    _ensure_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dedupe_key", sa.String(128), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("to_number", sa.String(32), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("twilio_sid", sa.String(64), nullable=True),
        sa.Column("claim_token", sa.String(32), nullable=True),
        sa.Column("outcome_unknown", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column(
            "callback_request_id",
            sa.Integer(),
            sa.ForeignKey("callback_requests.id"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        indexes=[("ix_outbox_messages_status_next", ["status", "next_attempt_at"], False)],
    )


def downgrade() -> None:
    for name in (
        "outbox_messages",
        "callback_requests",
        "conversation_contacts",
        "sms_button_menus",
        "processed_messages",
        "opt_outs",
    ):
        op.drop_table(name)
