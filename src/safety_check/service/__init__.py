"""The HTTP service: the JSON API (and, later, the web form) over the pure engine."""
