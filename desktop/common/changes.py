"""What changed, as the core announces it: topics and ids (see :mod:`db.changes`).

Re-exported here so that screens can name topics without importing ``db``.
"""

from __future__ import annotations

from db.changes import Changes, Topic

__all__ = ["Changes", "Topic"]
