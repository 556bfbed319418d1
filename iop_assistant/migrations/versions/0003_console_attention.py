"""Staff console: the turn that raised a conversation's flag; more than one role per account.

Revision ID: 0003_console_attention
Revises: 0002_console
Create Date: 2026-12-03

Issue 15 items 8 and 10. ``console_conversations.flag_text_masked`` and
``flag_event_id`` hold the (masked) user turn that raised the highest flag
(crisis, then a serious screening outcome, then an unclear turn), so the list
shows that turn instead of the first message. ``console_users.role`` becomes a
comma-separated list of roles ("clinician,callback"), hence 64 characters.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_console_attention"
down_revision = "0002_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("console_conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flag_text_masked", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("flag_event_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("console_users", schema=None) as batch_op:
        batch_op.alter_column(
            "role",
            existing_type=sa.String(length=16),
            type_=sa.String(length=64),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("console_users", schema=None) as batch_op:
        batch_op.alter_column(
            "role",
            existing_type=sa.String(length=64),
            type_=sa.String(length=16),
            existing_nullable=False,
        )
    with op.batch_alter_table("console_conversations", schema=None) as batch_op:
        batch_op.drop_column("flag_event_id")
        batch_op.drop_column("flag_text_masked")
