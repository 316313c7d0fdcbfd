"""The ASGI application built from environment settings, for servers that import a module."""

import gc

from safety_check.service.app import create_app
from safety_check.settings import from_environment

app = create_app(from_environment())

# Everything made so far (content, compiled rules and plan fragments, the app: about 100,000
# objects) lives as long as the worker. Frozen, it is left out of every later collection;
# otherwise each full collection walks all of it again, a pause of tens of milliseconds in the
# middle of some request, which is what sets the p99 under load (issue 19). Tests build apps
# with create_app and never freeze, so the objects of the apps they drop are still collected.
gc.collect()
gc.freeze()
