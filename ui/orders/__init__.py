"""The service orders job (点单服务): the board, an order's page and its step dialogs, the
providers, funds and service-menu pages, and their printouts."""
