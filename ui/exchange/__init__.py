"""Excel in and out on screen (the ``exchange`` job).

* :class:`ui.exchange.page.ExchangePage` — 数据导入导出: 导入居民 / 导入志愿者 (the wizard),
  下载模板, 导出 Excel of whole lists, 合并重复居民.
* :func:`ui.exchange.page.export_list` — the 导出 Excel action a list page calls with its
  current filter.
* :class:`ui.exchange.wizard.ImportWizard`, :class:`ui.exchange.merge_dialog.MergeDialog`.
* :func:`ui.exchange.screens.dialogs` — the wizard's steps and the merge dialog for
  ``main.py screenshots``.
* :mod:`ui.exchange.cli` — ``main.py import`` and ``main.py export``.
"""
