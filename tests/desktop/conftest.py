"""Fixtures of the desktop tests: Qt settings in a temporary folder for every test (never the
clerk's own), the default library pointed into it, and a facade over the test library."""
from __future__ import annotations

import pytest

from desktop.facade import Facade
from tests.desktop.shell_helpers import use_temp_settings


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    use_temp_settings(tmp_path)
    monkeypatch.setenv("COOPREC_LIBRARY", str(tmp_path / "default library"))


@pytest.fixture
def facade(qtbot, lib):
    f = Facade()
    f.open(lib)
    yield f
    f.undo_stack.clear()
    f.lib = None  # the lib fixture closes the library
