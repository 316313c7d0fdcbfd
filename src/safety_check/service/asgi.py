"""The ASGI application built from environment settings, for servers that import a module."""

from safety_check.service.app import create_app
from safety_check.settings import from_environment

app = create_app(from_environment())
