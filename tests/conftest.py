"""Shared fixtures: a fresh library in a temporary folder for every test."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.library import open_library  # noqa: E402


@pytest.fixture
def lib_path(tmp_path):
    return tmp_path / "library"


@pytest.fixture
def lib(lib_path):
    library = open_library(lib_path, create=True)
    yield library
    library.close()
