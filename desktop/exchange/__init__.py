"""Excel in and out (the ``exchange`` job): registers a centre already keeps come in, any list goes out.

* :mod:`.importing` — 导入居民 / 导入志愿者: a file (.xlsx, .xls, .csv) read into strings
  (:mod:`.reading`), its columns mapped (:mod:`.fields`), every row checked by the
  register's own rules (:mod:`.checking`), then imported whole in one transaction, or
  only its valid rows when the user says so; the error report and the templates
  (:mod:`.workbooks`).
* :mod:`.export` — 导出 Excel of the residents, requests, volunteers, ledger and orders
  lists, streamed so memory stays flat.
* :mod:`.merge` — 合并重复居民: suggested pairs and the merge itself.

pandas, openpyxl, python-calamine and xlrd are imported only when an import or an export
runs, so start-up does not pay for them.
"""
