"""The requests job (诉求): reception, the lifecycle with its 30135 clocks, the lists,
the catalogue of categories and departments, and the deadline settings.

``service`` composes the request service from ``registration``, ``lifecycle``,
``attachments`` and ``queries``; ``states`` is the state machine, ``clocks`` the
deadlines, ``catalogue`` and ``clock_settings`` the administrator's settings. The SQL is
in ``db.requests``.
"""
