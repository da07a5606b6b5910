"""Class/id words and ancestors that mark an element as page chrome (navigation, sidebars,
footers, comment and related rails, logos, modals): read by the metadata pickers, which look for
headlines, bylines and dates outside such containers."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from .memo import memo

# a heading inside these is site chrome, not the page's headline (with `chrome_hint`)
_TITLE_CHROME = re.compile(r"logo|modal|popup|cookie|site-?title|site-?name|breadcrumb|drawer|masthead-brand", re.I)

# inside comments or related-article rails (anywhere in a class word), or a class word that names
# a sidebar, menu, navigation or footer block (optionally with a container suffix: "sidebar-widget",
# "footer__inner"; not "sidebar-mode-single", a page modifier)
CHROME_ANYWHERE = re.compile(r"comment|related|recommend|read-?next|more-?from|teaser|newsletter|popular|trending",
                             re.I)
_SUFFIX = (r"(?:[-_]+(?:list|items?|area|wrapper|container|section|block|box|widget|wrap|inner|content|links?|"
           r"posts?|articles?|stories|module|col|column|region))*$")
CHROME_WORD = re.compile(r"(?:^|[-_])(?:sidebar|menu|nav|navbar|navigation|footer|promo|widget-area)" + _SUFFIX, re.I)
# for headings: "sidebar" names page layouts too ("template-sidebar"), and an h1 is rarely in one
_CHROME_WORD_HEADING = re.compile(r"(?:^|[-_])(?:menu|nav|navbar|navigation|footer|promo)" + _SUFFIX, re.I)


def chrome_hint(attrs: dict, *, heading: bool = False) -> bool:
    """Do the class/id words of an element mark it as page chrome (see above)?"""
    hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if len(hint) < 3:
        return False
    return _chrome_words(hint, heading)


@memo(8192)
def _chrome_words(hint: str, heading: bool) -> bool:
    """(the same containers are asked about again and again: the ancestors of every candidate)"""
    if CHROME_ANYWHERE.search(hint):
        return True
    pattern = _CHROME_WORD_HEADING if heading else CHROME_WORD
    return any(pattern.search(w) for w in hint.split())


def chrome_ancestor(node: LexborNode, depth: int = 10) -> bool:
    """Is the node inside navigation, a footer, an aside, a logo link or a modal?"""
    cur = node.parent
    hops = 0
    while cur is not None and hops < depth:
        tag = cur.tag
        if tag in ("nav", "footer", "aside", "dialog"):
            return True
        if tag in ("body", "html", "main", "article"):
            return False
        attrs = cur.attributes
        if tag == "a":
            href = (attrs.get("href") or "").strip()
            if href in ("/", "", "#", "./") or (href.count("/") == 3 and href.endswith("/") and "//" in href):
                return True
        if chrome_hint(attrs, heading=True) or _TITLE_CHROME.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        if attrs.get("role") in ("navigation", "dialog", "contentinfo"):
            return True
        cur = cur.parent
        hops += 1
    return False
