"""Test helper: attach a small generated PNG to a record, through db.attachments when it exists."""
from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image


def png_bytes(seed: int, size: int = 24) -> bytes:
    rnd = random.Random(seed)
    img = Image.new("RGB", (size, size), tuple(rnd.randrange(256) for _ in range(3)))
    img.putpixel((rnd.randrange(size), rnd.randrange(size)), (seed % 256, seed // 256 % 256, 7))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def add_scan(lib, tmp_dir: Path, seed: int, *, owner_kind: str, owner_id: int) -> str:
    """Attach a scan; return its sha256."""
    from db import attachments

    src = Path(tmp_dir) / f"scan-{seed}.png"
    src.write_bytes(png_bytes(seed))
    att = attachments.add(lib, src, owner_kind=owner_kind, owner_id=owner_id,
                          original_name=src.name)
    return att.attachment.sha256
