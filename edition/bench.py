"""``make bench``: how fast the book builds and how heavy its pages are, against the stock
``jupyter-book create`` template built by the same venv in the same run.

Prints one table. A benchmark, not a test: nothing here fails a build; the targets are printed
beside the measurements.
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from . import paths
from .sphinxext import declared_inputs

BIN = Path(sys.executable).parent
EDITED_ROW = ("Defence and security MoU signed", "Defence and security MoU signed (edited by the benchmark)")


def timed(command: list[str], cwd: Path | None = None, env_root: Path | None = None) -> tuple[float, str]:
    env = {**os.environ, "EDITION_ROOT": str(env_root)} if env_root else None
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stdout + done.stderr


def build(source: Path, env_root: Path | None = None) -> tuple[float, str]:
    return timed([str(BIN / "jupyter-book"), "build", str(source), "-n", "-W", "--keep-going"], env_root=env_root)


def html_pages(source: Path) -> int:
    html = source / "_build" / "html"
    return sum(1 for page in html.rglob("*.html") if not page.relative_to(html).parts[0].startswith("_"))




class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weight(html: Path, pages: list[str]) -> dict[str, int]:
    """Bytes a browser receives for each page and everything it loads."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page_path in pages:
            page = browser.new_page()
            sizes = []
            page.on("response", lambda response: sizes.append(len(response.body())) if response.ok else None)
            page.goto(f"http://127.0.0.1:{server.server_port}/{page_path}", wait_until="networkidle")
            weights[page_path] = sum(sizes)
            page.close()
        browser.close()
    server.shutdown()
    return weights


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        template = scratch / "template"
        timed([str(BIN / "jupyter-book"), "create", str(template)])
        template_time, _ = build(template)
        template_pages = html_pages(template)

        ours = paths.copy_book(scratch / "edition")
        clean_time, _ = build(ours, env_root=ours)
        our_pages = html_pages(ours)
        noop_time, _ = build(ours, env_root=ours)

        timeline = ours / "data" / "timeline.csv"
        timeline.write_text(timeline.read_text(encoding="utf-8").replace(*EDITED_ROW, 1), encoding="utf-8")
        edit_time, log = build(ours, env_root=ours)
        rerun = sorted(set(re.findall(r"notebooks/([\w-]+)\.ipynb: Executing notebook", log)))
        readers = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb")
                         if paths.ROOT / "data" / "timeline.csv" in declared_inputs(json.loads(p.read_text(encoding="utf-8"))))

        test_time, _ = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=paths.ROOT)

        weights = page_weight(ours / "_build" / "html", ["chapters/article.html", "notebooks/timeline.html"])
        template_weight = page_weight(template / "_build" / "html", ["intro.html"])["intro.html"]

    per_page, template_per_page = clean_time / our_pages, template_time / template_pages
    rows += [
        ("clean build, seconds per page", f"{per_page:.2f} ({our_pages} pages)",
         f"{template_per_page:.2f} ({template_pages} pages)", "no more than the template's", per_page <= template_per_page),
        ("no-op rebuild, seconds", f"{noop_time:.1f} ({noop_time / clean_time:.0%} of clean)", "", "under 10% of a clean build",
         noop_time < 0.1 * clean_time),
        ("rebuild after editing a timeline row, seconds", f"{edit_time:.1f}; re-ran {', '.join(rerun)}", "",
         f"re-runs only the readers of timeline.csv ({', '.join(readers)})", rerun == readers),
        ("make test (venv installed), seconds", f"{test_time:.0f}", "", "", None),
        ("page weight, annotated article", f"{weights['chapters/article.html'] / 1024:.0f} KiB",
         f"{template_weight / 1024:.0f} KiB (first page)", "at most a quarter of the template's",
         weights["chapters/article.html"] <= template_weight / 4),
        ("page weight, a notebook page (timeline)", f"{weights['notebooks/timeline.html'] / 1024:.0f} KiB", "", "", None),
    ]
    print("| measure | ours | template | target | met |")
    print("| --- | --- | --- | --- | --- |")
    for measure, ours_value, template_value, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "no")
        print(f"| {measure} | {ours_value} | {template_value} | {target} | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
