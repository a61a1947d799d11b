"""Reports of an evaluation for people: text for terminals, Markdown, one-file HTML,
and JSON for programs.

>>> from planmodel.reports import render_text
>>> print(render_text(plan, evaluation, lang="vi"))  # doctest: +SKIP
"""

from .html import render_html
from .json import render_json
from .markdown import render_markdown
from .outline import render_outline
from .terminal import render_text

__all__ = ["render_html", "render_json", "render_markdown", "render_outline", "render_text"]
