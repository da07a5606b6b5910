"""Person names and agencies in bylines and author metadata.

`clean_authors` turns raw author strings into person names; `split_credit` sorts a credit line
into persons and organisations/agencies; `looks_like_person` and `is_agency` judge one name;
`byline_match` tells whether a short text line is a byline and returns the part holding names.

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
from functools import lru_cache

from .authors_noise import _norm, _remove_noise
from .dates import _limit as date_limit
from .dates import short_cached

__all__ = [
    "byline_match", "clean_authors", "credited_persons", "is_agency", "is_news_agency", "looks_like_person", "split_credit",
]

_L = r"[^\W\d_]"


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string (space- or `sep`-separated), as a frozenset."""
    return frozenset(" ".join(w.split()) for w in text.split(sep) if w.strip())


_AGENCIES = _words(
    """afp|agence france-presse|agence france presse|reuters|thomson reuters|ap|associated press|
    the associated press|dpa|deutsche presse-agentur|efe|agencia efe|ansa|pap|polska agencja prasowa|
    tass|itar-tass|ria novosti|interfax|xinhua|xinhua news agency|kyodo|kyodo news|jiji|jiji press|
    yonhap|bloomberg|bloomberg news|upi|united press international|pa|pa media|press association|
    aap|australian associated press|cp|canadian press|the canadian press|anp|belga|apa|sda|
    keystone-sda|čtk|ctk|tt|ntb|ritzau|stt|anadolu|anadolu agency|ani|pti|ians|europa press|lusa|
    agência lusa|kna|antara|bernama|agerpres|mti|tasr|hina|tanjug|bta|anadolu ajansı|anadolu ajansi|agência brasil|
    agencia brasil|ukrinform|unian|ΑΠΕ-ΜΠΕ|ΑΠΕ|共同通信|共同通信社|時事通信|時事通信社|新华社|新華社|中新社|中央社|연합뉴스|뉴시스|
    뉴스1|أ ف ب|أ.ف.ب|رويترز|د ب أ|وكالات|epd|wires|wire|wire services|wire reports|news wires|newswires|agencies|
    news agencies|agency|staff|staff reports|staff report|newsroom|editorial staff|editorial team""",
    "|",
)
_AGENCIES = frozenset(a.casefold() for a in _AGENCIES)
# short forms that name an agency only in a credit's form ("（共同）", "(時事)"), not alone on a line, where
# they are common words ("joint", "current affairs"): `is_agency`, not `is_news_agency`
_CREDIT_AGENCIES = frozenset(["共同", "時事"])
# a name holding one of these words is an organisation
_ORG_WORDS = _words(
    """news media press tv radio network group inc ltd gmbh llc corp corporation plc agency agence
    agencia agência agenția agenţia ajansı ajansi agentura agencja ügynökség πρακτορείο agenzia agentur nachrichtenagentur wire wires agencies broadcasting newspaper magazine
    staff desk newsroom editorial redaktion rédaction redacción redazione redação redactie redakcja
    redakce bureau online digital team services company foundation institute university ministry
    association council channel studios productions publishing publications s.a. ag
    documentation docs blog blogs forum forums community hotels hotel resort resorts clinic clinics hospital
    hospitals health healthcare medical dental pharmacy partners builders construction design designs co co.
    int learning academy school schools college universities labs software systems technologies apps games
    gaming studio store shop market restaurant cafe bakery brewery winery wines realty properties insurance
    capital finance financial consulting consultants legal firm social industries international global
    enterprises holdings ventures center centre club society museum library theatre theater festival project
    reviews guide guides journal gazette tribune herald chronicle travel tours adventures fitness wellness
    salon apparel boutique homes gardens farms pets plumbing electric electrical roofing movers cleaning
    service website platform cloud analytics security energy solar motors automotive coffee roasters
    roaster tea foods kitchens photography collective platforms dentistry pc pllc llp coalition alliance
    federation union limited pte spa s.p.a. srl sarl pty bv kft oy private laboratory laboratories tech
    solutions relations"""
)
# common words that are not (parts of) a person's name; a name holding one is not a person's
_COMMON = _words(
    """it's its all to me my your our their we you is are was be this that these those how why what when
    where which not no yes for with from into about more most very just only also than then so such best top
    free new easy simple half death wish ask tips ideas world life first name view check click read share print
    save download search help contact knowledge base guidance careers career optionally hardware category"""
)
# words that are never part of a person's name (generic authors, site roles)
_NOT_NAME = _ORG_WORDS | _words(
    """admin administrator editor editors guest anonymous unknown user webmaster moderator
    contributor contributors reporter reporters writer writers correspondent journalist author
    authors the sponsored partner content marketing support community official office department
    by and type size industry topic role category categories region location product products
    solution solutions function price language format level audience stage status popularity
    relevance platform resources use policy privacy terms cookie cookies conditions subscribe
    newsletter login sign account api testimonial testimonials logo icon banner thumbnail screenshot"""
) | _words(
    # a site's own words in other languages (home page, log in, menu, read more, accept): a nav or a
    # consent line ("Ana Sayfa", "Giriş Yap", "Página Inicial") reads like two capitalised names
    """sayfa sayfası anasayfa giriş abone üye devamını kabul merkezi página pagina inicial principal iniciar
    sesión sessão strona główna stránka stranka přihlásit prihlásiť főoldal kezdőlap bejelentkezés
    acasă autentificare abonează-te beranda masuk daftar selengkapnya αρχική σελίδα σύνδεση главная
    страница головна сторінка войти увійти startseite anmelden abonnieren accueil connexion inloggen
    abonneren logga prenumerera forsiden etusivu"""
)
_ROLE_CORE = _words(
    """reporter writer editor correspondent contributor columnist journalist photographer producer
    analyst author intern editor-in-chief staff redakteur redakteurin korrespondent korrespondentin
    journaliste rédacteur rédactrice envoyé envoyée corresponsal redactor redactora periodista
    giornalista inviato inviata jornalista redacteur verslaggever dziennikarz dziennikarka redaktor
    redaktorka reportér reportérka reporterka журналист корреспондент редактор журналіст
    кореспондент muhabir editör fotograf fotógrafo chefredakteur chefredakteurin 기자 특파원 记者 記者
    contributing director ceo cto cfo coo cmo founder co-founder cofounder president manager head vp
    consultant specialist strategist officer"""
)
_ROLE_WORDS = _ROLE_CORE | _words(
    """senior chief deputy associate assistant special freelance political politics business sports
    sport science health managing executive news international foreign economics economic technology
    tech culture entertainment national local digital online investigative data travel food fashion
    lifestyle opinion guest legal white house washington europe asia africa in of at the and & - a an
    our large general features feature editorial copy web social media video audio photo visual
    multimedia breaking bureau spécial spéciale grand en chef sr sr. vice product marketing content
    operations communications engineering sales"""
)
_HONORIFICS = _words("dr dr. prof prof. mr mr. mrs mrs. ms ms. mx mx. herr frau mme mlle dott. ing. mgr.")
_CREDENTIALS = _words(
    """md m.d. phd ph.d. mba rn dds dmd do d.o. dvm vmd msc bsc ma ba bs ms mph msn bsn np aprn fnp pa-c
    lcsw lmft lpc rd rdn ld cpa cfa cfp esq jr jr. sr sr. ii iii pharmd psyd edd jd llm"""
)
# "FACP", "FACLM", "DACVB": fellow / diplomate of an (American) college or board
_FELLOW = re.compile(r"^(?:F|D)A[A-Z]{2,5}$")
_PARTICLES = _words("von van der den de del della di da das do dos du la le les ten ter zu y e bin ibn al el st. st")

_PREFIX_WORDS = (
    r"(?:(?:additional\s+)?reporting|written|posted|published|text|texte|video|photos?|words|story|interview|"
    r"illustrations?|graphics?|compiled|produced|reported|contributed|edited|editing|translated|translation|"
    r"fact[- ]checked|(?:medically\s+)?reviewed)\s+by"
)
_SKIP_PREFIX = re.compile(r"(?i)^(?:additional|edit|translat|fact|medically|reviewed)")
# prefixes that may start a byline (and a clause); the glued "ByJane" of text dumps too
_START = re.compile(
    rf"^[\s\W]{{0,3}}(?:(?i:{_PREFIX_WORDS}|skrivet av|escrito por|scritto da|publié par|by|von|par|por|"
    r"door|av|af|od|di|автор(?:ы)?|yazar|napsal[a]?|autor(?:in|ka|es|a|en)?|authors?|contributors?|texte?|tekst|"
    r"redakcja|reportage|írta|γράφει(?:\s+(?:ο|η|οι))?|بقلم)(?:\s*:\s*|\s+)"
    # role words that head a byline only with a colon ("Haber: ...", "Penulis: ...", "Szerző: ...");
    # "Editor:" heads an editor's credit, which `_clauses` drops and `byline_match` does not take
    r"|(?i:haber|muhabir|yazan|penulis|reporter|editor|szerző|συντάκτης|συντάκτρια)\s*[:：]\s*|(?:كتب|كتبت)\s*[:：\-–—]\s*"
    # Indonesian "Oleh" (by) before a name of two words or more: alone before one word it is the
    # Ukrainian given name ("Oleh Sentsov"); Greek "Του"/"Της" (of the) before a capitalised name
    r"|(?i:oleh)(?:\s*:\s*|\s+(?=\S+\s+\S))|(?:Του|Της|ΤΟΥ|ΤΗΣ)\s+(?=[^\W\d_])"
    r"|By(?=[A-Z])|(?:本[报報]|特约|特約)?(?:记者|記者|作者|撰文|撰稿|筆者)\s*[:：/／]?\s*(?=\w)|文\s*[:：/／]\s*(?=\w))"
)
# `_START` on ASCII text needs its first word (after at most 3 other characters) to be one of these
# (any case), or "By" glued to a capital: a set lookup rules most lines out before the regex
_FIRST_WORD = re.compile(r"[\s\W]{0,3}(\w+)")
_START_WORDS = _words(
    """additional reporting written posted published text texte video photo photos words story interview
    illustration illustrations graphic graphics compiled produced reported contributed edited editing translated
    translation fact medically reviewed skrivet escrito scritto by von par por door av af od di yazar napsal
    napsala autor autorin autorka autores autora autoren author authors contributor contributors tekst redakcja
    reportage haber muhabir yazan penulis reporter editor oleh"""
)


# their first two letters: an ASCII line starting with a word character starts with its first word
_START_PAIRS = frozenset(w[:2] for w in _START_WORDS)
# on other text, the first two characters (lower case) of the first word: those of a start word in any
# script; a CJK word ("记者王晓明") also holds the name glued to its start
_ANY_START_PAIRS = _START_PAIRS | _words(
    "ав ír sz γρ συ το τη بق كت 本报 本報 特约 特約 记者 記者 作者 撰文 撰稿 筆者 文"
)


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


_MID_PREFIX = re.compile(rf"(?i)(?<!{_L}){_PREFIX_WORDS}(?!{_L})\s*:?")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[|•·\n\t()\[\]（）【】]|\s[-–—]\s|^[-–—]\s|\s[-–—]$)\s*")
_ITEM_SPLIT = re.compile(
    r"\s*(?:[,;/&+،、，]|(?<!\S)(?:and|und|et|y|e|i|a|och|og|en|и|і|та|ve|dan|és|și|şi|και|with|avec|mit|con|com)(?!\S))\s*"
)
_DATE_KEYWORD = re.compile(
    r"(?:(?<=\s)in(?=\s)|(?<!\w)(?i:published(?!\s+by)|publication|updated|last updated|last modified|modified|posted(?!\s+by)|"
    r"veröffentlicht|aktualisiert|stand|publié|publiée|mis à jour|mise à jour|publicado|publicada|"
    r"actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|opublikowano|"
    r"zaktualizowano|aktualizacja|publikováno|aktualizováno|publicerad|uppdaterad|publiceret|"
    r"opdateret|publisert|oppdatert|опубликовано|обновлено|опубліковано|оновлено|yayınlanma|"
    r"güncelleme|güncellendi|comments?|kommentare|commentaires|comentarios|categories|filed under|"
    r"tags|share)(?!\w)"
    r"|(?<=[a-z])(?:Published|Updated|Posted|Last|Comments))"
)
_TRAILING_FILLER = _words("on am le el il at um à de du the le la on: at: um: | - – — , . :")
_BIO = re.compile(r"\s+(?:is|was|has|writes|covers|reports|joined|lives)(?:\s.*)?$")
_OUTLET = re.compile(r"(?:^|\s+)(?:[Ff]or|FOR|[Ss]pecial to|[Oo]n behalf of|für|pour)\s+\S.*$")
_WITH_AGENCY = re.compile(r"(?i)^(.*?)\s+(?:with|and|avec|mit|con)\s+(wires|agencies|agency reports|wire services)$")
_CJK = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff·・]+$")
_KANA = re.compile(r"[\u3040-\u30ff]").search
# what a 2-4 character CJK word that is no name ends with: an outlet ("한빛일보", "新华社", "北海新聞")
_CJK_OUTLET_ENDS = ("일보", "신문", "뉴스", "방송", "新聞", "新闻", "日报", "日報", "晚报", "晚報", "时报", "時報", "通信", "社",
                    "电视台", "電視台")
# short CJK words of a byline's or a date's line that are no names: roles, date labels ("입력", "수정":
# entered, revised), a site's menu words
_CJK_NOT_NAMES = _words(
    """记者 記者 기자 编辑 編輯 责任编辑 責任編輯 特派员 特派員 通讯员 实习生 特約記者 객원기자 특파원 作者 입력 수정 등록 승인 송고 발행
    작성 업데이트 최종수정 기사 사진 영상 댓글 공유 구독 로그인 회원가입 메뉴 검색 전체 속보 편집 광고 닫기 오피니언 发布 發佈 更新 时间
    時間 来源 來源 日期 配信 公開 掲載 更新日 首页 首頁 登录 登錄 注册 註冊 菜单 菜單 搜索 新闻 新聞 分享 评论 評論 ホーム ログイン
    メニュー 写真 動画 编者 編者 撰文 撰稿 筆者 出典 出处 기사입력 최종수정 기사수정 기사승인 입력일 수정일 등록일 승인일 송고일
    최종편집"""
)
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
    return any(t.casefold().strip(".,") in _ORG_WORDS for t in tokens)


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


@lru_cache(maxsize=8192)
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
    # a particle ends no name ("Jane de"), but a capitalised one can be a surname ("Mahua Das")
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


# a photographer's credit after the author's ("TEXT: Anna Berg FOTO: Erik Lund", "Text: ... Bild: ..."): cut off
_PHOTO_CREDIT = re.compile(r"(?i)\s(?:fotos?|photos?|photographs?|bild|bilder|kuva|zdjęci[ae]|φωτογραφί[αε]ς?)\s*:")


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


_CJK_ROLES = frozenset(["记者", "記者", "기자", "编辑", "編輯", "责任编辑", "特派员", "通讯员", "实习生", "特約記者", "객원기자", "특파원", "作者",
                        "特派員", "編集委員", "선임기자"])


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
            tokens = tokens[:half]  # "Colin Gray Colin Gray": a name rendered twice
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


@lru_cache(maxsize=8192)
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


# a CJK byline that ends with the role ("김민준 기자", "佐藤美咲記者", "[한빛일보 김민준 기자]",
# "김민준 기자 mjkim@example.com"; a date after it is cut first): the names before it, an outlet's name
# perhaps first
_SUFFIX_ROLE = re.compile(
    r"^[\s\W]{0,3}([\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff·・ ]{2,40}?)\s*"
    r"(?:(?:선임|수석|객원|인턴|전문)?기자|특파원|記者|记者|特派員|特派记者|編集委員)"
    r"(?:\s*=)?(?:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?[\s\W]*$"
)
_SUFFIX_GATE = re.compile("기자|특파원|記者|记者|特派|編集委員").search  # (cheaper than the pattern)


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


# a credit line that names its source after a label ("Source: AFP", "Quelle: dpa")
SOURCE_PREFIX = re.compile(r"^(?:source|quelle|fuente|źródło|fonte|bron|来源|來源|出处|出典|출처)\s*[:：]\s*(.{2,60})$", re.I)


def source_prefix(text: str) -> re.Match[str] | None:
    """`SOURCE_PREFIX.match(text)`: the pattern needs a colon, most lines have none."""
    return SOURCE_PREFIX.match(text) if ":" in text or "：" in text else None
