"""Person names and agencies in bylines and author metadata.

`clean_authors` turns raw author strings into person names; `split_credit` sorts a credit line
into persons and organisations/agencies; `looks_like_person` and `is_agency` judge one name;
`byline_match` tells whether a short text line is a byline and returns the part holding names.
The word tables (agencies, organisation words, roles, byline prefixes, CJK words) are in `authors_words`.

A credit is read in steps: emails, URLs, @handles, emoji, "Follow"/"View all posts" phrases,
dates, times and relative times ("3 hours ago") are removed; the text is cut into clauses at
"|", "•", spaced dashes, parentheses and "<Role> by" ("Text by", "Video by"); each clause loses its
prefix ("By", "Von", "Par", "Autor:", "Oleh", "Haber:", "Γράφει ο", "بقلم", "记者", ...; an editor's
"Editor:" drops the clause), a photographer's credit after the names ("FOTO: ..."), everything
from a date keyword on ("Updated", "Publié le"), outlet phrases ("for The Guardian"), bios ("is a
reporter ..."), then is split into names at ",", ";", "/", "&", "and", "und", "et", "y", "i", "e",
"och", "og", "en", "и", "та", "ve", "dan", "és", "și", "και";
each name loses leading/trailing roles ("Senior Reporter", "Editor-in-Chief") and is kept as a
person (`looks_like_person`) or an organisation (`is_agency`), otherwise dropped. Clauses credited
to editors or translators ("Editing by", "Translated by") are dropped. Capitalisation is kept.

A CJK byline may put its role after the names ("김민준 기자", "佐藤美咲記者"): `byline_match` reads those
too. Space-separated CJK names are each a person ("王晓明 李华"), except on a Japanese page (`ja`) or
with kana, where "佐藤 美咲" (family name, given name) is one.

Limits: single-word names (user names, "Madonna") are never persons, except CJK names of 2-4
characters; "Doe, Jane" is read as two single words (dropped); names joined by a connector
("José Ortega y Gasset") are split; a name led by a lower-case particle ("de Andrei Popescu") is
none (the particle is a preposition there: "by" in Romanian, see `metadata_text`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .authors_noise import _norm, _remove_noise
from .authors_words import (
    _AGENCIES,
    _ANY_START_PAIRS,
    _CJK_NOT_NAMES,
    _CJK_OUTLET_ENDS,
    _CJK_ROLES,
    _COMMON,
    _CREDENTIALS,
    _CREDIT_AGENCIES,
    _DATE_KEYWORD,
    _FELLOW,
    _HONORIFICS,
    _ITEM_SPLIT,
    _LEGAL_FORMS,
    _MID_PREFIX,
    _NOT_NAME,
    _ORG_WORDS,
    _PARTICLES,
    _PHOTO_CREDIT,
    _POSSESSIVES,
    _ROLE_CORE,
    _ROLE_WORDS,
    _SKIP_PREFIX,
    _START,
    _START_PAIRS,
    _START_WORDS,
    _SUFFIX_GATE,
    _SUFFIX_ROLE,
    _TRAILING_FILLER,
    SOURCE_PREFIX,
)
from .dates import _limit as date_limit
from .dates import short_cached
from .memo import memo

__all__ = [
    "byline_match", "clean_authors", "credited_persons", "is_agency", "is_news_agency", "looks_like_person", "split_credit",
]

_L = r"[^\W\d_]"
# the first word of a line, after at most 3 other characters (`_may_start`)
_FIRST_WORD = re.compile(r"[\s\W]{0,3}(\w+)")


def _may_start(line: str) -> bool:
    """False only when `_START` cannot match `line` (a line whose first word is none of them)."""
    if not line.isascii():
        m = _FIRST_WORD.match(line)
        return m is not None and ((w := m.group(1))[:2].lower() in _ANY_START_PAIRS or w[:1] == "文")
    if (line[:1].isalnum() or line[:1] == "_") and line[:2].lower() not in _START_PAIRS:
        return False  # (every start word has two letters or more; "By" glued to a name is in the pairs)
    m = _FIRST_WORD.match(line)
    if m is None:
        return False
    w = m.group(1)
    return w.lower() in _START_WORDS or (w[:2] == "By" and "A" <= w[2:3] <= "Z")


_CLAUSE_SPLIT = re.compile(r"\s*(?:[|•·\n\t()\[\]（）【】]|\s[-–—]\s|^[-–—]\s|\s[-–—]$)\s*")
_BIO = re.compile(r"\s+(?:is|was|has|writes|covers|reports|joined|lives)(?:\s.*)?$")
_OUTLET = re.compile(r"(?:^|\s+)(?:[Ff]or|FOR|[Ss]pecial to|[Oo]n behalf of|für|pour)\s+\S.*$")
_WITH_AGENCY = re.compile(r"(?i)^(.*?)\s+(?:with|and|avec|mit|con)\s+(wires|agencies|agency reports|wire services)$")
_CJK = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff·・]+$")
_KANA = re.compile(r"[\u3040-\u30ff]").search
_BAD_CHARS = re.compile(r"[@/\\:;|()\[\]{}<>=+*#?!\"“”«»_~^%$€£&,]")
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|d|l|o|ben|bin)['’\-]", re.IGNORECASE)
_STRIP = " \t\n.,;:|/-–—·•*'\"“”‘’«»()[]{}<>"
_STRIP_KEEP_DOT = _STRIP.replace(".", "")  # "Jr." and initials keep their dot


_ASCII_DIGIT = re.compile(r"[0-9]").search


def _has_digit(text: str) -> bool:
    """`any(ch.isdigit() for ch in text)`; for ASCII text, one regex scan."""
    if text.isascii():
        return _ASCII_DIGIT(text) is not None
    return any(ch.isdigit() for ch in text)


def _agency_name(name: str) -> tuple[str, str] | None:
    """(the name cleaned, case-folded) for the agency tests, or None when nothing is left."""
    if not name or not isinstance(name, str):
        return None
    clean = _norm(name).strip(_STRIP_KEEP_DOT)
    return (clean, clean.casefold()) if clean else None


def _named_agency(clean: str, folded: str) -> bool:
    """A news agency or wire credit by name ("AFP", "The Associated Press", "FRANCE 24 with wires")."""
    return (folded in _AGENCIES or folded.removeprefix("the ") in _AGENCIES or _WITH_AGENCY.match(clean) is not None
            or folded.endswith((" wires", " agencies")))


def is_news_agency(name: str) -> bool:
    """True for a news agency or wire credit by name ("AFP", "The Associated Press", "Reuters",
    "FRANCE 24 with wires", "Staff and agencies"): the strict test for a line that stands alone,
    without a credit's form around it. `is_agency` also takes any organisation-like name, which
    in a byline is right ("By Ann Lee, BBC News") and alone on a line is a menu's or a heading's."""
    cleaned = _agency_name(name)
    return cleaned is not None and _named_agency(*cleaned)


def is_bracket_agency(name: str) -> bool:
    """A news agency's name as a credit in brackets gives it ("(AFP)", "（共同）"): `is_news_agency`, or a
    short form that names an agency only there ("共同", "時事": common words alone on a line)."""
    cleaned = _agency_name(name)
    return cleaned is not None and (_named_agency(*cleaned) or cleaned[1] in _CREDIT_AGENCIES)


def is_agency(name: str) -> bool:
    """True for a news agency or an organisation ("AFP", "Reuters", "FRANCE 24", "BBC News")."""
    cleaned = _agency_name(name)
    if cleaned is None:
        return False
    clean, folded = cleaned
    if _named_agency(clean, folded) or folded.endswith(" staff") or folded in _CREDIT_AGENCIES:
        return True
    tokens = clean.split()
    if tokens[0] in ("The", "THE") and len(tokens) > 1:
        return True
    if _has_digit(clean) and _channel(clean, tokens):
        return True  # "FRANCE 24", "TF1", "BBC2", "France 24"; not "Pippin06", "Guest 6381"
    if len(tokens) == 1 and len(clean) >= 2 and clean.isupper() and clean.isalpha():
        return True  # "AFP", "BBC", "EFE"
    if "/" in clean:
        return all(is_agency(part) for part in clean.split("/") if part.strip())
    words = [t.casefold().strip(".,") for t in tokens]
    return any(w in _ORG_WORDS and (k or w not in _LEGAL_FORMS) for k, w in enumerate(words))


_CHANNEL = re.compile(r"^(?:[^\W\d_]+\d{0,3}|\d{1,3}[^\W\d_]*)$")
_INNER_CAPS = re.compile(r"(?<=[^\W\d_])[A-Z]")


def _channel(clean: str, tokens: list[str]) -> bool:
    """A channel or outlet name with a number: all capitals ("TF1", "FRANCE 24") or a capitalised
    word and a short number ("France 24"); not a user name ("Pippin06", "Guest 6381")."""
    if not all(_CHANNEL.match(t) for t in tokens) or not any(ch.isalpha() for ch in clean):
        return False
    if clean.isupper():
        return True
    return (len(tokens) > 1 and tokens[-1].isdigit() and _token_ok(tokens[0])
            and tokens[0].casefold() not in _NOT_NAME)


def _token_ok(token: str) -> bool:
    body = _PARTICLE_PREFIX.sub("", token) if len(token) > 3 else token
    if not body or not body[0].isalpha() or body[0].islower():
        return False
    rest = body[1:]
    if rest.isalpha():  # the common case, the same answer
        return True
    return all(ch.isalpha() or ch in "'’-.‐" or unicodedata.category(ch)[0] == "M" for ch in rest)


def looks_like_person(name: str) -> bool:
    """True when `name` reads as a person's name: 2-5 capitalised words or initials (a CJK name of
    2-4 characters also), no digits, not an organisation or a generic author ("Staff", "Admin")."""
    return _looks_like_person(name, None)


def _looks_like_person(name: str, agency: bool | None) -> bool:
    """`looks_like_person(name)`; `agency`: `is_agency(name)` when the caller knows it already."""
    if not name or not isinstance(name, str):
        return False
    return _person(name, agency)


@memo(8192)
def _person(name: str, agency: bool | None) -> bool:
    """`_looks_like_person` of a non-empty string, remembered (names are tested again and again)."""
    normed = _norm(name)
    if normed != name:
        agency = None
    name = normed
    if not name or len(name) > 70 or _has_digit(name) or _BAD_CHARS.search(name):
        return False
    if _CJK.match(name.replace(" ", "")):
        compact = name.replace(" ", "").replace("·", "").replace("・", "")
        return (2 <= len(compact) <= 4 and compact not in _CJK_NOT_NAMES
                and not (len(compact) > 2 and compact.endswith(_CJK_OUTLET_ENDS)))
    # every test below only rules the name out: the costlier agency test comes last
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return False
    folded = [t.casefold() for t in tokens]
    if any(f.strip(".") in _NOT_NAME or f in _ROLE_CORE or f in _COMMON for f in folded):
        return False
    if any(not t.isupper() and len(_INNER_CAPS.findall(t)) >= 2 for t in tokens):
        return False  # "PostgreSQL", "iOS": a brand, not a name
    # a particle ends no name ("Jane de"), but a capitalised one can be a surname ("Anika Das")
    last_surname = tokens[-1][:1].isupper() and len(tokens[-1]) >= 2 and folded[0] not in _PARTICLES
    if folded[-1] in _PARTICLES and not last_surname:
        return False
    core = [t for i, (t, f) in enumerate(zip(tokens, folded, strict=True))
            if f not in _PARTICLES or (i == len(tokens) - 1 and last_surname)]
    if len(core) < 2 or not all(_token_ok(t) for t in core):
        return False
    if folded[0] in _PARTICLES and tokens[0].islower() and len(core) >= 2:
        return False  # a preposition before a full name ("de Andrei Popescu", "da Agência Brasil"): no name's start
    if not any(sum(map(str.isalpha, t)) >= 2 and not t.endswith(".") for t in core):
        return False
    return not (agency if agency is not None else is_agency(name))


def _credential(token: str) -> bool:
    """A degree or professional credential ("MD", "Ph.D.", "FACLM"), not part of a name."""
    t = token.strip(",")
    return t.casefold() in _CREDENTIALS or bool(_FELLOW.match(t))


_ROLE_ANY = _ROLE_WORDS | _ROLE_CORE
_DASHES = re.compile(r"[-‐]")


def _is_role(tok: str, core: bool) -> bool:
    words = _ROLE_CORE if core else _ROLE_ANY
    folded = tok.casefold()
    bare = folded.strip(".,")
    if "-" not in bare and "‐" not in bare:  # one part (or none)
        return bool(bare) and (folded in words or bare in words)
    parts = [p for p in _DASHES.split(bare) if p]
    return bool(parts) and (folded in words or all(p in words for p in parts))


def _strip_roles(tokens: list[str]) -> list[str]:
    """Drop a leading or trailing run of role words holding a core role ("Senior Reporter")."""
    is_role = _is_role
    end = len(tokens)
    while end > 0 and is_role(tokens[end - 1], False):
        end -= 1
    if end < len(tokens) and any(is_role(t, True) for t in tokens[end:]):
        tokens = tokens[:end]
    start = 0
    while start < len(tokens) and is_role(tokens[start], False):
        start += 1
    if start and any(is_role(t, True) for t in tokens[:start]):
        tokens = tokens[start:]
    while tokens and tokens[0].casefold() in _HONORIFICS:
        tokens = tokens[1:]
    return tokens


def _clauses(text: str) -> list[str]:
    """Cut at strong separators and before mid-text "<Role> by"; drop editor/translator clauses
    and a photographer's credit after the names."""
    pieces: list[str] = []
    for chunk in _CLAUSE_SPLIT.split(text):
        if ":" in chunk:
            photo = _PHOTO_CREDIT.search(chunk)
            if photo:
                chunk = chunk[: photo.start()]
        last = 0
        for m in _MID_PREFIX.finditer(chunk):
            pieces.append(chunk[last : m.start()])
            last = m.start()
        pieces.append(chunk[last:])
    out = []
    for piece in pieces:
        piece = piece.strip(_STRIP_KEEP_DOT)
        m = _START.match(piece)
        if m:
            if _SKIP_PREFIX.match(m.group().strip(_STRIP)):
                continue
            piece = piece[m.end() :]
        cut = _DATE_KEYWORD.search(piece)
        if cut:
            piece = piece[: cut.start()]
        piece = _trim_filler(piece)
        if any(ch.isalpha() for ch in piece):
            out.append(piece)
    return out


def _trim_filler(text: str) -> str:
    """Drop the words left hanging once a date was removed ("Jane Doe on", "Jean Dupont le")."""
    words = text.split()
    while words and words[-1].casefold() in _TRAILING_FILLER:
        words.pop()
    return " ".join(words)


def _cjk_persons(tokens: list[str], ja: bool) -> list[str]:
    """The persons of space-separated CJK words: each word a name ("王晓明 李华": two Chinese
    people, "김민준 이서연"), except on a Japanese page (`ja`) or with kana, where a name is written
    family name, space, given name ("佐藤 美咲": one person): there the words pair up."""
    words = [t for t in tokens if t not in _CJK_ROLES]
    if (ja or any(_KANA(t) for t in words)) and len(words) % 2 == 0:
        pairs = [(words[k], words[k + 1]) for k in range(0, len(words), 2)]
        if all(_ja_name(a, b) for a, b in pairs):
            return [f"{a} {b}" for a, b in pairs]
    return [t for t in words if looks_like_person(t)]


def _ja_name(family: str, given: str) -> bool:
    """A Japanese family name and given name (1-4 characters each, 6 at most together), neither a
    role, a label or an outlet's name."""
    return (len(family) <= 4 and len(given) <= 4 and 2 <= len(family) + len(given) <= 6
            and not {family, given} & _CJK_NOT_NAMES and not given.endswith(_CJK_OUTLET_ENDS)
            and "·" not in family + given)


_INITIAL_END = re.compile(r"(?:^|\s)(?:\w|Jr|Sr|St)\.$")


def _names(clause: str, want_orgs: bool = True, ja: bool = False) -> tuple[list[str], list[str]]:
    """(persons, organisations) of one clause; without `want_orgs`, the persons only (the agency
    test then runs only where the person test needs it: last, in `_looks_like_person`); `ja`: the
    page is Japanese (`_cjk_persons`)."""
    persons: list[str] = []
    orgs: list[str] = []
    m = _WITH_AGENCY.match(clause)
    if m:
        left = m.group(1).strip(_STRIP)
        if not left or is_agency(left) or not looks_like_person(left):
            return [], [clause.strip(_STRIP)]
        orgs.append(m.group(2))
        clause = left
    for item in _ITEM_SPLIT.split(_BIO.sub("", clause)):
        item = _OUTLET.sub("", item).strip(_STRIP_KEEP_DOT)
        if not item:
            continue
        folded_item = item.casefold()
        if folded_item in _AGENCIES or folded_item in _CREDIT_AGENCIES:
            orgs.append(item)  # "Staff", "Wire services": before roles are stripped
            continue
        if " " in item and _CJK.match(item.replace(" ", "")):  # "王晓明 李华": CJK names apart
            persons += _cjk_persons(item.split(), ja)
            continue
        tokens = _strip_roles(item.split())
        if not tokens or all(_credential(t) for t in tokens):
            continue
        half = len(tokens) // 2
        if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:]:
            tokens = tokens[:half]  # "Ann Gray Ann Gray": a name rendered twice
        name = " ".join(tokens).strip(_STRIP_KEEP_DOT)
        agency: bool | None = is_agency(name) if want_orgs or item != name else None
        if agency and (item == name or is_agency(item)):
            name = item  # "Reuters Staff" stays whole
        if name.endswith(".") and not _INITIAL_END.search(name):
            name, agency = name[:-1], None
        if _looks_like_person(name, agency):
            persons.append(name)
        elif want_orgs and (agency if agency is not None else is_agency(name)):
            words = name.split()
            while len(words) > 1 and words[0].islower() and words[0] in _PARTICLES:
                words = words[1:]  # "da Agência Brasil", "de la Agencia EFE": the agency without the preposition
            orgs.append(" ".join(words))
    return persons, ([] if not want_orgs else orgs)


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        key = n.casefold()
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def split_credit(text: str, want_orgs: bool = True, ja: bool = False) -> tuple[list[str], list[str]]:
    """(persons, organisations) named in a byline or credit line, each de-duplicated, in order
    (without `want_orgs`: the persons, and no organisations looked for). `ja`: the page is in
    Japanese, where "佐藤 美咲" is one person (family name, given name), not two."""
    if not text or not isinstance(text, str):
        return [], []
    text = text[:2000]
    persons, orgs = short_cached(_split_credit, text, want_orgs, date_limit(None), ja)
    return list(persons), list(orgs)


@memo(8192)
def _split_credit(text: str, want_orgs: bool, limit: date, ja: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`split_credit`, remembered (the same names come back from several sources of a page, and
    from page to page of a site). `limit`: the latest date `find_dates` accepts when noise is
    removed (it follows today's date), part of the key only."""
    persons: list[str] = []
    orgs: list[str] = []
    for clause in _clauses(_remove_noise(text)):
        p, o = _names(clause, want_orgs, ja)
        persons += p
        orgs += o
    return tuple(_dedupe(persons)), tuple(_dedupe(orgs))


def credited_persons(text: str, ja: bool = False) -> list[str]:
    """`split_credit(text)[0]`, without sorting out the organisations."""
    return split_credit(text, want_orgs=False, ja=ja)[0]


def clean_authors(raw: str | list[str] | None, ja: bool = False) -> list[str]:
    """Person names from author strings (bylines, metadata values); see the module doc. `ja`: the
    page is in Japanese (`split_credit`)."""
    if raw is None:
        return []
    values = [raw] if isinstance(raw, str) else [v for v in raw if isinstance(v, str)]
    persons: list[str] = []
    for value in values[:50]:
        persons += credited_persons(value, ja)
    return _dedupe(persons)


_BYLINE_MAX = 200


def _our_role(rest: str) -> str:
    """`rest` without a leading "our <role>" ("our correspondents", "onze redacteuren", "unsere
    Korrespondentin"): the names after it; else `rest` as it is."""
    toks = rest.split()
    if toks[0].casefold() not in _POSSESSIVES:
        return rest
    k = 1
    while k < min(len(toks), 4) and _is_role(toks[k], False):
        k += 1
    return " ".join(toks[k:]) if any(_is_role(t, True) for t in toks[1:k]) else rest


def byline_match(line: str) -> str | None:
    """The part holding names when `line` is a byline ("By Jane Doe | 5 March 2024" -> "Jane Doe");
    None otherwise. Cheap for the lines that are not: a length test and one anchored regex."""
    if not line or not isinstance(line, str) or len(line) > _BYLINE_MAX:
        return None
    m = _START.match(line) if _may_start(line) else None
    if not m:
        return _suffix_byline(line) if not line.isascii() else None
    if m.group().strip(_STRIP)[:6].casefold() == "editor":
        return None  # "Editor: Ann Lee": an editor's credit, not the author's
    rest = line[m.end() :].lstrip(_STRIP)
    if rest[:1].islower():
        rest = _our_role(rest)  # "By our correspondents Ann Lee and ...", "Door onze redacteuren ..."
    if not rest or not rest[0].isalpha() or rest[0].islower():
        return None  # "By 2030, ...", "By signing up, ..."
    cleaned = _remove_noise(rest)
    cut = _DATE_KEYWORD.search(cleaned)
    if cut:
        cleaned = cleaned[: cut.start()]
    pieces = [p.strip() for p in cleaned.split("|")]
    cleaned = _trim_filler(" | ".join(p for p in pieces if any(ch.isalpha() for ch in p)).strip(_STRIP_KEEP_DOT))
    if not cleaned or len(cleaned.split()) > 16:
        return None
    persons, orgs = split_credit(cleaned)
    if not persons and not orgs:
        return None
    return cleaned


def _suffix_byline(line: str) -> str | None:
    """`byline_match` for a CJK byline whose role word follows the names (`_SUFFIX_ROLE`)."""
    if _SUFFIX_GATE(line) is None:
        return None
    m = _SUFFIX_ROLE.match(line)
    if m is None and any(ch.isdigit() for ch in line):  # "김민준 기자 | 입력 2024.04.05 10:20"
        m = _SUFFIX_ROLE.match(_remove_noise(line).split("|", 1)[0])
    if m is None:
        return None
    names = m.group(1).strip()
    return names if split_credit(names)[0] else None


def source_prefix(text: str) -> re.Match[str] | None:
    """`SOURCE_PREFIX.match(text)`: the pattern needs a colon, most lines have none."""
    return SOURCE_PREFIX.match(text) if ":" in text or "：" in text or text.startswith("기사") else None
