"""The page's headline: metadata titles without their site-name decorations, versus the <h1>.

Rules (general, no site lists):
- A `<title>`/og:title segment cut by a separator (" | ", " - ", " — ", " :: ", " · ", ...)
  is dropped when it names the site: equal to, or a prefix of, og:site_name / the JSON-LD
  publisher or WebSite name / the registrable label of the host; or when another metadata
  title of the page is the same text without that segment.
- The headline shown on the page is the `<h1>`: an h1 that matches a metadata title closely
  wins (with its own wording); an h1 that is a logo, a site name, a generic word ("Menu",
  "Blog") or sits in navigation never does; with no usable h1, the cleaned metadata title
  (JSON-LD headline, og:title, twitter:title, <title>, in that order) is the title. An h1
  that matches no metadata title still wins on article pages; on pages declared og:type
  "website" (home, product, service pages, where such an h1 is usually a slogan) the
  metadata title does.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .authors import looks_like_person
from .chrome_hints import chrome_ancestor
from .dates import short_cached
from .memo import memo
from .mojibake import fix_mojibake

if TYPE_CHECKING:
    from .metadata_page import Page

_WORD = re.compile(r"\w+")
_SEP = re.compile(r"\s+(?:[-–—~·•»/:]|::|\|\|)\s+|\s*[|｜]\s*|\s+[«»›]\s+")
_NON_ALNUM = re.compile(r"[\W_][\W_]*")  # (= [\W_]+, faster to find: see html_tokens._DIGITS)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?%)\]}’”»])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[{“‘«])\s+")
_SPACE_BEFORE_S = re.compile(r"\s+(['’]s\b)")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ue000\uf0c1"), None)
_HAS_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\ue000\uf0c1]")  # (the keys of _INVISIBLE)

# h1 texts that are not a headline (site chrome); compared case-folded, without punctuation
GENERIC_HEADINGS = frozenset({
    "home", "homepage", "menu", "main menu", "navigation", "search", "search results", "blog", "news",
    "latest news", "articles", "article", "login", "log in", "sign in", "sign up", "register", "contact",
    "contact us", "about", "about us", "skip to content", "skip to main content", "main content",
    "cookie settings", "cookies", "privacy", "shop", "cart", "your cart", "subscribe", "newsletter",
    "follow us", "share", "share this", "share this article", "related", "related articles",
    "popular", "trending", "top stories", "archives", "categories", "tags", "comments", "leave a reply",
    "page not found", "404", "error", "loading", "advertisement", "welcome", "breadcrumb", "footer",
    "header", "sidebar", "site navigation", "accessibility", "language", "select language",
})
# the same words of a site's chrome in other languages (home page, menu, search, log in, register,
# contact, legal notice, news, newsletter, share, cart, comments, archive, categories, about us,
# skip link, advertisement), written as sites print them: normalised as `tokens` reads a text
GENERIC_HEADINGS_OTHER = (
    # de
    "Startseite", "Menü", "Hauptmenü", "Suche", "Suchen", "Anmelden", "Einloggen", "Registrieren", "Kontakt",
    "Impressum", "Datenschutz", "Nachrichten", "Aktuelles", "Neuigkeiten", "Abonnieren", "Teilen", "Warenkorb",
    "Kommentare", "Archiv", "Kategorien", "Über uns", "Zum Inhalt springen", "Anzeige", "Werbung",
    # fr
    "Accueil", "Rechercher", "Recherche", "Connexion", "Se connecter", "S'inscrire", "Inscription",
    "Contactez-nous", "Mentions légales", "Actualités", "S'abonner", "Partager", "Panier", "Commentaires",
    "Catégories", "À propos", "Qui sommes-nous", "Aller au contenu", "Publicité",
    # es, pt, it
    "Inicio", "Portada", "Página principal", "Página inicial", "Início", "Pagina iniziale", "Menú", "Buscar",
    "Búsqueda", "Pesquisar", "Pesquisa", "Cerca", "Ricerca", "Iniciar sesión", "Acceder", "Entrar", "Accedi",
    "Registrarse", "Registrati", "Contacto", "Contato", "Contatti", "Aviso legal", "Política de privacidad",
    "Note legali", "Noticias", "Notícias", "Notizie", "Suscríbete", "Iscriviti", "Compartir", "Compartilhar",
    "Condividi", "Carrito", "Carrinho", "Carrello", "Comentarios", "Comentários", "Commenti", "Archivo",
    "Archivio", "Arquivo", "Categorías", "Categorias", "Categorie", "Sobre nosotros", "Quiénes somos",
    "Quem somos", "Sobre nós", "Chi siamo", "Saltar al contenido", "Vai al contenuto", "Publicidad",
    "Publicidade", "Pubblicità",
    # nl, pl, sv / da / nb, cs, tr, ru
    "Startpagina", "Zoeken", "Inloggen", "Registreren", "Nieuws", "Abonneren", "Delen", "Winkelwagen",
    "Reacties", "Archief", "Over ons", "Strona główna", "Szukaj", "Wyszukaj", "Zaloguj się", "Logowanie",
    "Rejestracja", "Wiadomości", "Aktualności", "Udostępnij", "Koszyk", "Komentarze", "Archiwum", "Kategorie",
    "O nas", "Przejdź do treści", "Reklama", "Startsida", "Forside", "Sök", "Søg", "Logga in", "Log ind",
    "Logg inn", "Nyheter", "Nyheder", "Varukorg", "Om oss", "Om os", "Hlavní stránka", "Hledat",
    "Přihlásit se", "Anasayfa", "Ana sayfa", "Giriş yap", "Haberler", "İletişim", "Hakkımızda", "Главная",
    "Главная страница", "Поиск", "Войти", "Регистрация", "Новости", "Контакты", "О нас", "Реклама",
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gv", "nic", "ltd"})
_SUBDOMAINS = frozenset({"www", "m", "mobile", "amp", "en", "blog", "blogs", "news", "shop", "store", "app"})


def clean_text(text: str | None) -> str:
    """Collapse whitespace, drop invisible characters, decode left-over entities ("&amp;")."""
    if not text:
        return ""
    return short_cached(_clean_text, text)


@memo(16384)
def _clean_text(text: str) -> str:
    """`clean_text` of a non-empty string, remembered (the same texts are cleaned again and again)."""
    if "&" in text and ";" in text:
        text = html.unescape(text)
    if not text.isascii() and _HAS_INVISIBLE.search(text):  # (else the translation changes nothing)
        text = text.translate(_INVISIBLE)
    return " ".join(text.split()).rstrip(" ¶§🔗")


def tidy_joined(text: str) -> str:
    """Undo the spaces that joining inline elements put before punctuation."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_BEFORE_S.sub(r"\1", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def tokens(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return short_cached(_tokens, text)


@memo(16384)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def compact(text: str | None) -> str:
    if not text:
        return ""
    return short_cached(_compact, text)


@memo(16384)
def _compact(text: str) -> str:
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def host_labels(url: str | None) -> list[str]:
    """The registrable label of the URL's host ("nytimes" for www.nytimes.com), then others."""
    if not url:
        return []
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").casefold()
    except ValueError:
        return []
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return labels
    labels = labels[:-1]  # the TLD
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    main = labels[-1]
    rest = [x for x in labels[:-1] if x not in _SUBDOMAINS]
    return [main, *rest]


def site_keys(names: Iterable[str | None], url: str | None) -> list[str]:
    """Compact forms of everything that names the site (min 3 characters)."""
    return list(_site_keys(tuple(names), url))


@lru_cache(maxsize=1024)
def _site_keys(names: tuple[str | None, ...], url: str | None) -> tuple[str, ...]:
    """`site_keys`, remembered (several choosers of a page ask for them)."""
    keys: list[str] = []
    for name in names:
        k = compact(name)
        if len(k) >= 3 and k not in keys:
            keys.append(k)
    for label in host_labels(url)[:1]:
        k = compact(label)
        if len(k) >= 3 and k not in keys:
            keys.append(k)
    return tuple(keys)


def names_site(segment: str, keys: list[str], *, exact: bool = False) -> bool:
    """Does this text name the site? Equal to a site key, or (not `exact`: a title segment)
    one starts with the other ("Example" / "Example News", "example.com")."""
    k = compact(segment)
    if len(k) < 2:
        return False
    for key in keys:
        if k == key:
            return True
        if exact:
            continue
        short, long_ = (k, key) if len(k) < len(key) else (key, k)
        if len(short) >= 3 and long_.startswith(short) and len(segment.split()) <= 6:
            return True
    return False


def split_title(title: str) -> list[str]:
    parts = [p.strip() for p in _SEP.split(title)]
    return [p for p in parts if p]


_SEP_CAPTURE = re.compile(f"({_SEP.pattern})")
_PIPE = re.compile(r"[|｜]")
_DASH = re.compile(r"^\s+[-–—]\s+$")
_LABEL = re.compile(r"^(?:(?:title|thread|topic|view topic|subject|re|fwd?)\s*(?::|\s[-–—])|\d{1,4}\s[-–—])\s+(?=\S)",
                    re.I)
def _title_cased(segment: str) -> bool:
    words = [w for w in segment.split() if w[:1].isalnum()]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def strip_site(title: str | None, keys: list[str], others: Iterable[str | None] = (), *, dash: bool = True) -> str:
    """`title` without its decorations.

    Dropped, in order: a leading label ("Thread:", "Title:", "15 -"); leading/trailing
    segments that name the site, or that another title of the page (`others`) does not have
    while being this title otherwise; everything after the first " | "; one short
    Title-Cased segment after a final spaced dash ("... - Part 1", "... – Brand Name").
    """
    title = fix_mojibake(clean_text(title))
    if not title:
        return ""
    title = _LABEL.sub("", title, count=1) or title
    pieces = _SEP_CAPTURE.split(title)  # segment, separator, segment, ...
    segs = [p.strip() for p in pieces[0::2]]
    seps = pieces[1::2]
    if len(segs) < 2 or not all(segs):
        return _strip_colon_prefix(title, keys)
    k = next((k for k in range(1, len(segs)) if title_byline_name(segs[k])), None)
    if k is not None:  # "<headline> - by Ann Lee - <publication>": the byline and what follows it go
        segs, seps = segs[:k], seps[: k - 1]
        if len(segs) < 2:
            return _strip_colon_prefix(segs[0], keys)
    others_parts = [split_title(fix_mojibake(clean_text(o))) for o in others if o]
    changed = True
    while len(segs) > 1 and changed:
        changed = False
        if names_site(segs[-1], keys) or _shared_affix(segs, others_parts, -1):
            segs, seps, changed = segs[:-1], seps[:-1], True
        elif names_site(segs[0], keys) or _shared_affix(segs, others_parts, 0):
            segs, seps, changed = segs[1:], seps[1:], True
    for i, sep in enumerate(seps):
        if _PIPE.search(sep):
            segs, seps = segs[: i + 1], seps[:i]
            break
    if (dash and len(segs) > 1 and _DASH.match(seps[-1]) and len(segs[-1].split()) <= 4 and _title_cased(segs[-1])
            and len(" ".join(segs[:-1]).split()) >= 2):
        segs, seps = segs[:-1], seps[:-1]
    out = segs[0]
    for sep, seg in zip(seps, segs[1:], strict=True):
        out += sep + seg
    return _strip_colon_prefix(out, keys) if len(segs) == 1 else out


_TITLE_BYLINE = re.compile(r"(?i:by)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})")


def title_byline_name(segment: str) -> str | None:
    """The name of a title's byline segment ("by Ann Lee", as blogging platforms end their pages'
    titles: "<headline> - by Ann Lee - <publication>"), when it reads as a person's."""
    m = _TITLE_BYLINE.fullmatch(segment.strip())
    return m.group(1) if m and looks_like_person(m.group(1)) else None


def _shared_affix(parts: list[str], others_parts: list[list[str]], pos: int) -> bool:
    seg = compact(parts[pos])
    for op in others_parts:
        if 0 < len(op) < len(parts) and compact(op[pos]) != seg and all(
            compact(a) == compact(b)
            for a, b in zip(op, parts[: len(op)] if pos == -1 else parts[-len(op):], strict=True)
        ):
            return True
    return False


def _strip_colon_prefix(title: str, keys: list[str]) -> str:
    """"Site: Headline" -> "Headline" when the prefix names the site."""
    head, sep, tail = title.partition(":")
    if sep and tail.strip() and names_site(head, keys, exact=True) and len(tail.split()) >= 2:
        return tail.strip()
    return title


def affixed(longer: tuple[str, ...], shorter: tuple[str, ...], most: int = 3) -> bool:
    """Is `longer` the token sequence `shorter` plus at most `most` tokens before or after?"""
    extra = len(longer) - len(shorter)
    if not shorter or not 0 < extra <= most:
        return False
    return longer[:len(shorter)] == shorter or longer[extra:] == shorter


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1.0 for equal token sequences; containment of the shorter in the longer; else Jaccard."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sa, sb = set(a), set(b)
    inter = len(sa & sb)
    jac = inter / len(sa | sb)
    cont = inter / min(len(sa), len(sb))
    if cont == 1.0 and min(len(sa), len(sb)) >= 2:
        return max(jac, 0.5 + 0.4 * min(len(sa), len(sb)) / max(len(sa), len(sb)))
    return jac


_GENERIC = GENERIC_HEADINGS | frozenset(" ".join(_tokens(text)) for text in GENERIC_HEADINGS_OTHER)


def is_generic(text: str) -> bool:
    """Is the text a site's chrome word ("Home", "Startseite", "Log in"), a number, or nothing?"""
    t = " ".join(tokens(text))
    return not t or t in _GENERIC or t.isdigit()


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "button", "svg", "select", "sup"})
_BREAK_TAGS = frozenset({"div", "p", "span", "li", "small", "strong", "em", "b", "i", "a", "time"})


def heading_text(node: LexborNode, sep: str = " ") -> str:
    """The heading's visible text; `sep` joins text nodes that sit in different elements."""
    out: list[str] = []

    def walk(n: LexborNode, depth: int) -> None:
        for child in n.iter(include_text=True):
            if child.is_text_node:
                out.append(child.text_content or "")
                continue
            tag = child.tag
            if tag == "br":
                out.append(" ")
                continue
            if tag in _SKIP_TAGS or depth > 8:
                continue
            attrs = child.attributes
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                continue
            cls = attrs.get("class") or ""
            if "screen-reader" in cls or "sr-only" in cls or "visually-hidden" in cls:
                continue
            if tag in _BREAK_TAGS:
                out.append(sep)
            walk(child, depth + 1)
            if tag in _BREAK_TAGS:
                out.append(sep)

    walk(node, 0)
    return fix_mojibake(tidy_joined(clean_text("".join(out))))


# ----------------------------------------------------------------- choosing

_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title",
                "sailthru.title", "citation_title", "title", "headline")
MATCH = 0.5  # similarity above which an h1 and a metadata title name the same headline


@dataclass(slots=True)
class TitleChoice:
    title: str | None = None
    source: str | None = None
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, text), for explain
    # the heading element chosen, if any; on a page without a usable <h1>, the element that shows
    # the title (`shown_headline`, set by `metadata_html`): the date and byline search starts there
    node: LexborNode | None = None


def choose_title(page: Page, site_names: list[str | None], url: str | None) -> TitleChoice:
    """The headline: see the module doc."""
    out = TitleChoice()
    ld = page.jsonld
    keys = site_keys(site_names, url)
    raw: list[tuple[str, str]] = []
    if ld.headline and ld.n_articles <= 1:
        raw.append(("json-ld headline", ld.headline))
    for k in _TITLE_METAS:
        for v in page.metas.get(k, ())[:1]:
            raw.append((f"meta[{k}]", v))
    if page.title:
        raw.append(("title", page.title))
    if ld.page_name:
        raw.append(("json-ld name", ld.page_name))
    texts = [t for _, t in raw]
    metas: list[tuple[str, str]] = []
    cut: list[tuple[str, str]] = []  # truncated ("Title of the arti...") go last
    for src, text in raw:
        cleaned = strip_site(text, keys, (t for t in texts if t != text))
        if cleaned and not is_generic(cleaned) and not names_site(cleaned, keys, exact=True):
            out.candidates.append((src, cleaned))
            if cleaned.endswith(("...", "…")):
                cut.append((src, cleaned.rstrip(".… ")))
            else:
                metas.append((src, cleaned))
    metas = _by_votes(metas) + cut
    meta_tokens = [tokens(t) for _, t in metas]

    def best_match(text: str) -> float:
        tt = tokens(text)
        return max((similarity(tt, mt) for mt in meta_tokens), default=0.0)

    heads: list[tuple[str, str, float, LexborNode]] = []  # (text, source, similarity, node)
    for node in page.h1s:
        spaced = heading_text(node, " ")
        if not spaced or len(spaced) > 300:
            continue
        text, best = spaced, best_match(spaced)
        joined = heading_text(node, "")
        if joined != spaced:
            best_j = best_match(joined)
            if best_j > best and best_j >= MATCH:
                text, best = joined, best_j
        out.candidates.append(("h1", text))
        if is_generic(text) or names_site(text, keys, exact=True) or chrome_ancestor(node):
            continue
        text = strip_site(text, keys, texts, dash=False) or text
        heads.append((text, "h1", best_match(text), node))
    for node in page.itemprops.get("headline", ())[:2]:
        if node.tag == "meta":
            continue
        text = heading_text(node, " ")
        if text and len(text) <= 300 and not is_generic(text):
            heads.append((text, "[itemprop=headline]", best_match(text), node))

    matching = [h for h in heads if h[2] >= MATCH]
    if matching:
        chosen = max(matching, key=lambda h: h[2])
        out.title, out.source, out.node = chosen[0], chosen[1], chosen[3]
        # the same headline with a label, a date or a counter around it: the declared wording
        ht = tokens(out.title)
        for (src, text), mt in zip(metas, meta_tokens, strict=True):
            if ht not in meta_tokens and affixed(ht, mt):
                out.title, out.source = text, f"{src} (h1 less affix)"
                break
    elif heads and (not metas or (len(page.h1s) <= 3 and not _declared_website(page))):
        out.title, out.source, out.node = heads[0][0], heads[0][1], heads[0][3]
    elif metas:
        out.title, out.source = metas[0][1], metas[0][0]
    elif raw:  # a home page: its title is the site's name
        out.title, out.source = strip_site(raw[0][1], [], ()) or None, raw[0][0]
    return out


# Where a page shows its headline when it has no usable <h1> (a styled <div>, an <h2>): elements
# whose class or id says title or headline (also the title picker's candidates, `metadata_rank`),
# less the tags that hold no headline of their own; and <h2>s. (Not <h3>s: on a forum page, a
# post's title next to its poster's "Registered:" day.)
TITLE_EL_QUERY = "[class*=title i], [class*=headline i], [id*=title i], [id*=headline i]"
TITLE_EL_SKIP = frozenset({"title", "meta", "head", "html", "body", "script", "style", "img", "svg", "input",
                           "button", "form", "section", "article", "main"})
_SHOWN_QUERY = "h2, " + TITLE_EL_QUERY
_SHOWN_SKIP = TITLE_EL_SKIP | {"a"}  # (a link showing the title is a teaser's or a breadcrumb's)
_SHOWN_MAX = 60  # elements looked at


def shown_headline(root: LexborNode | None, title: str | None) -> LexborNode | None:
    """The element showing `title` on a page whose headline is no usable <h1>: the first of
    `_SHOWN_QUERY`'s elements outside navigation and footers whose text is the title's words (or
    holds them with a label or counter around it). The date and byline search starts next to it,
    as it starts next to the <h1> (`near_headline`). None when no element shows it."""
    key = tokens(title)
    if root is None or len(key) < 2:
        return None
    for node in root.css(_SHOWN_QUERY)[:_SHOWN_MAX]:
        if node.tag in _SHOWN_SKIP:
            continue
        text = heading_text(node, " ")
        if not text or len(text) > 300:
            continue
        k = tokens(text)
        if (k == key or affixed(k, key) or affixed(key, k)) and not chrome_ancestor(node):
            return node
    return None


def _declared_website(page: Page) -> bool:
    """og:type "website" and no article in JSON-LD: a home, product or service page, where an
    h1 that matches no declared title is often a slogan rather than the page's name."""
    og = page.metas.get("og:type", ())
    return bool(og) and og[0].casefold() == "website" and page.jsonld.n_articles == 0


def _by_votes(metas: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Metadata titles, the wording most sources declare first (stable otherwise)."""
    votes: dict[tuple[str, ...], int] = {}
    for _, text in metas:
        key = tokens(text)
        votes[key] = votes.get(key, 0) + 1
    return sorted(metas, key=lambda m: -votes[tokens(m[1])])
