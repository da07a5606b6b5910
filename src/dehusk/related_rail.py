"""Context revision shared by the text passes: a "related stories" rail under the article.

After an article, pages list other stories under a rail heading ("Related articles", "More in
World", "Most read", "You may also like"). Its items are headlines, often with a one-sentence
summary, and read like short prose, so the line classifier keeps some of them. Once the page
has given at least 150 words of kept text, a husk line that is such a heading starts a rail: the
short kept lines after it (under 40 words: headlines and teaser summaries) are related links, up
to the first kept paragraph of 40 words or more, where the article (or another section of it)
goes on.

The headings are the phrases sites use for these rails, in English and a few other languages;
"Read more" is not one (it is a teaser's own link), nor is "See also" (a section of reference
pages). In grouped CV on the line labels of both datasets (text/ and text-alt/), the rule moved
scrapinghub +0.007..+0.008 and wcxb-dev +0.001. A heading the line model kept as a subheading
starts a rail too, unless it is an ambiguous one (`_AMBIGUOUS_HEADING`): grouped CV, whole
pipeline, scrapinghub +0.0022 / +0.0019 (text/ / text-alt/; 6 and 7 pages better, 1 worse),
wcxb-dev +0.00003 / +0.00004 (7 and 6 better, none worse), wcxb-dev dumps by other renderers
lynx -0.0002, w3m +0.0002, html2text +0.0005, bs4 +0.0001 (lynx hard-wraps paragraphs into
short lines, which a rail takes for items up to the next long line). More headings in English and
other languages ("Around the web", "In case you missed it", "À lire aussi", "Você pode gostar"):
wcxb-dev 0.817 -> 0.818 (9 pages better, 2 worse), scrapinghub +0.0013 / +0.0011 (none worse).

A single link to another story set into the article under a label ("Also read: ...", "Related:
...", "Leggi anche: ...", `read_also`) is `related` too, wherever it stands, in both modes: text mode never takes it for a subheading, a
prose line or the headline (grouped CV, whole pipeline: 12 wcxb-dev pages better and 7 worse, 5
scrapinghub pages better; means +0.0001 and +0.0002); in HTML mode (`drop_read_also`) grouped CV
moved wcxb-dev 0.8823 -> 0.8824 (13 pages better, 5 worse) and scrapinghub 0.9641 -> 0.9642 (2 better).
The rail rule itself is text mode's only: on HTML blocks it cost wcxb-dev 0.0004.

A run of four or more lines that each end in a count in brackets ("... in the spring (148)", a "most
commented" list; `counted_list`) is `related` too, in text mode: grouped CV scrapinghub 0.9187 ->
0.9197, wcxb-dev unchanged.
"""

from __future__ import annotations

import re

from .blocks import KEPT, Segment

RAIL_MIN_WORDS_BEFORE, RAIL_MAX_ITEM_WORDS, RAIL_MAX_HEADING_CHARS = 150, 40, 60

RAIL_HEADING = re.compile(
    r"(?i)^\W*(?:"
    r"related(?:\s+(?:articles?|stories|posts?|news|coverage|content|links|reading|topics|videos?|guides))?"
    r"|more\s+(?:from|in|on|stories|news|articles|to\s+(?:read|explore))\b.*|more\s+like\s+this"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|read\s+next|in\s+case\s+you\s+missed\s+it"
    r"|(?:sponsored|promoted)\s+(?:stories|content|links)|around\s+the\s+web|popular\s+(?:stories|articles|posts|now)"
    r"|most\s+(?:popular|read|viewed|shared)(?:\s+(?:stories|articles|now|news))?"
    r"|trending(?:\s+(?:now|news|stories))?|(?:latest|top)\s+(?:headlines|stories|news|videos?|articles)"
    r"|don'?t\s+miss|editor'?s\s+picks?|also\s+(?:read|on|in)\b.*|up\s+next|what\s+to\s+read\s+next"
    r"|further\s+reading"
    # de, fr, es, it, pt, nl, pl
    r"|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+artikel|meistgelesen|"
    r"(?:ähnliche|verwandte)\s+artikel"
    r"|articles\s+(?:similaires|liés)|sur\s+le\s+même\s+(?:sujet|thème)|les\s+plus\s+lus"
    r"|vous\s+(?:aimerez|pourriez)\s+aussi(?:\s+aimer)?|(?:à\s+)?lire\s+(?:aussi|également)"
    r"|(?:noticias|artículos)\s+relacionad[oa]s|lo\s+más\s+leído|(?:también\s+)?te\s+puede\s+(?:interesar|gustar)"
    r"|(?:articoli|notizie)\s+correlat[ie]|i\s+più\s+letti|potrebbe\s+interessarti|ti\s+potrebbe\s+(?:interessare|piacere)"
    r"|(?:notícias|artigos)\s+relacionad[oa]s|mais\s+lid[oa]s|você\s+(?:também\s+)?pode\s+gostar"
    r"|gerelateerde\s+artikelen|meest\s+gelezen|powiązane\s+artykuły|najczęściej\s+czytane"
    # sv, da, no, fi, cs, sk, hu, ro, tr, el, id, ar
    r"|mest\s+(?:läst|lästa|lest|læste)|relaterade\s+artiklar|relaterede\s+artikler|relaterte\s+artikler"
    r"|luetuimmat|aiheeseen\s+liittyvät|nejčtenější|související\s+(?:články|zprávy)|najčítanejšie|súvisiace\s+články"
    r"|legolvasottabb(?:ak)?|kapcsolódó\s+(?:cikkek|hírek)|cele\s+mai\s+citite|articole\s+similare|știri\s+similare"
    r"|en\s+çok\s+okunan(?:lar)?|ilgili\s+haberler|benzer\s+haberler|δημοφιλέστερα|σχετικά\s+άρθρα|διαβάστε\s+ακόμα"
    r"|berita\s+terkait|artikel\s+terkait|terpopuler|baca\s+juga|الأكثر\s+قراءة|أخبار\s+ذات\s+صلة|مقالات\s+ذات\s+صلة"
    r"|ilginizi\s+çekebilir|bunlar\s+da\s+ilginizi\s+çekebilir"
    # ru, ja, zh, ko
    r"|похожие\s+(?:статьи|новости|материалы)|(?:новости|материалы)\s+по\s+теме|самое\s+читаемое"
    r"|関連記事|関連エントリー|おすすめ記事|人気記事|相关(?:文章|阅读|新闻)|相關(?:文章|閱讀|新聞)|관련\s*기사|많이\s*본\s*뉴스"
    r")\W*$"
)

# a link to another story set into the article under a label of its own ("Also read: How to ...",
# "Leggi anche: ..."): a teaser, not the article's text, and never its headline. ("Read more:" is
# the line model's own teaser feature.)
READ_ALSO = re.compile(
    r"(?i)^\W*(?:also\s+read|read\s+also|see\s+also|related|lesen\s+sie\s+auch|auch\s+interessant|"
    r"(?:à\s+)?lire\s+aussi|lea\s+también|leia\s+também|leggi\s+anche|czytaj\s+(?:też|także)|zie\s+ook|"
    r"читайте\s+также|lees\s+ook|läs\s+också|læs\s+også|les\s+også|lue\s+myös|čtěte\s+(?:také|též)|"
    r"olvassa\s+el\s+ezt\s+is|kapcsolódó(?:\s+cikk)?|citește\s+(?:și|şi)|bunu\s+da\s+okuyun|ayrıca\s+okuyun|"
    r"ilginizi\s+çekebilir|(?:i̇|i)lgi(?:li)?\s+haber|baca\s+juga|lihat\s+juga|"
    r"διαβάστε\s+επίσης|اقرأ\s+(?:أيضا|أيضاً|ايضا))\s*[:：]\s*\S"
)
READ_ALSO_MAX_WORDS = 30


def read_also(text: str) -> bool:
    """Is the line a "read also: <another story>" link (READ_ALSO_MAX_WORDS words at most)?"""
    head = text[:40]  # (the label's colon comes early: a substring test spares most lines the regex)
    return ((":" in head or "：" in head) and READ_ALSO.match(text) is not None
            and len(text.split(None, READ_ALSO_MAX_WORDS)) <= READ_ALSO_MAX_WORDS)


READ_ALSO_REASON = "a link to another story under a 'read also' label"


def drop_read_also(segments: list[Segment]) -> None:
    """Relabel the kept blocks that are `read_also` links as `related` (HTML mode; text mode tests
    its lines as it labels them)."""
    for seg in segments:
        if seg.label in KEPT and read_also(seg.text):
            seg.label, seg.reason = "related", READ_ALSO_REASON


# a rail heading the line model kept as a subheading starts a rail too, unless it is one of the
# headings that also title parts of a page's own content: "Recommended" (a product's system
# requirements), "More on ..." (a section of a manual), "Most read", "Latest/Top ..." and "Further
# reading" (a listing page's own lists). ("More from ...", "More in ..." are rails: grouped CV
# scrapinghub +0.0009 / +0.0004, wcxb-dev +0.0001, the five other renderers +0.0000 to +0.0001.)
_AMBIGUOUS_HEADING = re.compile(r"(?i)^\W*(?:recommended|more\s+on\b|most\s|further|latest|top\s)")


def related_rail(segments: list[Segment], words: list[float]) -> None:
    """Relabel the short kept lines under a related-stories heading as `related` (see the module)."""
    n = len(segments)
    before = 0.0
    i = 0
    while i < n:
        seg = segments[i]
        kept = seg.label in KEPT
        if (before >= RAIL_MIN_WORDS_BEFORE and (not kept or seg.label == "heading")
                and len(seg.text) <= RAIL_MAX_HEADING_CHARS and RAIL_HEADING.match(seg.text) is not None
                and not (kept and _AMBIGUOUS_HEADING.match(seg.text))):
            if kept:
                seg.label = "related"
                seg.reason = f"a related-stories heading after the article (score {seg.score:.2f})"
            j = i + 1
            while j < n and not (segments[j].label in KEPT and words[j] >= RAIL_MAX_ITEM_WORDS):
                item = segments[j]
                if item.label in KEPT:
                    item.label = "related"
                    item.reason = (f"under the related-stories heading '{seg.text.strip()[:40]}' after the article "
                                   f"(score {item.score:.2f})")
                j += 1
            i = j
            continue
        if kept:
            before += words[i]
        i += 1


# a headline with a count after it in brackets: a "most commented" or "most popular" list's item
# ("Ferry fares to rise again in the spring (148)"); a year in brackets is no count
COUNTED_ITEM = re.compile(r"^[^()]{15,160}\s\((?!(?:19|20)\d\d\))\d{1,5}\)\s*$")
COUNTED_MIN_RUN = 4


def counted_list(segments: list[Segment]) -> None:
    """Relabel the kept lines of a run of COUNTED_MIN_RUN or more `COUNTED_ITEM` lines in a row
    (other stories with their comment or view counts) as `related`."""
    n = len(segments)
    i = 0
    while i < n:
        text = segments[i].text
        # (every item ends in ")": the other lines are spared the regex)
        if segments[i].label not in KEPT or text.rstrip()[-1:] != ")" or COUNTED_ITEM.match(text) is None:
            i += 1
            continue
        j = i + 1
        while j < n and COUNTED_ITEM.match(segments[j].text) is not None:
            j += 1
        if j - i >= COUNTED_MIN_RUN:
            for seg in segments[i:j]:
                if seg.label in KEPT:
                    seg.label = "related"
                    seg.reason = f"one of {j - i} headlines with a count in brackets: a 'most commented' list"
        i = j


# an "about" box after the article: "About Harbour Health Clinic", "Sobre Ana Ribeiro", "Über Jonas
# Keller" (a company's boilerplate under a press release, an author's bio), the heading naming
# someone in two or more capitalised words; "About This Game", "About us" are a page's own sections
ABOUT_HEADING = re.compile(
    r"^(?:About|Über|À propos de|Acerca de|Sobre|Informazioni su|O)\s+(?!(?:This|These|Us|Me|Our|The)\b)"
    r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){1,4}\s*:?$")
ABOUT_MAX_CHARS, ABOUT_MAX_LINES = 60, 4


def about_box(segments: list[Segment], words: list[float]) -> None:
    """The first `ABOUT_HEADING` after RAIL_MIN_WORDS_BEFORE words of kept text, and up to
    ABOUT_MAX_LINES kept lines under it (to the next heading past its name line), are `boilerplate`."""
    before = 0.0
    n = len(segments)
    for i, seg in enumerate(segments):
        if (before >= RAIL_MIN_WORDS_BEFORE and len(seg.text) <= ABOUT_MAX_CHARS
                and ABOUT_HEADING.match(seg.text.strip()) is not None):
            reason = f"an about box after the article ('{seg.text.strip()[:40]}')"
            if seg.label in KEPT:
                seg.label, seg.reason = "boilerplate", reason
            kept = 0
            for j in range(i + 1, n):
                item = segments[j]
                if kept == ABOUT_MAX_LINES or (item.label == "heading" and j > i + 2):
                    break
                if item.label in KEPT:
                    item.label, item.reason = "boilerplate", reason
                    kept += 1
            return
        if seg.label in KEPT:
            before += words[i]

