#!/usr/bin/env python3
"""Set up what Cooperation Records needs, then run the app, the tests or the benchmarks.

    python3 dev.py run [ARGS...]     set up, then start the app (or a subcommand: run search 证书)
    python3 dev.py test [PYTEST...]  set up, then run the whole test suite
    python3 dev.py bench             set up, then run the benchmarks on a generated large library
    python3 dev.py screenshots DIR   set up, then save screenshots of the main windows to DIR

Setup is idempotent and quick when nothing changed: on Debian/Ubuntu it installs the few system
packages Qt and the tests need (with apt-get, through sudo when not root), creates `.venv` beside
this file and installs the project with its test extras into it.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed"

# Debian packages: Qt's runtime libraries (offscreen and xcb), fonts with Chinese glyphs for the
# GUI and the summary sheet, poppler-utils (pdftoppm) to look at PDFs, python3-venv for the venv.
APT_PACKAGES = [
    "python3-venv",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "fonts-noto-cjk",
    "poppler-utils",
]


def _say(msg: str) -> None:
    print(f"[dev] {msg}", file=sys.stderr, flush=True)


def _missing_debian_packages() -> list[str]:
    missing = []
    for name in APT_PACKAGES:
        r = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name],
            capture_output=True,
            text=True,
        )
        if "install ok installed" not in r.stdout:
            missing.append(name)
    return missing


def ensure_system_packages() -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get") or not shutil.which("dpkg-query"):
        return
    if os.environ.get("COOPREC_SKIP_APT"):
        return
    missing = _missing_debian_packages()
    if not missing:
        return
    sudo: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            _say("These Debian packages are missing and I am not root: " + " ".join(missing))
            _say("Install them as root (apt-get install ...), then run this command again.")
            sys.exit(1)
        sudo = ["sudo"]
    _say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        _say(f"creating {VENV.name}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        _say("installing the project and its test tools into .venv (first time takes a minute)")
        pip = [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run(pip + ["-e", f"{ROOT}[test]"], check=True)
        STAMP.write_text(wanted)
    return py


def setup() -> Path:
    ensure_system_packages()
    return ensure_venv()


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bench", "screenshots", "setup"}:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    py = setup()
    os.chdir(ROOT)
    if cmd == "setup":
        return 0
    if cmd == "run":
        return subprocess.call([str(py), "-m", "desktop", *rest])
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    if cmd == "test":
        rc = subprocess.call([str(py), "-m", "pytest", "-q", *rest], env=env)
        return rc
    if cmd == "bench":
        return subprocess.call([str(py), "-m", "tests.bench", *rest], env=env)
    return subprocess.call([str(py), "-m", "desktop.screenshots", *rest], env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
