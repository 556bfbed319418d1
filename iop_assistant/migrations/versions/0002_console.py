"""Staff console: accounts, sessions, login failures, audit log, summaries, reviews.

Revision ID: 0002_console
Revises: 0001_initial
Create Date: 2026-11-27

On SQLite, triggers also make ``console_audit_log`` append-only (the
console's code has no update or delete path for it either).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_console"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

SQLITE_DDL = [
    "CREATE TRIGGER IF NOT EXISTS console_audit_log_no_update BEFORE UPDATE ON console_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS console_audit_log_no_delete BEFORE DELETE ON console_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS console_audit_log_no_update",
    "DROP TRIGGER IF EXISTS console_audit_log_no_delete",
]


def upgrade() -> None:
    op.create_table(
        "console_audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_type", sa.String(length=32), nullable=True),
        sa.Column("target_id", sa.String(length=160), nullable=True),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("console_audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_audit_log_action"), ["action"], unique=False)
        batch_op.create_index("ix_console_audit_log_at", ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_console_audit_log_username"), ["username"], unique=False
        )

    op.create_table(
        "console_conversations",
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("crisis", sa.Boolean(), nullable=False),
        sa.Column("crisis_category", sa.String(length=32), nullable=True),
        sa.Column("screening_outcome", sa.String(length=32), nullable=True),
        sa.Column("unclear_turns", sa.Integer(), nullable=False),
        sa.Column("callback_requested", sa.Boolean(), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("risk", sa.Integer(), nullable=False),
        sa.Column("first_text_masked", sa.String(length=200), nullable=True),
        sa.Column("first_user_event_id", sa.Integer(), nullable=True),
        sa.Column("last_user_event_id", sa.Integer(), nullable=True),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    with op.batch_alter_table("console_conversations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_console_conv_channel_risk_last", ["channel", "risk", "last_at"], unique=False
        )
        batch_op.create_index("ix_console_conv_last", ["last_at"], unique=False)
        batch_op.create_index("ix_console_conv_risk_last", ["risk", "last_at"], unique=False)
        batch_op.create_index("ix_console_conv_started", ["started_at", "channel"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_console_conversations_screening_outcome"),
            ["screening_outcome"],
            unique=False,
        )

    op.create_table(
        "console_indexer_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "console_intent_corrections",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("has_pii", sa.Boolean(), nullable=False),
        sa.Column("predicted_intent", sa.String(length=128), nullable=True),
        sa.Column("intent", sa.String(length=128), nullable=False),
        sa.Column("reviewer", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    with op.batch_alter_table("console_intent_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_console_intent_corrections_conversation_id"),
            ["conversation_id"],
            unique=False,
        )

    op.create_table(
        "console_intent_daily",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("intent", sa.String(length=128), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "intent"),
    )
    op.create_table(
        "console_login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key_type", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("console_login_failures", schema=None) as batch_op:
        batch_op.create_index(
            "ix_console_login_failures_key_at", ["key_type", "key", "at"], unique=False
        )

    op.create_table(
        "console_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("author", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("console_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_console_notes_conversation_id"), ["conversation_id"], unique=False
        )

    op.create_table(
        "console_reviews",
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("reviewed_by", sa.String(length=80), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_table(
        "console_search_terms",
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("term", "conversation_id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("console_search_terms", schema=None) as batch_op:
        batch_op.create_index(
            "ix_console_search_terms_conversation", ["conversation_id"], unique=False
        )

    op.create_table(
        "console_tags",
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", "tag"),
    )
    op.create_table(
        "console_unclear_messages",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("intent", sa.String(length=128), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("event_id"),
    )
    with op.batch_alter_table("console_unclear_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_unclear_messages_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_console_unclear_messages_conversation_id"),
            ["conversation_id"],
            unique=False,
        )

    op.create_table(
        "console_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("can_export_unmasked", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["console_users.id"],
        ),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_console_sessions_last_seen_at"), ["last_seen_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_console_sessions_user_id"), ["user_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DROP:
            op.execute(statement)
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_sessions_user_id"))
        batch_op.drop_index(batch_op.f("ix_console_sessions_last_seen_at"))

    op.drop_table("console_sessions")
    op.drop_table("console_users")
    with op.batch_alter_table("console_unclear_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_unclear_messages_conversation_id"))
        batch_op.drop_index(batch_op.f("ix_console_unclear_messages_at"))

    op.drop_table("console_unclear_messages")
    op.drop_table("console_tags")
    with op.batch_alter_table("console_search_terms", schema=None) as batch_op:
        batch_op.drop_index("ix_console_search_terms_conversation")

    op.drop_table("console_search_terms")
    op.drop_table("console_reviews")
    with op.batch_alter_table("console_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_notes_conversation_id"))

    op.drop_table("console_notes")
    with op.batch_alter_table("console_login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_console_login_failures_key_at")

    op.drop_table("console_login_failures")
    op.drop_table("console_intent_daily")
    with op.batch_alter_table("console_intent_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_intent_corrections_conversation_id"))

    op.drop_table("console_intent_corrections")
    op.drop_table("console_indexer_state")
    with op.batch_alter_table("console_conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_conversations_screening_outcome"))
        batch_op.drop_index("ix_console_conv_started")
        batch_op.drop_index("ix_console_conv_risk_last")
        batch_op.drop_index("ix_console_conv_last")
        batch_op.drop_index("ix_console_conv_channel_risk_last")

    op.drop_table("console_conversations")
    with op.batch_alter_table("console_audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_audit_log_username"))
        batch_op.drop_index("ix_console_audit_log_at")
        batch_op.drop_index(batch_op.f("ix_console_audit_log_action"))

    op.drop_table("console_audit_log")
