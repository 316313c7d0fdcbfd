"""Requests that carry marker values (a class name, join code, class id, teacher key, partner
key and an answer) through every kind of route, for the tests that search what the service
reports about its traffic (metrics, traces) and must find none of them."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient

CLASS_NAME = "Zebra-Marker-Class-7731"
PARTNER_KEY = "sck_markerpartnerkey0000000000000000"
ANSWER_MARKER = "marker_answer_option_4417"
TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = {"traceparent": f"00-{TRACE_ID}-b7ad6b7169203331-01"}


async def send_markers(client: AsyncTestClient[Litestar]) -> list[str]:
    """The traffic; returns the values made on the way (join code, teacher key, class id)."""
    created = (
        await client.post("/api/v1/cohorts", json={"name": CLASS_NAME, "age_band": "13_15"})
    ).json()
    code, key, cohort = created["join_code"], created["teacher_key"], created["id"]
    stored = await client.post(
        f"/api/v1/cohorts/{code}/responses?marker={ANSWER_MARKER}",
        json={"answers": {"webcam.cover_when_unused": "sometimes"}},
        headers=TRACEPARENT,
    )
    assert stored.status_code == 201
    assert (await client.get(f"/join/{code}")).status_code == 200
    await client.get(f"/api/v1/cohorts/{cohort}/report", headers={"Authorization": f"Bearer {key}"})
    unknown_key = await client.post(
        "/api/v1/plans", json={"answers": {}}, headers={"X-API-Key": PARTNER_KEY}
    )
    assert unknown_key.status_code == 401
    refused = await client.post(
        "/api/v1/plans", json={"answers": {"situation.threat_to_share": ANSWER_MARKER}}
    )
    assert refused.status_code == 422
    assert ANSWER_MARKER in refused.text  # the caller is told; what the operator sees must not be
    await client.get(f"/no-such-page/{code}")
    return [code, key, cohort]


def markers_in(text: str, made: list[str]) -> list[str]:
    """The markers found in `text`, ignoring case and the join code's hyphen."""
    text = text.lower()
    everything = [*made, CLASS_NAME, PARTNER_KEY, ANSWER_MARKER, "threat_to_share"]
    return [
        marker
        for marker in everything
        if marker.lower() in text or marker.replace("-", "").lower() in text
    ]
