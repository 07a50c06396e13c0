"""``make bundle``: the whole edition in one zip, for a classroom or a reader without a network.

The zip holds the built site (``site/``, with its PDFs, and every table, the schema, the
bibliography, the exports and the notebooks under ``site/downloads/``) and, beside it, every file
of the repository at this version: the README, the package the notebooks import, the data, the
notebooks and the pinned requirements, so that the notebooks run after one install command (the
README's). ``SHA256SUMS`` lists every other file's checksum, as ``sha256sum -c`` reads it. Every
entry carries the release date and the same permissions, so that two bundles of one build are
identical.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

from . import book, citation, paths

CHECKSUMS = "SHA256SUMS"


def name() -> str:
    return f"edition-{citation.load().version}"


def write(site: Path, target: Path) -> Path:
    edition = citation.load()
    stamp = tuple(int(part) for part in edition.released.split("-")) + (0, 0, 0)
    files = [(f"site/{path.relative_to(site).as_posix()}", path.read_bytes())
             for path in sorted(site.rglob("*")) if path.is_file()]
    files += [(entry, (paths.ROOT / entry).read_bytes()) for entry in repository_files()]
    sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {entry}\n" for entry, content in files)
    files.append((CHECKSUMS, sums.encode()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for entry, content in files:
            info = zipfile.ZipInfo(f"{name()}/{entry}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, content)
    return target


def repository_files() -> list[str]:
    """The files git tracks in the repository, as they are in the working tree."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=paths.ROOT, capture_output=True, text=True, check=True)
    return sorted(entry for entry in listed.stdout.split("\0") if entry and (paths.ROOT / entry).is_file())


def main() -> int:
    site = book.html(paths.ROOT)
    if not (site / "index.html").exists():
        print("make bundle: no built site in _build/html; `make book` builds it", file=sys.stderr)
        return 1
    target = write(site, paths.ROOT / "_build" / f"{name()}.zip")
    print(f"wrote {paths.relative(target)} ({target.stat().st_size / 1_000_000:.1f} MB): open site/index.html in it;"
          f" README.md says how to run the notebooks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
