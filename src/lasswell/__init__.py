"""Lasswell: who said what, to whom, where and when — quotes, speakers and entities from news.

Importing the package is cheap; spaCy and the model load on the first analysis.

    import lasswell
    art = lasswell.analyze(text, lang="fr", published="2022-01-11")
    art.to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "analyze", "analyze_many", "__version__"]

if TYPE_CHECKING:
    from lasswell.pipeline import analyze, analyze_many
    from lasswell.records import Article


def __getattr__(name: str) -> Any:
    if name in ("analyze", "analyze_many"):
        from lasswell import pipeline

        return getattr(pipeline, name)
    if name == "Article":
        from lasswell.records import Article

        return Article
    raise AttributeError(name)
