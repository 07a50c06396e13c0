"""What the theme ships that no page uses, left out of the built site.

The theme loads the same assets on every page: an icon script of 1.5 MB, a stylesheet of 400 KB
that bundles all of Bootstrap and every Font Awesome icon, and the search index. The edition
keeps what a reader uses (icons, search, dark mode, the sidebars) and stops shipping the rest:

- each page loads a plugin's script and stylesheet only where it has what they act on;
- the edition's templates (``templates/``) load the search index on the search page only, and
  draw icons with the stylesheet's web font rather than the icon script;
- after the build, each stylesheet keeps only the rules whose classes, ids and elements occur in
  some page or in a string of some script (which may add them as a reader clicks), and each web
  font only the glyphs those rules draw.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import tinycss2
from bs4 import BeautifulSoup
from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx

from ..claims import SCALE

# A plugin's files, and what a page must contain (one of) for them to do anything on it.
PLUGINS = {
    ("copybutton.js", "clipboard.min.js", "copybutton.css", "pygments.css"): ('class="highlight',),
    ("togglebutton.js", "togglebutton.css"): ("toggle", "dropdown"),
    ("design-tabs.js", "sphinx-design.min.css"): ("sd-",),
    ("exercise.css",): ("exercise", "solution"),
    ("edition-tables.js",): ("filterable",),
    ("edition-article.js",): ("claim-marker",),
    ("edition-previews.js",): ("#cite-", "#term-"),
    ("edition-bibliography.js",): ("bibliography-search",),
    ("edition-rate.js",): ('class="rate-it"',),
}
# The icon script the templates no longer load, and maps of stylesheets that are rewritten here.
UNUSED = ("scripts/fontawesome.js*", "**/*.css.map")
# At-rules that hold rules, as opposed to declarations (@font-face) or nothing (@import).
NESTED = {"media", "supports", "layer", "container"}
COMBINATORS = {">", "+", "~"}
STRING = re.compile(r'"([^"\\\n]*)"|\'([^\'\\\n]*)\'|`([^`]*)`')
WORD = re.compile(r"[A-Za-z_][\w-]*")
# A script builds class names from prefixes such as "bs-"; shorter ones would keep everything.
SHORTEST_PREFIX = 3
FONT_URL = re.compile(r"url\(([^)]+)\)")


def load_only_what_the_page_uses(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    unused = {name for files, marks in PLUGINS.items() if not any(mark in body for mark in marks) for name in files}
    for key in ("script_files", "css_files"):
        if key in context:
            # Inline scripts have no file name, and stay.
            context[key] = [asset for asset in context[key] if Path(asset.filename or "").name not in unused]


PALETTE = "edition-palette.css"


def write_palette(app: Sphinx, exception: Exception | None) -> None:
    """The claims scale's colours as a stylesheet, from the package that the charts draw with."""
    if exception or app.builder.format != "html":
        return
    rules = [f".status-{code} {{ --status: {status.colour}; }}" for code, status in SCALE.items()]
    (Path(app.outdir) / "_static" / PALETTE).write_text(
        "/* Written by the build from edition/claims.py: the colour of each rating. */\n" + "\n".join(rules) + "\n",
        encoding="utf-8")


def write_again_when_assets_change(app: Sphinx, env, added: set, changed: set, removed: set) -> list[str]:
    """Sphinx copies the static files only when it writes some page, so an edited stylesheet or
    script alone would never reach the site: ask for the front page again, and the copy (then the
    slimming) follows."""
    static = Path(app.outdir) / "_static"
    # The book's own folders; extensions add theirs as absolute paths, which change only with them.
    for folder in (folder for folder in app.config.html_static_path if not Path(folder).is_absolute()):
        source = Path(app.srcdir) / folder
        for path in source.rglob("*"):
            built = static / path.relative_to(source)
            # Copies keep their source's time, to within a microsecond.
            if path.is_file() and (not built.exists() or built.stat().st_mtime < path.stat().st_mtime - 1):
                return [app.config.root_doc]
    return []


def slim_theme_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    for pattern in UNUSED:
        for path in static.glob(pattern):
            path.unlink()
    vocabulary = Vocabulary.of(Path(app.outdir))
    sheets = {sheet: vocabulary.keep(parse(sheet.read_text(encoding="utf-8"))) for sheet in sorted(static.rglob("*.css"))}
    characters = set().union(*(drawn(rules) for rules in sheets.values()))
    replaced = set()
    for sheet, rules in sheets.items():
        replaced |= serve_subset_fonts(sheet, rules, characters)
        sheet.write_text(tinycss2.serialize(rules), encoding="utf-8")
    for font in replaced:
        font.unlink()


def parse(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)


class Vocabulary:
    """The class names, ids and element names that occur in the built pages or in a string of a
    shipped script, and the prefixes that scripts build names from."""

    def __init__(self, words: set[str]):
        self.words = words
        self.prefixes = tuple(sorted(w for w in words if w.endswith("-") and len(w) >= SHORTEST_PREFIX))

    @classmethod
    def of(cls, site: Path) -> Vocabulary:
        words: set[str] = set()
        for page in site.rglob("*.html"):
            if "_static" not in page.relative_to(site).parts:
                for element in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all(True):
                    words.add(element.name)
                    words.update(element.get("class", []))
                    words.update([element["id"]] if element.get("id") else [])
        for script in (site / "_static").rglob("*.js"):
            for literal in STRING.finditer(script.read_text(encoding="utf-8", errors="ignore")):
                words.update(WORD.findall("".join(literal.groups(""))))
        return cls(words)

    def knows(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)

    def may_match(self, selector: list) -> bool:
        """Whether some element may match the selector: every class, id and element it names is
        known. Attribute selectors and pseudo-classes are not looked at, so that a rule for a
        state a script sets (``[data-theme=dark]``, ``:hover``) is kept."""
        previous = None
        for token in selector:
            after_dot = previous is not None and previous.type == "literal" and previous.value == "."
            starts_compound = previous is None or previous.type == "whitespace" or (
                previous.type == "literal" and previous.value in COMBINATORS)
            if token.type == "ident" and after_dot and not self.knows(token.value):
                return False
            if token.type == "hash" and token.is_identifier and not self.knows(token.value):
                return False
            if token.type == "ident" and starts_compound and not self.knows(token.lower_value):
                return False
            previous = token
        return True

    def keep(self, rules: list) -> list:
        """The rules, and the rules inside @media and the like, that some element may match."""
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s for s in selector_list(rule.prelude) if self.may_match(s)]
                if selectors:
                    rule.prelude = join(selectors)
                    kept.append(rule)
            elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED and rule.content is not None:
                rule.content = self.keep(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
                if rule.content:
                    kept.append(rule)
            elif rule.type == "at-rule":
                kept.append(rule)
        return kept


def selector_list(prelude: list) -> list[list]:
    """A rule's selectors, each as its tokens without surrounding white space."""
    selectors, current = [], []
    for token in prelude + [tinycss2.ast.LiteralToken(0, 0, ",")]:
        if token.type == "literal" and token.value == ",":
            while current and current[-1].type == "whitespace":
                current.pop()
            selectors.append(current)
            current = []
        elif current or token.type != "whitespace":
            current.append(token)
    return selectors


def join(selectors: list[list]) -> list:
    comma = tinycss2.ast.LiteralToken(0, 0, ",")
    return [token for number, selector in enumerate(selectors) for token in ([comma] if number else []) + selector]


def declarations(rule) -> list:
    return [d for d in tinycss2.parse_blocks_contents(rule.content or [], skip_whitespace=True, skip_comments=True)
            if d.type == "declaration"]


def drawn(rules: list) -> set[str]:
    """The characters that the rules' ``content`` declarations draw, directly or through a custom
    property (``--pst-icon-admonition-note``): an icon is a character of an icon font."""
    found = set()
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword in NESTED:
            found |= drawn(rule.content)
        elif rule.type == "qualified-rule":
            for declaration in declarations(rule):
                if declaration.lower_name == "content" or declaration.name.startswith("--"):
                    found |= {char for token in declaration.value if token.type == "string" for char in token.value}
    return found


def serve_subset_fonts(sheet: Path, rules: list, characters: set[str]) -> set[Path]:
    """Point each @font-face of ``sheet`` at a WOFF holding only ``characters``, made from the
    face's TrueType file; the font files it no longer names."""
    replaced = set()
    for rule in rules:
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face":
            continue
        src = next((d for d in declarations(rule) if d.lower_name == "src"), None)
        files = [sheet.parent / url for url in FONT_URL.findall(tinycss2.serialize(src.value))] if src else []
        truetype = next((f for f in files if f.suffix == ".ttf" and f.exists()), None)
        if truetype is None:
            continue
        target = truetype.with_suffix(".subset.woff")
        write_subset(truetype, target, characters)
        href = os.path.relpath(target, sheet.parent).replace(os.sep, "/")
        kept = [d for d in declarations(rule) if d.lower_name != "src"]
        # A declaration serialises with its closing ";".
        text = "".join(tinycss2.serialize([d]) for d in kept) + f'src:url({href}) format("woff")'
        rule.content = tinycss2.parse_component_value_list(text)
        replaced |= {f for f in files if f.exists()}
    return replaced


def write_subset(source: Path, target: Path, characters: set[str]) -> None:
    # The font's own timestamp is kept, so that two builds write the same bytes.
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in characters])
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(target)
