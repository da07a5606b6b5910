"""dehusk: the article inside a web page, from HTML or from a plain-text dump."""

from .article import ARTICLE_SCHEMA, LABELS, PAGE_TYPES, Article, Block
from .errors import DehuskError, InputError, PageTimeout
from .options import Options
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "ARTICLE_SCHEMA",
    "LABELS",
    "PAGE_TYPES",
    "Article",
    "Block",
    "DehuskError",
    "InputError",
    "Options",
    "PageTimeout",
    "extract",
    "__version__",
]
