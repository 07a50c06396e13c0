"""``make bundle``: the whole edition in one zip, for a classroom or a reader without a network.

The zip holds the built site (``site/``, which offers every table, the schema, the bibliography,
the exports and the notebooks under ``site/downloads/``) and, beside it, the README, the licence,
the changelog and the citation file. Every entry carries the release date and the same
permissions, so that two bundles of one build are identical.
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from . import book, citation, paths

# Beside the site, as in the repository.
BESIDE = ("README.md", "LICENSE", "CHANGELOG.md", "CITATION.cff")


def name() -> str:
    return f"edition-{citation.load().version}"


def write(site: Path, target: Path) -> Path:
    edition = citation.load()
    stamp = tuple(int(part) for part in edition.released.split("-")) + (0, 0, 0)
    files = [(path, f"site/{path.relative_to(site).as_posix()}") for path in sorted(site.rglob("*")) if path.is_file()]
    files += [(paths.ROOT / beside, beside) for beside in BESIDE]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path, entry in files:
            info = zipfile.ZipInfo(f"{name()}/{entry}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes())
    return target


def main() -> int:
    site = book.html(paths.ROOT)
    if not (site / "index.html").exists():
        print("make bundle: no built site in _build/html; `make book` builds it", file=sys.stderr)
        return 1
    target = write(site, paths.ROOT / "_build" / f"{name()}.zip")
    print(f"wrote {paths.relative(target)} ({target.stat().st_size / 1_000_000:.1f} MB): open site/index.html in it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
