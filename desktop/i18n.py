"""Regenerate the translation catalogues from the source:

    python -m desktop.i18n            update the .ts files (lupdate) and compile the .qm (lrelease)

`resources/translations/cooperation_records_en.ts` is the English source catalogue and
`cooperation_records_zh_CN.ts` the Simplified Chinese one; translators edit the latter (Qt
Linguist or any editor), then run this again. The app loads the compiled `.qm`."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "cooperation_records"
LANGUAGES = {"en": "en", "zh_CN": "zh_CN"}


def _tool(name: str) -> str:
    """The pyside6 tool beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "desktop").rglob("*.py") if "__pycache__" not in p.parts)


def update() -> list[Path]:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in sources()]
    written = []
    for suffix, lang in LANGUAGES.items():
        ts = TRANSLATIONS / f"{CATALOGUE}_{suffix}.ts"
        extra = ["-source-language", "en", "-target-language", lang]
        subprocess.run([_tool("pyside6-lupdate"), *files, *extra, "-no-obsolete",
                        "-locations", "none", "-ts", str(ts.relative_to(ROOT))],
                       check=True, cwd=ROOT)
        written.append(ts)
    return written


def release() -> Path:
    ts = TRANSLATIONS / f"{CATALOGUE}_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
    return qm


def main() -> int:
    for path in update():
        print(path.relative_to(ROOT))
    print(release().relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
