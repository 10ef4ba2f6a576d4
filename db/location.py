"""Where a library lives: warn when it is in a folder a cloud client syncs, or on a network share.

Both can corrupt an SQLite database that is in use (a sync client copies `records.db` without its
`-wal` file, or uploads a half-written page; network file systems often get locking wrong). The
app shows the warning; nothing is refused, since the clerk may have no other place."""
from __future__ import annotations

import os
import sys
from pathlib import Path

CLOUD_SYNC = "location_cloud_sync"
NETWORK_SHARE = "location_network_share"

# Folder names used by sync clients (compared case-insensitively, as whole path parts or prefixes).
_CLOUD_NAMES = (
    "dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
    "iclouddrive", "mobile documents", "坚果云", "nutstore", "jianguoyun", "百度网盘", "baidunetdisk",
    "baidu netdisk", "box", "box sync", "pcloud", "pcloud drive", "nextcloud", "owncloud",
    "seafile", "synologydrive", "synology drive", "sync.com", "mega", "megasync", "腾讯微云",
    "weiyun", "阿里云盘", "aliyundrive",
)
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph",
    "glusterfs", "davfs", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.davfs2", "fuse.glusterfs",
    "fuse.s3fs", "fuse.gcsfuse", "lustre", "gpfs", "beegfs",
}


def _is_cloud_part(part: str) -> bool:
    p = part.lower()
    return any(p == name or p.startswith(name + " ") or p.startswith(name + "-")
               or p.startswith(name + "_") or p.startswith(name + "(") for name in _CLOUD_NAMES)


def _unescape_mount(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def mount_fs_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The file-system type of the mount holding `path`, from /proc/mounts (Linux), or None."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, fs = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _unescape_mount(fields[1])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fs = mount_point, fields[2]
    return fs


def _windows_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    except Exception:  # noqa: BLE001 - no answer is no warning
        return False


def location_warnings(path: str | Path, *, mounts_text: str | None = None) -> list[str]:
    """Codes of the warnings for a library folder (see db.messages): cloud sync, network share."""
    path = Path(path).expanduser().absolute()
    out = []
    if any(_is_cloud_part(part) for part in path.parts):
        out.append(CLOUD_SYNC)
    if sys.platform == "win32":  # pragma: no cover
        remote = _windows_remote(path)
    else:
        remote = (str(path).startswith("//")
                  or (mount_fs_type(path, mounts_text) or "").lower() in _NETWORK_FS)
    if remote:
        out.append(NETWORK_SHARE)
    return out
