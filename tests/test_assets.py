"""What the build keeps of the theme's stylesheets: a table of rules, the words the pages and
scripts use, and whether the rule stays, read as the specification of `edition.sphinxext.assets`."""
import os
from types import SimpleNamespace

import pytest
import tinycss2

from edition.sphinxext.assets import Vocabulary, drawn, parse, write_again_when_assets_change

# Words the pages use (elements, classes, ids) and a script's strings ("show", "bs-" as a prefix).
WORDS = {"html", "body", "a", "div", "i", "btn", "dropdown-menu", "show", "bd-content", "tooltip-arrow", "bs-",
         "fa-sun", "fa-solid", "main-content"}


@pytest.mark.parametrize("css, kept", [
    (".btn{color:red}", ".btn{color:red}"),
    (".btn-primary{color:red}", ""),  # a class no page and no script uses
    (".btn,.btn-primary{color:red}", ".btn{color:red}"),  # only the selectors that may match
    (".dropdown-menu.show{display:block}", ".dropdown-menu.show{display:block}"),  # a class a script adds
    ("html[data-theme=dark] .bd-content{color:#fff}", "html[data-theme=dark] .bd-content{color:#fff}"),  # a state a script sets
    (".bs-tooltip-auto .tooltip-arrow{top:0}", ".bs-tooltip-auto .tooltip-arrow{top:0}"),  # a name a script builds
    ("a:hover{color:red}", "a:hover{color:red}"),
    ("table td{padding:0}", ""),  # no table on any page
    ("div>table{padding:0}", ""),
    ("#main-content{margin:0}", "#main-content{margin:0}"),
    ("#sidebar{margin:0}", ""),
    (":root{--x:1}", ":root{--x:1}"),
    ("*{box-sizing:border-box}", "*{box-sizing:border-box}"),
    ("a:not(.unused){color:red}", "a:not(.unused){color:red}"),  # what :not() excludes is not looked at
    ("@media (min-width:960px){.btn{color:red}.carousel{color:red}}", "@media (min-width:960px){.btn{color:red}}"),
    ("@media print{.carousel{color:red}}", ""),
    ("@font-face{font-family:X;src:url(x.woff)}", "@font-face{font-family:X;src:url(x.woff)}"),
])
def test_a_stylesheet_keeps_the_rules_some_element_may_match(css, kept):
    assert tinycss2.serialize(Vocabulary(WORDS).keep(parse(css))) == kept


def test_the_icons_drawn_are_the_characters_of_kept_rules():
    css = ('.fa-sun:before{content:"\\f185"}.fa-moon:before{content:"\\f186"}'
           ':root{--pst-icon-note:"\\f05a"}@media print{.fa-solid:after{content:"\\f00c"}}')
    assert drawn(Vocabulary(WORDS).keep(parse(css))) == {"\uf185", "\uf05a", "\uf00c"}


@pytest.mark.parametrize("built, front_page_again", [
    ("same", False),  # copied by the last build, with its source's time
    ("older", True),  # the stylesheet was edited since
    ("missing", True),  # a file added since
])
def test_an_edited_asset_has_a_page_written_so_that_it_is_copied(tmp_path, built, front_page_again):
    source, out = tmp_path / "book", tmp_path / "html"
    (source / "_static").mkdir(parents=True)
    (out / "_static").mkdir(parents=True)
    sheet = source / "_static" / "edition.css"
    sheet.write_text(".x{}")
    if built != "missing":
        copy = out / "_static" / "edition.css"
        copy.write_text(".x{}")
        shifted = sheet.stat().st_mtime - (60 if built == "older" else 0)
        os.utime(copy, (shifted, shifted))
    app = SimpleNamespace(srcdir=source, outdir=out, config=SimpleNamespace(
        root_doc="index", html_static_path=["_static", str(tmp_path / "an-extension's")]))
    assert write_again_when_assets_change(app, None, set(), set(), set()) == (["index"] if front_page_again else [])
