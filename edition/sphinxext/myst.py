"""Text the directives hand to MyST's parser."""
from __future__ import annotations

import re

# CommonMark lets any ASCII punctuation be escaped; escaping it all keeps the article's words
# from being read as markup, and changes nothing a reader sees.
MARKUP = re.compile(r"([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    return MARKUP.sub(r"\\\1", text)
