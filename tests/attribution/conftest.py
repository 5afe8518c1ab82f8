"""Fixtures shared by the attribution tests."""

from __future__ import annotations

import pytest

import quotes


@pytest.fixture(scope="module")
def parse() -> quotes.Extractor:
    """The parse backend with the shipped model, one per test module."""
    return quotes.Extractor("parse")


@pytest.fixture(scope="module")
def rules() -> quotes.Extractor:
    """The rules backend (no parser), one per test module."""
    return quotes.Extractor("rules")
