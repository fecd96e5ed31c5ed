"""Service orders (点单服务): 居民点单 → 社区制单 → 社会组织接单 → 群众评单 → 政府买单.

The Qt-free core: the state machine (``states``), money in fen (``money``), the
vocabularies (``vocabulary``) and the parts of :class:`desktop.orders.service.OrderService`.
"""
