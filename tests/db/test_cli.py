"""The command line through real processes: every command, both entry points, exit codes 0-3."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, module="db", env=None, timeout=120):
    e = dict(os.environ, LANG="en_US.UTF-8", PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    e.pop("LANGUAGE", None), e.pop("LC_ALL", None), e.pop("LC_MESSAGES", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=e, timeout=timeout)


@pytest.fixture(scope="module")
def demo_lib(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo"
    r = run("init", "--demo", "--library", path)
    assert r.returncode == 0, r.stderr
    return path


@pytest.mark.parametrize("module", ["db", "desktop"])
def test_init_and_search_json(tmp_path, module):
    lib = tmp_path / "lib"
    r = run("--library", lib, "init", "--demo", module=module)
    assert r.returncode == 0, r.stderr
    assert (lib / "records.db").is_file()
    r = run("search", "教育", "--json", "--library", lib, module=module)
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert hits and set(hits[0]) == {"kind", "id", "title", "snippet"}
    assert hits[0]["kind"] == "organisation" and "教育部" in hits[0]["title"]


def test_library_before_or_after_the_command(demo_lib):
    before = run("--library", demo_lib, "search", "Wu", "--json")
    after = run("search", "Wu", "--json", "--library", demo_lib)
    assert before.returncode == after.returncode == 0
    assert json.loads(before.stdout) == json.loads(after.stdout) != []


def test_search_text_limit_and_languages(demo_lib):
    r = run("search", "HWK", "--limit", "2", "--library", demo_lib)
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 2
    r = run("search", "nothing-like-this", "--library", demo_lib, "--lang", "zh")
    assert r.returncode == 0 and "没有" in r.stdout
    r = run("search", "nothing-like-this", "--library", demo_lib, env={"LANG": "zh_CN.UTF-8"})
    assert "没有" in r.stdout
    r = run("search", "证", "--json", "--library", demo_lib)  # one character
    assert r.returncode == 0


def test_export_import_round_trip(demo_lib, tmp_path):
    out = tmp_path / "out.json"
    assert run("export", out, "--library", demo_lib).returncode == 0
    assert (tmp_path / "out.files").is_dir()
    fresh = tmp_path / "fresh"
    assert run("init", "--library", fresh).returncode == 0
    r = run("import", out, "--library", fresh, module="desktop")
    assert r.returncode == 0, r.stderr
    again = run("import", out, "--library", fresh)
    assert again.returncode == 0 and "0 added" in again.stdout
    out2 = tmp_path / "out2.json"
    assert run("--library", fresh, "export", out2).returncode == 0
    a, b = json.loads(out.read_text()), json.loads(out2.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_bad_input_exits_1_with_one_line(demo_lib, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something"}')
    r = run("import", bad, "--library", demo_lib)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "bad.json" in r.stderr
    r = run("import", tmp_path / "missing.json", "--library", demo_lib)
    assert r.returncode == 1
    r = run("attach", "--event", "999", tmp_path / "missing.png", "--library", demo_lib)
    assert r.returncode == 1


def test_attach_reports_rejected_files_and_attaches_the_rest(demo_lib, tmp_path):
    from PIL import Image

    good = tmp_path / "good.png"
    Image.new("RGB", (30, 20), (1, 2, 3)).save(good)
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    r = run("attach", "--person", "1", good, text, "--library", demo_lib)
    assert r.returncode == 1
    assert "notes.jpg" in r.stderr and "good.png" not in r.stderr and "good.png" in r.stdout
    r = run("search", "good.png", "--json", "--library", demo_lib)
    assert any(h["kind"] == "person" for h in json.loads(r.stdout))


@pytest.mark.parametrize("args", [[], ["frob"], ["search"], ["attach", "x.png"],
                                  ["attach", "--event", "1", "--person", "2", "x.png"],
                                  ["search", "x", "--limit", "0"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_check(demo_lib):
    r = run("check", "--library", demo_lib)
    assert r.returncode == 0, r.stdout + r.stderr


def test_missing_library_exits_3(tmp_path):
    r = run("search", "x", "--library", tmp_path / "nowhere")
    assert r.returncode == 3 and "not a Cooperation Records library" in r.stderr


def test_damaged_library_exits_3(tmp_path):
    lib = tmp_path / "lib"
    assert run("init", "--library", lib).returncode == 0
    (lib / "records.db").write_bytes(b"this is not a database" * 500)
    for f in lib.glob("records.db-*"):
        f.unlink()
    r = run("search", "x", "--library", lib)
    assert r.returncode == 3 and "damaged" in r.stderr


def test_library_open_elsewhere_exits_3(demo_lib):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from db.library import open_library;"
         f" lib = open_library({str(demo_lib)!r}); print('open', flush=True); sys.stdin.read()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert holder.stdout.readline().strip() == "open"
        r = run("search", "x", "--library", demo_lib)
        assert r.returncode == 3 and "open elsewhere" in r.stderr
        r = run("search", "x", "--library", demo_lib, "--lang", "zh")
        assert r.returncode == 3 and "别处" in r.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert run("search", "x", "--library", demo_lib).returncode == 0
