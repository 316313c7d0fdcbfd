"""The stylesheet and script, served under content-hashed names so browsers keep them for a year.

A changed file gets a new name, so "immutable" is safe; pages (which are `no-store`) always name
the current one. Files are read once at start-up; the app's compression middleware gzips them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import msgspec
from litestar import Response, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath

STATIC = Path(__file__).resolve().parents[2] / "static"
IMMUTABLE = "public, max-age=31536000, immutable"
MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


class Asset(msgspec.Struct, frozen=True):
    name: str
    media_type: str
    body: bytes


def _hashed_name(path: Path, body: bytes) -> str:
    digest = hashlib.sha256(body).hexdigest()[:12]
    return f"{path.stem}.{digest}{path.suffix}"


def _load(directory: Path) -> tuple[dict[str, Asset], dict[str, str]]:
    by_hashed: dict[str, Asset] = {}
    names: dict[str, str] = {}
    for path in sorted(directory.iterdir()):
        if path.suffix not in MEDIA_TYPES:
            continue
        body = path.read_bytes()
        hashed = _hashed_name(path, body)
        by_hashed[hashed] = Asset(hashed, MEDIA_TYPES[path.suffix], body)
        names[path.name] = hashed
    return by_hashed, names


ASSETS, HASHED_NAMES = _load(STATIC)


def asset_url(name: str) -> str:
    """The URL of a static file under its current hashed name."""
    return f"/static/{HASHED_NAMES[name]}"


@get("/static/{name:str}", include_in_schema=False, name="asset")
async def serve_asset(name: FromPath[str]) -> Response[bytes]:
    found = ASSETS.get(name)
    if found is None:
        raise NotFoundException()
    return Response(found.body, media_type=found.media_type, headers={"cache-control": IMMUTABLE})
