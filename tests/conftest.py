"""Shared fixtures: a scratch copy of the edition to break, and one build of the book per run."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from edition import paths

BIN = Path(sys.executable).parent


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run(args: list[str], root: Path | None = None, cwd: Path = paths.ROOT) -> Run:
    env = {**os.environ, "EDITION_ROOT": str(root)} if root else dict(os.environ)
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    return Run(done.returncode, done.stdout, done.stderr)


def check(root: Path) -> Run:
    """``make check``'s command, run against the copy of the edition at ``root``."""
    return run([sys.executable, "-m", "edition.check"], root=root)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the edition's data, chapters and notebooks that a test may corrupt."""
    for name in ("data", "chapters", "notebooks"):
        shutil.copytree(paths.ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def book(tmp_path_factory) -> tuple[Run, Path]:
    """The book built once from the working tree, as `make book` builds it, into a scratch folder."""
    out = tmp_path_factory.mktemp("book")
    result = run([str(BIN / "jupyter-book"), "build", str(paths.ROOT), "--path-output", str(out), "-n", "-W", "--keep-going"])
    return result, out / "_build" / "html"


@pytest.fixture(scope="session")
def html(book) -> Path:
    result, folder = book
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return folder
