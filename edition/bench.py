"""``make bench``: how fast the book builds and tests, and how heavy its pages are, against the
stock ``jupyter-book create`` template built by the same venv in the same run.

Prints one table. A benchmark, not a test: nothing here fails a build; the targets are printed
beside the measurements.
"""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

from . import book, notebooks, paths

EDITED_ROW = ("Defence and security MoU signed", "Defence and security MoU signed (edited by the benchmark)")


def timed(command: list[str], root: Path | None = None) -> tuple[float, book.Run]:
    start = time.perf_counter()
    result = book.run(command, root=root)
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{result.log[-4000:]}")
    return time.perf_counter() - start, result


def timed_build(source: Path, root: Path | None = None) -> tuple[float, book.Run]:
    return timed(book.build_command(source), root=root)


def html_pages(source: Path) -> int:
    html = book.html(source)
    return sum(1 for page in html.rglob("*.html") if not page.relative_to(html).parts[0].startswith("_"))


def page_weight(html: Path, pages: list[str]) -> dict[str, int]:
    """Bytes a browser receives for each page and everything it loads."""
    weights = {}
    with book.served(html) as address, book.chromium() as browser:
        for page_path in pages:
            page = browser.new_page()
            sizes = []
            page.on("response", lambda response, sizes=sizes: sizes.append(len(response.body())) if response.ok else None)
            page.goto(address + page_path, wait_until="networkidle")
            weights[page_path] = sum(sizes)
            page.close()
    return weights


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        template = scratch / "template"
        timed([str(book.BIN / "jupyter-book"), "create", str(template)])
        template_time, _ = timed_build(template)
        template_pages = html_pages(template)

        ours = paths.copy_book(scratch / "edition")
        clean_time, _ = timed_build(ours, root=ours)
        our_pages = html_pages(ours)
        noop_time, _ = timed_build(ours, root=ours)
        pdf_time, _ = timed([sys.executable, "-m", "edition.pdf", str(book.html(ours))], root=ours)
        pdf_sizes = {path.name: path.stat().st_size for path in (book.html(ours) / "pdf").glob("*.pdf")}

        timeline = ours / "data" / "timeline.csv"
        timeline.write_text(timeline.read_text(encoding="utf-8").replace(*EDITED_ROW, 1), encoding="utf-8")
        edit_time, edited = timed_build(ours, root=ours)
        rerun = sorted(set(re.findall(r"notebooks/([\w-]+)\.ipynb: Executing notebook", edited.log)))
        readers = notebooks.readers(paths.DATA / "timeline.csv")

        test_time, _ = timed([sys.executable, "-m", "pytest", "-q"])

        weights = page_weight(book.html(ours), ["chapters/article.html", "notebooks/timeline.html"])
        template_weight = page_weight(book.html(template), ["intro.html"])["intro.html"]

    per_page, template_per_page = clean_time / our_pages, template_time / template_pages
    article = weights["chapters/article.html"]
    rows = [
        ("clean build, seconds", f"{clean_time:.1f} ({per_page:.2f} a page, {our_pages} pages)",
         f"{template_time:.1f} ({template_per_page:.2f} a page, {template_pages} pages)", "", None),
        ("no-op rebuild, seconds", f"{noop_time:.1f} ({noop_time / clean_time:.0%} of clean)", "", "", None),
        ("printing the PDFs from a built site, seconds", f"{pdf_time:.1f} ({len(pdf_sizes)} PDFs)", "", "", None),
        ("the whole book's PDF; the largest chapter's", f"{pdf_sizes['edition.pdf'] / 1e6:.1f} MB; "
         f"{max(size for name, size in pdf_sizes.items() if name != 'edition.pdf') / 1e6:.1f} MB", "", "", None),
        ("rebuild after editing a timeline row, seconds", f"{edit_time:.1f}; re-ran {', '.join(rerun)}", "",
         f"re-runs only the readers of timeline.csv ({', '.join(readers)})", rerun == readers),
        ("the test suite (pytest, venv installed), seconds", f"{test_time:.0f}", "", "", None),
        ("page weight, annotated article", f"{article / 1024:.0f} KiB ({article / template_weight:.0%} of the template's)",
         f"{template_weight / 1024:.0f} KiB (first page)", "at most a quarter of the template's",
         article <= template_weight / 4),
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
