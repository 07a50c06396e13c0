"""Building and serving the book: one way for `make book`, the tests and the benchmark.

``python -m edition.book`` builds the book into ``_build/html`` as `make book` does.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from . import paths

BIN = Path(sys.executable).parent
# Nitpicky, warnings are errors, and every warning of a build reported before it fails.
BUILD_FLAGS = ("-n", "-W", "--keep-going")
# Pages Sphinx writes besides those of the table of contents; index.html sends a reader on to
# the landing page.
GENERATED = ("index.html", "search.html", "genindex.html")


@dataclass(frozen=True)
class Run:
    """A finished command: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def log(self) -> str:
        return self.stdout + self.stderr


def environment(root: Path | None) -> dict[str, str]:
    """This process's environment, with the package pointed at the edition at ``root``."""
    return {**os.environ, "EDITION_ROOT": str(root)} if root else dict(os.environ)


def run(args: list[str], root: Path | None = None, cwd: Path | None = None) -> Run:
    done = subprocess.run(args, cwd=cwd or paths.REPOSITORY, env=environment(root), capture_output=True, text=True)
    return Run(done.returncode, done.stdout, done.stderr)


def build_command(source: Path, output: Path | None = None) -> list[str]:
    command = [str(BIN / "jupyter-book"), "build", str(source), *BUILD_FLAGS]
    return command + ["--path-output", str(output)] if output else command


def html(folder: Path) -> Path:
    """Where a build whose output folder is ``folder`` puts its pages."""
    return folder / "_build" / "html"


@dataclass(frozen=True)
class Build:
    """A finished build of the book: where it wrote, its exit status and its log."""

    output: Path
    returncode: int
    log: str

    @property
    def html(self) -> Path:
        return html(self.output)

    @property
    def executed(self) -> Path:
        """Where the build keeps the notebooks as it ran them, outputs and hidden cells included."""
        return self.output / "_build" / "jupyter_execute"


def steps(source: Path, output: Path | None = None) -> list[list[str]]:
    """`make book`: the pages, the PDFs printed from them (``edition.pdf``), then the pages again,
    which now find the PDFs, so that the Downloads page gives their sizes."""
    pages = build_command(source, output)
    return [pages, [sys.executable, "-m", "edition.pdf", str(html(output or source))], pages]


def build(source: Path, output: Path | None = None, root: Path | None = None) -> Build:
    """Build the book at ``source`` (into ``output``, or into ``source/_build``) as `make book`
    does, the package pointed at ``root``; the first step to fail ends it."""
    log = ""
    for command in steps(source, output):
        done = run(command, root=root)
        log += done.log
        if done.returncode:
            break
    return Build(output or source, done.returncode, log)


def _toc(source: Path | None) -> dict:
    return yaml.safe_load(((source or paths.ROOT) / "_toc.yml").read_text(encoding="utf-8"))


def pages(source: Path | None = None) -> list[str]:
    """Every page of the book, as paths in the built site: the table of contents' and Sphinx's own."""
    toc = _toc(source)
    entries = toc.get("chapters", []) + [chapter for part in toc.get("parts", []) for chapter in part["chapters"]]
    return [f"{file}.html" for file in [toc["root"], *_files(entries)]] + list(GENERATED)


def parts(source: Path | None = None) -> list[tuple[str, list[str]]]:
    """The table of contents as a reader sees it: the landing page, then each part's caption and pages."""
    toc = _toc(source)
    return [("", [f"{toc['root']}.html"])] + [
        (part["caption"], [f"{file}.html" for file in _files(part["chapters"])]) for part in toc.get("parts", [])]


def _files(entries: list[dict]) -> Iterator[str]:
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        yield from _files(entry.get("sections", []))


# As the machine's notes advise for Chromium here: no background traffic to the outside.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, driven by Playwright (`make setup` installs it)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        raise RuntimeError("Chromium is not installed: `make setup` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that closes a page while it loads breaks the connection: not the site's fault.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """The site in ``folder`` served on the loopback interface; yields its address."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    """`make book`: build the book in place, printing each step's own report."""
    for command in steps(paths.ROOT):
        if status := subprocess.call(command):
            return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
