"""Word-level features of text blocks: keyword sets and phrases, and the page-at-once word pass.

`features.base_features` uses these: the punctuation-to-space mapping, the words of a whole page
with their count per block (from one split and the code points), the keyword flags of short
blocks from one dictionary lookup per word, and the phrase lists searched in short blocks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from typing import Any

import numpy as np

# ----------------------------------------------------------------- line patterns
# Word sets and short phrases (multi-lingual, general web vocabulary), tested on each block's
# lower-cased words: set lookups instead of regex scans, which cost ten times more.

BYLINE_LEAD = frozenset(["by", "von", "par", "por", "door", "przez", "di", "da", "av", "af", "od", "autor", "author", "auteur", "autore", "autorka",
                         # tr, id/ms, ar, el, hu, fi, cs
                         "muhabir", "yazan", "oleh", "penulis", "wartawan", "بقلم", "كتب", "كتبت", "γράφει", "συντάκτης",
                         "szerző", "írta", "kirjoittaja", "napsal", "napsala", "haber"])
BYLINE_VERB = frozenset(["text", "video", "photo", "photos", "words", "story", "reporting", "written", "posted", "published", "edited", "interview"])
NAV_WORDS = frozenset(
    ["login", "logout", "signin", "signup", "register", "subscribe", "subscription", "newsletter", "cookie", "cookies", "privacy", "menu", "search", "home", "cart", "basket", "checkout", "sitemap", "careers", "advertise", "account", "anmelden", "abonnieren", "datenschutz", "impressum", "startseite", "connexion", "accueil", "inicio", "zaloguj", "subskrybuj", "accedi", "iscriviti", "inloggen", "abonneren", "contact", "faq", "help", "imprint",
     # newsletters, logins, subscriptions and contact pages in more languages
     "nieuwsbrief", "nyhetsbrev", "nyhedsbrev", "uutiskirje", "hírlevél", "bülten", "aanmelden", "prenumerera",
     "bejelentkezés", "előfizetés", "přihlášení", "předplatné", "autentificare", "anasayfa", "beranda", "kontakt",
     "contacto", "contatti", "contato", "iletişim", "daftar", "abonează", "abonare", "abonnement", "i\u0307letişim"]  # (str.lower of Turkish "İ": i + a combining dot)
)
NAV_PHRASES = ("log in", "sign in", "sign up", "terms of", "contact us", "about us", "skip to", "my account",
               "首页", "登录", "注册", "ホーム", "ログイン", "로그인", "회원가입", "войти", "главная",
               "mentions légales", "iniciar sesión", "aviso legal", "polityka prywatności", "strona główna",
               "ana sayfa", "giriş yap", "gi\u0307ri\u0307ş yap", "üye ol", "abone ol", "logga in", "logg inn", "log ind", "přihlásit se",
               "tentang kami", "hubungi kami", "über uns", "chi siamo", "quiénes somos", "quem somos", "hakkımızda",
               "despre noi", "تسجيل الدخول", "الصفحة الرئيسية", "اتصل بنا",
               # a page's text-size control ("文字サイズ 小 中 大")
               "文字サイズ", "字号", "字體大小", "글자 크기", "글자크기")
SOCIAL_WORDS = frozenset(
    ["share", "shares", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "instagram", "youtube", "teilen", "partager", "compartir", "udostępnij", "condividi", "email", "print",
     # "share" in more languages (not the words that also mean something else: pt "dela", ar "شارك")
     "paylaş", "sdílet", "sdílejte", "bagikan", "megosztás", "distribuie", "κοινοποίηση", "κοινοποιήστε",
     # the networks' names as other scripts write them
     "فيسبوك", "تويتر", "واتساب", "انستغرام", "إنستغرام", "يوتيوب", "تيليجرام", "لينكدإن", "페이스북", "트위터",
     "카카오톡", "카카오스토리", "фейсбук", "твиттер", "телеграм", "ватсап"]
)
# a line of share, print and save buttons ("Teilen Drucken Merken", "Share Print Save", "Partager
# Imprimer"): page furniture whatever its score
# words that go with a share button's own word but are no button alone ("Share on", "Share this
# article", "Print this story", "Diesen Artikel teilen")
_SHARE_FILLER = frozenset(["on", "via", "auf", "per", "sur", "na", "su", "op", "в", "через", "this", "article", "story",
                           "artikel", "dieses", "diesen", "cet", "este", "questo",
                           "dit", "deze", "denna", "artikeln", "bu", "haberi", "článek", "ini", "cikket",
                           "pe", "på", "em", "di", "ile", "على", "σε", "στο",
                           # "Envoyer par e-mail", "Copy the link", "Copier le lien", "Enviar por correo"
                           "par", "por", "the", "le", "la", "el", "il", "lo"])
SHARE_TOOL_WORDS = SOCIAL_WORDS | frozenset(
    ["x", "mail", "e-mail", "mailen", "send", "copy", "link", "kopieren", "drucken", "imprimer", "imprimir", "stampa",
     "stampare", "drukuj", "afdrukken", "save", "bookmark", "merken", "speichern", "enregistrer", "guardar", "salvar",
     "salva", "zapisz", "opslaan", "comment", "comments", "kommentieren", "commenter", "comentar",
     # share, print, save and comment buttons in more languages
     "kommentare", "commentaires", "comentarios", "comentários", "commenti", "commenta", "komentarze", "skomentuj",
     "reacties", "delen", "deel", "compartilhar", "compartilhe", "partilhar", "comparte", "vk", "вконтакте",
     "одноклассники", "поделиться", "поделись", "печать", "распечатать", "сохранить", "отправить", "комментарии",
     "dela", "del", "jaa", "شارك", "공유", "공유하기", "シェア", "ツイート", "分享", "転送", "印刷", "인쇄", "paylaş", "sdílet", "sdílejte", "bagikan", "megosztás", "distribuie", "κοινοποίηση",
     "tisknout", "nyomtatás", "εκτύπωση", "طباعة", "tulosta", "udskriv", "yazdır", "kopyala", "copiar", "copia",
     "kopiuj", "kopírovat", "salin", "tautan", "enlace", "lien", "odkaz", "bağlantı", "kopiëren", "kopieer",
     "kopiera", "kopier", "kopioi", "másolás", "copiază", "αντιγραφή", "نسخ", "الرابط", "링크", "복사", "リンク", "コピー",
     # send (by e-mail) and copy buttons in more languages
     "envoyer", "enviar", "invia", "inviare", "senden", "versenden", "wyślij", "verstuur", "versturen", "skicka",
     "lähetä", "odeslat", "gönder", "kirim", "trimite", "skopiuj", "copier", "copiare", "correo", "correio",
     *_SHARE_FILLER]
)
SHARE_TOOLS_MAX_WORDS = 8  # (a label and its networks: "Share this article: Facebook X LinkedIn Email")
# words only, between white space or separators: no digit, price or code ("Save 30%", "print(x)")
_WORDS_LINE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:[\s|·•/,:]+[^\W\d_]+(?:-[^\W\d_]+)*)*")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def share_tools(text: str) -> bool:
    """Is the line only share/print/save buttons (1 to SHARE_TOOLS_MAX_WORDS such words)?"""
    text = text.strip(" \t|·•:")  # ("Share this:")
    if len(text) > 80:
        return False
    low = text.lower()
    first = _LETTER_WORD.search(low)  # (every word must be a button's: the first one decides most lines)
    if first is None or first.group() not in SHARE_TOOL_WORDS or not _WORDS_LINE.fullmatch(text):
        return False
    words = _LETTER_WORD.findall(low)
    return (1 <= len(words) <= SHARE_TOOLS_MAX_WORDS and all(w in SHARE_TOOL_WORDS for w in words)
            and not all(w in _SHARE_FILLER for w in words))


# a copyright line: "© 2024 Harbour Courier", "ⓒ NewsPortal Corp.", "Copyright © 2024 ...", "(c) 2024 ...",
# "Copyright 2024 ..." (not "Copyright law" or "Copyright Office ...": the sign or a year follows)
_COPYRIGHT_LINE = re.compile(r"\s*(?:copyright\s*)?(?:[©ⓒ]|\(c\)\s*(?:19|20)\d\d)|\s*copyright\s+(?:19|20)\d\d", re.I)
COPYRIGHT_MAX_WORDS = 12


def copyright_line(text: str) -> bool:
    """Is the line a copyright notice (opening with the sign or "Copyright <year>", at most
    COPYRIGHT_MAX_WORDS words)?"""
    return _COPYRIGHT_LINE.match(text) is not None and len(text.split(None, COPYRIGHT_MAX_WORDS)) <= COPYRIGHT_MAX_WORDS


MORE_PHRASES = ("read more", "see more", "view more", "show more", "load more", "learn more", "see all", "view all",
                "continue reading", "read the full", "weiterlesen", "mehr lesen", "lire la suite", "en savoir plus",
                "leer más", "seguir leyendo", "czytaj więcej", "czytaj dalej", "leggi di più", "leggi tutto",
                "continua a leggere", "ler mais", "lees meer", "meer lezen", "more »", "more ›", "more >",
                "leia mais", "saiba mais", "lees verder", "mehr erfahren", "scopri di più", "dowiedz się więcej",
                "läs mer", "læs mere", "les mer", "lue lisää", "devamını oku", "číst dál", "číst více", "čtěte více",
                "baca selengkapnya", "tovább olvasom", "citește mai mult", "citește tot", "διαβάστε περισσότερα",
                "اقرأ المزيد", "اقرأ أكثر",
                "阅读全文", "查看更多", "更多", "続きを読む", "もっと見る", "더보기", "читать далее", "подробнее")
MEDIA_LEAD = frozenset(
    ["image", "images", "photo", "photos", "picture", "foto", "fotos", "bild", "bilder", "illustration", "video", "graphic", "credit", "credits", "source", "quelle", "crédit", "fuente", "źródło", "zdjęcie"]
)
MEDIA_PHRASES = ("getty images", "shutterstock", "istock", "ap photo", "afp photo", "picture of", "image of")
CREDIT_WORDS = frozenset(["copyright", "afp", "reuters", "dpa", "efe", "ansa", "pap", "agencies"])
SOCIAL_PHRASES = ("share on", "share this", "分享", "微信", "微博", "シェア", "공유", "поделиться")
CREDIT_PHRASES = ("版权所有", "著作権", "저작권", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos",
                  "wszelkie prawa", "with wires", "with agencies", "(c) 20", "(c) 19", "©",
                  # "all rights reserved" in more languages
                  "todos os direitos reservados", "tutti i diritti riservati", "alle rechten voorbehouden",
                  "alla rättigheter förbehållna", "alle rettigheder forbeholdes", "alle rettigheter reservert",
                  "kaikki oikeudet pidätetään", "všechna práva vyhrazena", "všetky práva vyhradené", "minden jog fenntartva",
                  "toate drepturile rezervate", "tüm hakları saklıdır", "hak cipta dilindungi", "جميع الحقوق محفوظة",
                  "με επιφύλαξη παντός δικαιώματος", "все права защищены", "版權所有", "無断転載", "무단전재", "무단 전재",
                  "ⓒ")
# forum software's label of a thread's author ("Thread starter alice" and its translations: XenForo),
# a regex (`thread_starter` reads the name after it; `run_on` cuts a run-on page before it)
STARTER_LABEL = (r"(?:thread starter|topic starter|topicstarter|themenstarter|themenersteller|ersteller"
                 r"|auteur de la discussion|autor del tema|autore della discussione|autor do tópico|autor wątku"
                 r"|автор темы)")
URL_HINTS = ("http", "www.", "@", ".com", ".org", ".net", ".html")
CURRENCY = frozenset("$€£¥₹")

PATTERN_NAMES = ("re_byline", "re_date", "re_time", "re_credit", "re_more", "re_social", "re_nav", "re_media",
                 "re_url", "re_price", "re_question")
SHORT = 100  # characters: phrase flags are set on blocks up to this long


# phrase flags: the page's short blocks (lower-cased, joined) are searched for each phrase
_PHRASE_GROUPS = ((1, CREDIT_PHRASES), (2, MORE_PHRASES), (3, SOCIAL_PHRASES), (4, NAV_PHRASES), (5, MEDIA_PHRASES))
# a phrase cannot occur on a page without each of its non-ASCII characters (CJK phrases on a Latin page)
_PHRASE_HIGH = {p: frozenset(ch for ch in p if ch > "\x7f") for _, group in _PHRASE_GROUPS for p in group} | {
    p: frozenset() for p in ("http", "www.", "@")}


def _word_flags(ws: list[str], low: str) -> tuple[bool, ...]:
    """(byline, credit, more, social, nav, media, url, ago) from one short block's lower-cased words."""
    first = ws[0] if ws else ""
    byline = (first in BYLINE_LEAD and 1 < len(ws) < 25) or (
        len(ws) > 2 and first in BYLINE_VERB and ws[1] in ("by", "von", "par", "por", "door")
    )
    return (
        byline,
        not CREDIT_WORDS.isdisjoint(ws),
        False,
        not SOCIAL_WORDS.isdisjoint(ws),
        not NAV_WORDS.isdisjoint(ws),
        first in MEDIA_LEAD,
        "http" in low or "www." in low or "@" in low,
        "ago" in ws,
    )


_PUNCT_TO_SPACE = {ord(c): " " for c in ".,;:!?\"'()[]{}«»“”„‘’…|/\\—–-•·*#=+<>~^_`"}
_PUNCT_MASK = np.zeros(0x10000, dtype=bool)
_PUNCT_MASK[list(_PUNCT_TO_SPACE)] = True


def _punct_to_space(text: str) -> str:
    """`text.translate(_PUNCT_TO_SPACE)`, on the code points in numpy (str.translate is slow past ASCII)."""
    return _punct_to_space_codes(text)[0]


def _punct_to_space_codes(text: str) -> tuple[str, np.ndarray, frozenset[str]]:
    """`_punct_to_space(text)`, its code points, and the set of non-ASCII characters of `text`."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    high = frozenset(map(chr, np.unique(codes[codes > 0x7F]).tolist()))
    # (past the BMP: clipped to U+FFFF, not punctuation either)
    np.putmask(codes, _PUNCT_MASK.take(codes, mode="clip"), 0x20)
    return codes.tobytes().decode("utf-32-le", "surrogatepass"), codes, high


# what `str.split()` splits at (`str.isspace`; no code point past the BMP is white space)
_IS_SPACE = np.array([chr(cp).isspace() for cp in range(0x10000)], dtype=bool)

# the word sets `_word_flags` reads, as bits of one lookup per word
_B_LEAD, _B_VERB, _B_BY, _B_CREDIT, _B_SOCIAL, _B_NAV, _B_MEDIA, _B_AGO = (1 << k for k in range(8))
_WORD_BITS: dict[str, int] = {}
for _bit, _words in ((_B_LEAD, BYLINE_LEAD), (_B_VERB, BYLINE_VERB), (_B_BY, ("by", "von", "par", "por", "door")),
                     (_B_CREDIT, CREDIT_WORDS), (_B_SOCIAL, SOCIAL_WORDS), (_B_NAV, NAV_WORDS),
                     (_B_MEDIA, MEDIA_LEAD), (_B_AGO, ("ago",))):
    for _w in _words:
        _WORD_BITS[_w] = _WORD_BITS.get(_w, 0) | _bit
_URL_PHRASES = ("http", "www.", "@")


def _page_words(plain: str, pcodes: np.ndarray, n: int, line_of: np.ndarray | None = None) -> tuple[list[str], np.ndarray]:
    """The words of all `n` lines of `plain` (newline-separated) and the number on each line:
    `plain.split()` and `[len(line.split()) for line in plain.split("\n")]`, the counts from the
    code points (a word starts at a non-space after a space or at the start). `line_of`: the
    line of each code point, when known."""
    space = _IS_SPACE.take(pcodes, mode="clip")  # (past the BMP: clipped to U+FFFF, not white space either)
    start = ~space
    start[1:] &= space[:-1]
    line = np.cumsum(pcodes == 0x0A) if line_of is None or len(line_of) != len(pcodes) else line_of
    return plain.split(), np.bincount(line[start], minlength=n)


_B_STOP = 1 << 8  # `token_bits`: the word is a stop word


@lru_cache(maxsize=16)
def _token_table(stops: frozenset[str]) -> dict[str, int]:
    """Word -> the bits of `_WORD_BITS`, and `_B_STOP` for the words of `stops` (a constant table
    per stop-word list, built once)."""
    table = dict(_WORD_BITS)
    for w in stops:
        table[w] = table.get(w, 0) | _B_STOP
    return table


def token_bits(tokens: list[str], stops: frozenset[str]) -> np.ndarray:
    """One lookup per word: its `_WORD_BITS` bits, with `_B_STOP` set for stop words."""
    return np.fromiter(map(_token_table(stops).get, tokens, repeat(0)), dtype=np.int64, count=len(tokens))


_LEX_SHIFT = 9  # `token_bits_ids`: a word's lexicon id + 1 sits above its 9 bits


@lru_cache(maxsize=8)
def _token_lex_table(stops: frozenset[str], lexicon: Any) -> dict[str, int]:
    """`_token_table(stops)` with each word's lexicon id + 1 (`lexicon.ids`) above the bits: one
    constant table per stop-word list and lexicon (the lexicons are cached per model)."""
    table = dict(_token_table(stops))
    for w, k in lexicon.ids.items():
        table[w] = table.get(w, 0) | ((k + 1) << _LEX_SHIFT)
    return table


def token_bits_ids(tokens: list[str], stops: frozenset[str], lexicon: Any) -> tuple[np.ndarray, np.ndarray]:
    """`token_bits(tokens, stops)` and each word's id in `lexicon` (`lexicon.ids.get(w, -1)`), from
    one lookup per word."""
    codes = np.fromiter(map(_token_lex_table(stops, lexicon).get, tokens, repeat(0)), dtype=np.int64,
                        count=len(tokens))
    return codes & ((1 << _LEX_SHIFT) - 1), (codes >> _LEX_SHIFT) - 1


def _line_word_flags(tokens: list[str], n_words: np.ndarray) -> np.ndarray:
    """`_word_flags` of lines holding `n_words` words each (`tokens`: all their words in order),
    from one lookup per word. The url flag (column 6) is left to the caller."""
    bits = np.fromiter(map(_WORD_BITS.get, tokens, repeat(0)), dtype=np.int64, count=len(tokens))
    return line_bits_flags(bits, n_words)


# the flags read from any word of a line, and their columns
_ANY_BITS = np.array([_B_CREDIT, _B_SOCIAL, _B_NAV, _B_AGO], dtype=np.int64)
_ANY_COLUMNS = [1, 3, 4, 7]


def line_bits_flags(bits: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    """`_line_word_flags` from the words' bits (`_WORD_BITS`, `token_bits`): the rows of the
    lines with words are filled in one block (few numpy calls: most pages are short)."""
    n = len(n_words)
    flags = np.zeros((n, 8))
    if not len(bits):
        return flags
    lines = np.flatnonzero(n_words)
    first = (np.cumsum(n_words) - n_words)[lines]  # index of each line's first word
    nw = n_words[lines]
    b0 = bits[first]
    b1 = bits[np.minimum(first + 1, len(bits) - 1)]  # (the second word: only read where nw > 2)
    rows = np.zeros((len(lines), 8))
    rows[:, 0] = (((b0 & _B_LEAD) > 0) & (nw > 1) & (nw < 25)) | (
        (nw > 2) & ((b0 & _B_VERB) > 0) & ((b1 & _B_BY) > 0))
    rows[:, _ANY_COLUMNS] = (np.bitwise_or.reduceat(bits, first)[:, None] & _ANY_BITS) > 0
    rows[:, 5] = (b0 & _B_MEDIA) > 0
    flags[lines] = rows
    return flags


# ----------------------------------------------------------------- dates, times, prices from code points


def _per_line(mask: np.ndarray, line_of: np.ndarray, n: int) -> np.ndarray:
    return (np.bincount(line_of[mask], minlength=n) > 0).astype(np.float64)


def _year_starts(codes: np.ndarray, digit: np.ndarray) -> np.ndarray:
    """Mask of positions where a standalone 4-digit year 1995-2039 starts."""
    m = len(codes)
    out = np.zeros(m, dtype=bool)
    if m < 4:
        return out
    four = digit[: m - 3] & digit[1 : m - 2] & digit[2 : m - 1] & digit[3:]
    before = np.concatenate(([False], digit[: m - 4]))
    after = np.concatenate((digit[4:], [False]))
    c0, c1, c2 = codes[: m - 3], codes[1 : m - 2], codes[2 : m - 1]
    nineties = (c0 == 0x31) & (c1 == 0x39) & (c2 == 0x39)
    two_k = (c0 == 0x32) & (c1 == 0x30) & (c2 >= 0x30) & (c2 <= 0x33)
    out[: m - 3] = four & ~before & ~after & (nineties | two_k)
    return out


def _year_positions(codes: np.ndarray, digit: np.ndarray) -> np.ndarray:
    """`np.flatnonzero(_year_starts(codes, digit))` from the digits' positions: the starts of the
    runs of exactly four digits that read 199x or 2000-2039."""
    pos = np.flatnonzero(digit)
    if len(pos) < 4:
        return pos[:0]
    new_run = np.flatnonzero(np.diff(pos) != 1) + 1
    run_start = np.concatenate(([0], new_run))
    run_end = np.concatenate((new_run, [len(pos)]))
    p = pos[run_start[run_end - run_start == 4]]
    c0, c1, c2 = codes[p], codes[p + 1], codes[p + 2]
    nineties = (c0 == 0x31) & (c1 == 0x39) & (c2 == 0x39)
    two_k = (c0 == 0x32) & (c1 == 0x30) & (c2 >= 0x30) & (c2 <= 0x33)
    return p[nineties | two_k]


def _lines_with(positions: np.ndarray, line_of: np.ndarray, n: int) -> np.ndarray:
    """`_per_line` of a mask given by its True positions: 1.0 on the lines holding one."""
    out = np.zeros(n)
    out[line_of[positions]] = 1.0
    return out
