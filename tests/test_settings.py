"""Settings from the environment: defaults, parsing, and every problem reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_check.settings import Settings, SettingsError, from_environment


def test_defaults() -> None:
    settings = from_environment({})
    assert settings == Settings()
    assert settings.database == Path("safety-check.db")
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert settings.cors_origins == ()


def test_values_are_parsed() -> None:
    settings = from_environment(
        {
            "SAFETY_CHECK_DATABASE": "/tmp/x.db",
            "SAFETY_CHECK_PORT": "9000",
            "SAFETY_CHECK_CORS_ORIGINS": "https://a.example, https://b.example",
            "SAFETY_CHECK_TRUSTED_PROXIES": "10.0.0.0/8,::1",
            "SAFETY_CHECK_RATE_LIMIT": "50",
            "SAFETY_CHECK_LOG_LEVEL": "warning",
        }
    )
    assert settings.port == 9000
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert len(settings.trusted_networks()) == 2
    assert settings.rate_limit == 50
    assert settings.log_level == "WARNING"


def test_every_problem_is_named() -> None:
    with pytest.raises(SettingsError) as caught:
        from_environment(
            {
                "SAFETY_CHECK_PORT": "eighty",
                "SAFETY_CHECK_WORKERS": "0",
                "SAFETY_CHECK_CORS_ORIGINS": "evil.example",
                "SAFETY_CHECK_TRUSTED_PROXIES": "not-an-ip",
                "SAFETY_CHECK_LOG_LEVEL": "LOUD",
            }
        )
    message = str(caught.value)
    for name in ("PORT", "WORKERS", "CORS_ORIGINS", "TRUSTED_PROXIES", "LOG_LEVEL"):
        assert f"SAFETY_CHECK_{name}" in message


def test_operator_settings_are_read_and_checked() -> None:
    from safety_check.settings import SettingsError, from_environment

    read = from_environment(
        {
            "SAFETY_CHECK_METRICS": "on",
            "SAFETY_CHECK_METRICS_TOKEN": "t0ken",
            "SAFETY_CHECK_LOG_FORMAT": "JSON",
        }
    )
    assert (read.metrics, read.metrics_token, read.log_format) == (True, "t0ken", "json")
    assert from_environment({}).metrics is False
    assert from_environment({}).log_format == "text"
    with pytest.raises(SettingsError) as raised:
        from_environment({"SAFETY_CHECK_METRICS": "maybe", "SAFETY_CHECK_LOG_FORMAT": "xml"})
    assert "SAFETY_CHECK_METRICS" in str(raised.value)
    assert "SAFETY_CHECK_LOG_FORMAT" in str(raised.value)


def test_languages_are_read_in_our_order_and_english_is_always_one() -> None:
    assert from_environment({}).languages == ("en", "cy")
    assert from_environment({"SAFETY_CHECK_LANGUAGES": "en"}).languages == ("en",)
    assert from_environment({"SAFETY_CHECK_LANGUAGES": "cy, en"}).languages == ("en", "cy")
    for wrong in ("cy", "en,fr", "english"):
        with pytest.raises(SettingsError, match="SAFETY_CHECK_LANGUAGES"):
            from_environment({"SAFETY_CHECK_LANGUAGES": wrong})
