"""Sphinx configuration for the planmodel documentation.

Pages are MyST Markdown; the API page is generated from docstrings with autodoc.
Build with warnings as errors, so that a broken reference or a stale name fails:

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

# Document the checkout being built, even where another version is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

project = "planmodel"
author = "The planmodel developers"
copyright = "The planmodel developers"
try:
    release = metadata.version("planmodel")
except metadata.PackageNotFoundError:  # built from a clone without installing it
    release = "unreleased"
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# Headings get anchors, so pages can link to a section: [statuses](concepts.md#statuses).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

# Signatures stay short; the types are listed with the parameters.
autodoc_typehints = "description"
autodoc_member_order = "bysource"

html_theme = "furo"
html_title = f"planmodel {release}"
