"""HTML-mode metadata on synthetic pages (one behaviour per test)."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from dehusk.metadata_html import HtmlMeta, html_metadata
from dehusk.metadata_jsonld import extract_jsonld, parse_jsonld
from dehusk.metadata_title import strip_site

FETCH = "2024-06-01"


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta_of(html: str, url: str | None = "https://news.example.com/2024/05/02/story", **kw: str) -> HtmlMeta:
    return html_metadata(LexborHTMLParser(html), url, fetch_date=kw.get("fetch_date", FETCH))


ARTICLE_BODY = "<p>" + "The council voted on the new budget after a long debate. " * 6 + "</p>"


# ----------------------------------------------------------------- dates


def test_date_only_in_visible_text():
    html = page("<title>Budget vote</title>",
                '<article><h1>Budget vote passes</h1><div class="meta">Posted March 3, 2024</div>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.published == "2024-03-03"
    assert m.sources["published"].startswith("visible")


def test_date_only_in_jsonld():
    html = page(ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget vote passes",
                    "datePublished": "2024-03-03T09:30:00+01:00"}),
                "<article><h1>Budget vote passes</h1>" + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.published == "2024-03-03T09:30:00+01:00"
    assert m.sources["published"] == "json-ld datePublished"


def test_date_in_jsonld_and_visible_text_agree_on_the_declared_one():
    html = page(ld({"@type": "NewsArticle", "headline": "Budget vote passes", "datePublished": "2024-03-03"}),
                '<article><h1>Budget vote passes</h1><p class="date">3 March 2024</p>' + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.published == "2024-03-03"
    assert m.sources["published"] == "json-ld datePublished"
    assert ("visible (near headline)", "unknown", "2024-03-03") in m.date_candidates


def test_future_date_in_a_script_does_not_win():
    html = page('<script>var config = {"expires": "2031-12-31", "promoEnd": "December 31, 2031"};</script>',
                '<article><h1>Budget vote passes</h1><span class="date">May 2, 2024</span>' + ARTICLE_BODY
                + '<script>window.cookieBanner = {date: "2030-01-01"}</script></article>')
    m = meta_of(html, url="https://example.com/budget")
    assert m.published == "2024-05-02"


def test_published_after_fetch_date_is_rejected():
    html = page('<meta property="article:published_time" content="2024-09-15T08:00:00Z">',
                '<article><h1>Budget vote passes</h1><time datetime="2024-05-20">May 20, 2024</time>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget", fetch_date="2024-06-01")
    assert m.published == "2024-05-20"


def test_updated_date_kept_apart_from_published():
    html = page('<meta property="article:published_time" content="2024-02-01T10:00:00Z">'
                '<meta property="article:modified_time" content="2024-02-05T12:00:00Z">',
                '<article><h1>Budget vote passes</h1><p class="byline">Published Feb 1, 2024 · Updated Feb 5, 2024</p>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.published.startswith("2024-02-01")
    assert m.modified.startswith("2024-02-05")


def test_other_meta_names_that_declare_a_date_are_read_and_others_are_not():
    html = page('<meta name="published-date" content="2024-02-01">'
                '<meta name="last-modified-date" content="2024-02-05">'
                '<meta name="article:expiration_time" content="2024-05-30">'
                '<meta property="og:image" content="https://cdn.example.com/2024-05-29/pic.jpg">',
                "<article><h1>Budget vote passes</h1>" + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.published == "2024-02-01"
    assert m.sources["published"] == "meta[published-date]"
    assert m.modified == "2024-02-05"
    days = {iso[:10] for _, _, iso in m.date_candidates}
    assert "2024-05-30" not in days and "2024-05-29" not in days


def test_visible_updated_label_is_a_modification_date_and_the_published_fallback():
    html = page("", '<article><h1>Budget vote passes</h1><div class="post-meta">Last updated: Feb 5, 2024</div>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.modified == "2024-02-05"
    assert m.published == "2024-02-05"  # the page gives only an update date: published falls back to it


def test_german_french_cjk_and_numeric_dates_parse():
    cases = {
        "de": ("Veröffentlicht am 3. März 2021", "2021-03-03"),
        "fr": ("Publié le 5 février 2021", "2021-02-05"),
        "ja": ("2021年03月23日", "2021-03-23"),
        "nl": ("Geplaatst 23.03.2021", "2021-03-23"),
    }
    for lang, (line, iso) in cases.items():
        html = page("", f'<article><h1>Titel des Artikels hier</h1><div class="date">{line}</div>{ARTICLE_BODY}</article>',
                    lang=lang)
        assert meta_of(html, url="https://example.com/a").published == iso, lang


def test_date_from_url_path_as_last_resort():
    m = meta_of(page("", "<h1>Budget vote passes</h1>" + ARTICLE_BODY), url="https://example.com/2023/11/07/budget/")
    assert m.published == "2023-11-07"
    assert m.sources["published"] == "url"


# ----------------------------------------------------------------- authors


def test_authors_person_names_only_all_coauthors_kept():
    html = page(ld({"@type": "NewsArticle", "headline": "Budget vote passes",
                    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"},
                               {"@type": "Organization", "name": "Example Media Group"}]}),
                "<h1>Budget vote passes</h1>" + ARTICLE_BODY)
    m = meta_of(html)
    assert m.authors == ["Jane Doe", "John Smith"]
    assert m.author_orgs == ["Example Media Group"]


def test_byline_noise_removed():
    html = page("", '<article><h1>Budget vote passes</h1>'
                '<div class="byline">By Jane Doe, Senior Reporter 🔥 | 3 hours ago | Email the author</div>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.authors == ["Jane Doe"]


def test_byline_outlet_and_agency_go_to_source():
    html = page("", '<article><h1>Budget vote passes</h1>'
                '<p class="article-byline">By John Smith For Daily Mail and AFP</p>' + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.authors == ["John Smith"]
    assert m.source == "AFP"


def test_meta_author_url_ignored_and_name_used():
    html = page('<meta property="article:author" content="https://www.facebook.com/janedoe">'
                '<meta name="author" content="Jane Doe">', "<h1>Budget vote passes</h1>" + ARTICLE_BODY)
    m = meta_of(html)
    assert m.authors == ["Jane Doe"]
    assert m.sources["authors"] == "meta[author]"


def test_jsonld_author_by_id_reference_in_graph():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": "https://example.com/a#article", "headline": "Budget vote passes",
         "author": {"@id": "https://example.com/#/schema/person/1"}, "datePublished": "2024-01-02"},
        {"@type": "Person", "@id": "https://example.com/#/schema/person/1", "name": "Maria García López"},
    ]}
    m = meta_of(page(ld(graph), "<h1>Budget vote passes</h1>" + ARTICLE_BODY))
    assert m.authors == ["Maria García López"]
    assert m.published == "2024-01-02"


def test_forum_user_name_typed_person_accepted():
    html = page(ld({"@type": "DiscussionForumPosting", "headline": "Which router should I buy?",
                    "author": {"@type": "Person", "name": "netguru42"}}),
                "<h1>Which router should I buy?</h1><p>I need a router for a small flat.</p>")
    assert meta_of(html).authors == ["netguru42"]


# ----------------------------------------------------------------- malformed JSON-LD


def test_malformed_jsonld_never_crashes_and_is_repaired_when_possible():
    broken = [
        '{"@type": "NewsArticle", "headline": "Budget vote passes", "author": {"name": "Jane Doe"},}',  # trailing comma
        '<!-- {"@type": "NewsArticle", "headline": "Budget vote passes", "author": "Jane Doe"} -->',  # comment
        '{"@type": "NewsArticle", "headline": "Budget\tvote\npasses", "author": "Jane Doe"}',  # control chars
        '{"@type": "WebSite", "name": "Example"}{"@type": "NewsArticle", "author": "Jane Doe"}',  # two objects
    ]
    for raw in broken:
        html = page(f'<script type="application/ld+json">{raw}</script>', "<h1>Budget vote passes</h1>")
        assert meta_of(html).authors == ["Jane Doe"], raw
    for junk in ("{", "[1, 2", "null", '{"@graph": 5}', '{"@type": ["Article", 3], "author": [null, {}]}', "\x00"):
        html = page(f'<script type="application/ld+json">{junk}</script>', "<h1>Budget vote passes</h1>")
        assert meta_of(html).title == "Budget vote passes"


def test_parse_jsonld_multiple_values():
    assert parse_jsonld('{"a": 1}\n{"b": 2}') == [{"a": 1}, {"b": 2}]
    assert parse_jsonld("not json at all") == []
    info = extract_jsonld(parse_jsonld('[{"@type": "BlogPosting", "headline": "H", "keywords": "a, b ,c"}]'))
    assert info.keywords == ["a", "b", "c"]


# ----------------------------------------------------------------- title


def test_title_without_site_name_suffix():
    html = page('<title>Budget vote passes after long debate | The Example Times</title>'
                '<meta property="og:site_name" content="The Example Times">', ARTICLE_BODY)
    assert meta_of(html).title == "Budget vote passes after long debate"


def test_title_without_a_platforms_byline_and_publication():
    # blogging platforms end a post's <title> with its byline and the publication's name
    html = page("<title>Notes on the ferry timetable - by Ann Lee - The Harbour Letter</title>", ARTICLE_BODY)
    assert meta_of(html, url="https://harbourletter.example/p/notes").title == "Notes on the ferry timetable"
    # a headline's own "by" stays ("Trains by Night"), and so does a byline segment without a person's name
    for title in ("Trains by Night - Harbour Courier", "Notes on the ferry - by Design"):
        assert strip_site(title, []).startswith(title.split(" - ")[0])
    assert strip_site("Notes on the ferry | by Ann Lee | Medium", []) == "Notes on the ferry"


def test_title_site_prefix_matching_host_removed():
    html = page("<title>Example: Budget vote passes after long debate</title>", ARTICLE_BODY)
    assert meta_of(html, url="https://www.example.com/budget").title == "Budget vote passes after long debate"


def test_title_right_when_title_og_and_h1_disagree():
    html = page('<title>Budget vote | Example News</title>'
                '<meta property="og:title" content="Council budget vote passes after debate">'
                '<meta property="og:site_name" content="Example News">',
                '<header><h1 class="site-logo"><a href="/">Example News</a></h1></header>'
                '<article><h1>Council budget vote passes after long debate</h1>' + ARTICLE_BODY + "</article>")
    m = meta_of(html)
    assert m.title == "Council budget vote passes after long debate"
    assert m.sources["title"] == "h1"


def test_title_h1_logo_or_generic_word_loses_to_metadata():
    html = page('<meta property="og:title" content="Council budget vote passes after debate">',
                '<h1><a href="/">Example News</a></h1><h1>Menu</h1>' + ARTICLE_BODY)
    m = meta_of(html, url="https://examplenews.com/budget")
    assert m.title == "Council budget vote passes after debate"


def test_title_never_a_teaser_or_nav_string():
    html = page("<title>Council budget vote passes after debate - Example News</title>",
                '<nav><h1>Latest news</h1></nav>'
                '<aside class="related"><h1><a href="/other">Another story you may like</a></h1></aside>'
                + ARTICLE_BODY)
    m = meta_of(html, url="https://examplenews.com/budget")
    assert m.title == "Council budget vote passes after debate"


def test_title_listing_jsonld_headlines_are_not_the_title():
    items = [{"@type": "BlogPosting", "headline": f"Teaser story number {i}"} for i in range(4)]
    html = page(ld(items) + "<title>Blog archive - Example</title>", "<p>Archive</p>")
    m = meta_of(html, url="https://example.com/blog")
    assert not m.title.startswith("Teaser")


def test_h1_line_break_becomes_a_space():
    html = page("", "<h1>Reopening the Ferry<br>of the Harbour Towns</h1>" + ARTICLE_BODY)
    assert meta_of(html, url="https://example.com/x").title == "Reopening the Ferry of the Harbour Towns"


# ----------------------------------------------------------------- the rest


def test_tags_deduplicated_trimmed_and_capped():
    tags = "".join(f'<meta property="article:tag" content=" Tag{i % 30} ">' for i in range(60))
    m = meta_of(page(tags + '<meta property="article:tag" content="tag1">', ARTICLE_BODY))
    assert m.tags[:2] == ["Tag0", "Tag1"]
    assert len(m.tags) == len({t.casefold() for t in m.tags}) <= 20


def test_keywords_and_rel_tag_fallbacks():
    m = meta_of(page('<meta name="news_keywords" content="budget, council ,  city hall">', ARTICLE_BODY))
    assert m.tags == ["budget", "council", "city hall"]
    m = meta_of(page("", ARTICLE_BODY + '<a rel="tag" href="/t/a">Budget</a><a rel="tag" href="/t/b">Council</a>'))
    assert m.tags == ["Budget", "Council"]


def test_language_declared_primary_subtag_lower_case():
    assert meta_of(page("", ARTICLE_BODY, lang="pt-BR")).language == "pt"
    html = ('<html><head><meta http-equiv="Content-Language" content="DE-at"></head><body>'
            + ARTICLE_BODY + "</body></html>")
    assert meta_of(html).language == "de"


def test_site_canonical_and_page_kind():
    html = page('<link rel="canonical" href="/budget-vote"><meta property="og:type" content="article">'
                + ld({"@type": "NewsArticle", "headline": "Budget vote passes",
                      "publisher": {"@type": "Organization", "name": "Example Times"}}),
                "<h1>Budget vote passes</h1>")
    m = meta_of(html, url="https://example.com/x?utm=1")
    assert m.canonical_url == "https://example.com/budget-vote"
    assert m.site_name == "Example Times"
    assert "og:article" in m.page_kind and "json-ld:NewsArticle" in m.page_kind


# ----------------------------------------------------------------- later rules


def test_personal_site_owner_is_the_author_of_its_posts():
    html = page(ld({"@type": "BlogPosting", "headline": "Notes on parsers",
                    "publisher": {"@type": "Person", "name": "Jane Doe"}}),
                "<article><h1>Notes on parsers</h1>" + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://janedoe.dev/posts/parsers")
    assert m.authors == ["Jane Doe"]
    assert m.sources["authors"] == "site owner"


def test_site_name_alone_is_not_an_author():
    html = page('<meta property="og:site_name" content="Django Project">',
                "<article><h1>Notes on parsers</h1>" + ARTICLE_BODY + "</article>")
    assert meta_of(html, url="https://djangoproject.com/news/parsers").authors == []


def test_bylines_of_a_listing_are_not_the_page_author():
    cards = "".join(f'<div class="card"><h2>Story {i}</h2><span class="author">By {n}</span></div>'
                    for i, n in enumerate(["Jane Doe", "John Smith", "Ana Lima", "Li Wei"]))
    assert meta_of(page("", "<h1>Latest stories</h1>" + cards), url="https://example.com/blog").authors == []


def test_byline_in_a_container_holding_the_headline_counts_whatever_its_class():
    html = page("", '<div class="story-template-sidebar"><h1>Budget vote passes</h1>'
                '<p>By Jane Doe</p><div>May 2, 2024</div></div>' + ARTICLE_BODY)
    m = meta_of(html, url="https://example.com/budget")
    assert m.authors == ["Jane Doe"]
    assert m.published == "2024-05-02"


def test_dates_in_comments_and_related_rails_do_not_win():
    html = page("", '<article><h1>Budget vote passes</h1>' + ARTICLE_BODY + "</article>"
                '<section class="comments"><time datetime="2024-05-20">May 20, 2024</time></section>'
                '<div class="related-posts"><span class="date">May 19, 2024</span></div>')
    assert meta_of(html, url="https://example.com/budget").published is None


def test_declared_date_outvoted_when_other_sources_agree_on_another():
    html = page('<meta name="dc.date" content="2024-07-05">',
                '<article><h1>Budget vote passes</h1><time datetime="2024-03-01">March 1, 2024</time>'
                + ARTICLE_BODY + "</article>")
    assert meta_of(html, url="https://example.com/budget").published == "2024-03-01"


def test_robust_to_deep_json_and_bad_fetch_date():
    deep = "[" * 5000
    html = page(f'<script type="application/ld+json">{deep}</script><title>Budget vote passes</title>',
                '<time datetime="2024-03-01">March 1, 2024</time>')
    m = html_metadata(LexborHTMLParser(html), None, fetch_date="not a date")
    assert m.title == "Budget vote passes" and m.published == "2024-03-01"


def test_title_h1_with_counter_or_label_around_it_uses_the_declared_wording():
    html = page('<meta property="og:title" content="Which router should I buy for a small flat?">',
                "<h1>Thread: Which router should I buy for a small flat? 12</h1>")
    assert meta_of(html, url="https://forum.example.com/t/1").title == "Which router should I buy for a small flat?"


def test_title_pipe_subtitle_dropped_and_mojibake_fixed():
    html = page("<title>A DIY Investorâ\x80\x99s Guide to Retirement | Calculators and More</title>", ARTICLE_BODY)
    assert meta_of(html, url="https://example.org/x").title == "A DIY Investor’s Guide to Retirement"


# ----------------------------------------------------------------- learned pickers


def test_models_match_the_feature_rows():
    from dehusk.classify import load_model
    from dehusk.metadata_dates import DATE_FEATURES
    from dehusk.metadata_rank import PAGE_FEATURES, TITLE_FEATURES
    from dehusk.metadata_rank_author import AUTHOR_FEATURES

    for name, features in (("html_title", TITLE_FEATURES), ("html_date", (*DATE_FEATURES, *PAGE_FEATURES)),
                           ("html_author", AUTHOR_FEATURES)):
        assert load_model(name).feature_names == tuple(features), name


def test_without_model_files_the_rules_decide(tmp_path, monkeypatch):
    from dehusk import classify

    html = page('<title>Council budget vote passes | Example News</title>'
                '<meta property="og:site_name" content="Example News">',
                '<article><h1>Council budget vote passes</h1><p class="byline">By Jane Doe</p>'
                '<span class="date">May 2, 2024</span>' + ARTICLE_BODY + "</article>")
    learned = meta_of(html)
    monkeypatch.setattr(classify, "_model_path", lambda name: tmp_path / f"{name}.npz")  # no model file
    rules = meta_of(html)
    assert rules.title == learned.title == "Council budget vote passes"
    assert rules.authors == learned.authors == ["Jane Doe"]
    assert rules.published == learned.published == "2024-05-02"


def _state(html: str, url: str = "https://news.example.com/2024/05/02/story"):  # noqa: ANN202
    from dehusk.metadata_html import _rules

    return _rules(LexborHTMLParser(html), url, FETCH)


def test_title_candidates_one_row_per_wording():
    from dehusk.metadata_html import title_rows
    from dehusk.metadata_rank import TITLE_FEATURES

    html = page('<title>Council budget vote passes | Example News</title>'
                '<meta property="og:title" content="Council budget vote passes">'
                '<meta property="og:site_name" content="Example News">',
                "<article><h1>Council Budget Vote Passes</h1>" + ARTICLE_BODY + "</article>")
    _, state = _state(html)
    cands, X = title_rows(state)
    assert X.shape == (len(cands), len(TITLE_FEATURES))
    texts = [c.text for c in cands]
    assert "Council budget vote passes | Example News" in texts  # the raw <title> is a candidate too
    # the h1, og:title and the <title> without its site name are one wording (compared as the scorer does)
    assert len([t for t in texts if t.casefold() == "council budget vote passes"]) == 1
    row = dict(zip(TITLE_FEATURES, X[texts.index(next(t for t in texts if t.casefold() == "council budget vote passes"))],
                   strict=True))
    assert row["fam_h1"] == row["fam_og"] == row["fam_title"] == 1.0 and row["n_meta_fam"] == 2.0


def test_date_candidates_one_per_day_rails_and_comments_left_out():
    from dehusk.metadata_html import date_rows

    html = page('<meta property="article:published_time" content="2024-03-01T08:00:00Z">',
                '<article><h1>Budget vote passes</h1><p class="date">March 1, 2024</p>' + ARTICLE_BODY + "</article>"
                '<section class="comments"><time datetime="2024-05-20">May 20, 2024</time></section>')
    meta, state = _state(html, "https://example.com/budget")
    days, X = date_rows(state, meta.language)
    assert [d for d, _, _ in days] == ["2024-03-01"]
    assert days[0][1] == "2024-03-01T08:00:00+00:00"  # the declared value, with its time, stands for the day
    assert len(X) == 1


def test_visible_byline_with_the_name_in_a_link():
    html = page("", '<article><h1>Budget vote passes</h1><p>By <a href="/people/jane">Jane Doe</a></p>'
                + ARTICLE_BODY + "</article>")
    m = meta_of(html, url="https://example.com/budget")
    assert m.authors == ["Jane Doe"]


def test_author_candidates_user_name_in_a_byline_not_the_site_name():
    from dehusk.metadata_html import author_rows

    html = page('<meta property="og:site_name" content="Nerdnews">',
                '<article><h1>Budget vote passes</h1><p class="story-byline">Posted by <a href="/u/1">QuietFox42</a>'
                '</p>' + ARTICLE_BODY + '<p class="author">By Nerdnews</p></article>')
    meta, state = _state(html, "https://nerdnews.example/story/1")
    cands, _ = author_rows(state, meta.authors)
    names = {n for c in cands for n in c.values}
    assert "QuietFox42" in names
    assert "Nerdnews" not in names
