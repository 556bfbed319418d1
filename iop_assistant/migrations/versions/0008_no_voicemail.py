"""A callback request may ask that no voicemail be left.

Revision ID: 0008_no_voicemail
Revises: 0007_language
Create Date: 2026-12-07

Family role-play round 29: "don't leave a voicemail, he checks my phone" was heard by
nobody; the request was saved with its time only. ``callback_requests.no_voicemail`` is
false on existing rows (none of them asked, as far as anything recorded says).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from iop_assistant.sqltyping import inspect

revision = "0008_no_voicemail"
down_revision = "0007_language"
branch_labels = None
depends_on = None

TABLE = "callback_requests"
COLUMN = "no_voicemail"


def upgrade() -> None:
    # a database adopted from create_all may have the column already
    if COLUMN in {c["name"] for c in inspect(op.get_bind()).get_columns(TABLE)}:
        return
    with op.batch_alter_table(TABLE) as batch:
        batch.add_column(sa.Column(COLUMN, sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column(COLUMN)
