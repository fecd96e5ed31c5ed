"""The application core without widgets: domain rules and use-case services.

Nothing here imports Qt. User-visible texts are English source strings marked with
``N_``; the screens translate them through Qt's translation system (context
``"desktop"``), so the same rule reads in Chinese or English.
"""
