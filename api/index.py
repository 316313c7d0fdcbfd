"""ASGI entry point for other hosts (`granian --interface asgi api.index:app`). Settings come from SAFETY_CHECK_* variables."""

from safety_check.service.asgi import app

__all__ = ["app"]
