"""What the site offers for download: every table of the data package, every notebook and every
export, each with a size a reader can read. (`test_book.py` checks the built site's copies.)"""
import pytest

from edition import datapackage, downloads, exports, paths
from edition.downloads import Download


@pytest.mark.parametrize("count, size", [
    (0, "0 bytes"), (999, "999 bytes"), (1000, "1.0 kB"), (73_249, "73.2 kB"), (999_999, "1000.0 kB"),
    (1_000_000, "1.0 MB"), (2_450_000, "2.5 MB"),
])
def test_a_size_reads_as_bytes_kilobytes_or_megabytes(count, size):
    assert Download("x", "", b"0" * count).size == size


def test_every_table_notebook_and_export_is_offered_once():
    offered = [download.path for download in downloads.files()]
    assert len(offered) == len(set(offered))
    expected = {paths.relative(datapackage.path(resource["name"])) for resource in datapackage.descriptor()["resources"]}
    expected |= {paths.relative(path) for path in paths.NOTEBOOKS.glob("*.ipynb")}
    expected |= {f"exports/{name}" for name in exports.contents()}
    expected |= {paths.relative(path) for path in (paths.WITNESS, paths.ARTICLE_METADATA, paths.DESCRIPTOR,
                                                   paths.REFERENCES, paths.CITATION)}
    assert set(offered) == expected


def test_a_notebook_is_offered_under_its_title():
    claims = next(download for download in downloads.files() if download.path == "notebooks/claims.ipynb")
    assert claims.what.startswith("Notebook: The claims audit.")
