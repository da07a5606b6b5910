"""A page dumped on one run-on line (`run_on`): its header (byline, date) is cut out of the text
around it, so that the line pickers find the authors and the date without the URL's help."""

from __future__ import annotations

import dehusk
from conftest import FERRY_PARAGRAPHS
from dehusk.run_on import split_header


def test_a_byline_is_cut_out_with_its_names() -> None:
    assert split_header("Ferry Timetable By Ann Lee Ann Lee Reporter Harbour College") == [
        "Ferry Timetable", "By Ann Lee", "Ann Lee Reporter Harbour College"]
    assert split_header("Harbour News By: Peter Hale Share The ferry") == [
        "Harbour News", "By: Peter Hale", "Share The ferry"]
    # several names, joined by commas and "and"; a date's label starts the next piece
    assert split_header("Written by Mary Quinn, Peter Hale, and Ann Lee Updated 14 March 2024 The ferry") == [
        "Written by Mary Quinn, Peter Hale, and Ann Lee", "Updated 14 March 2024", "The ferry"]
    # a role after the name, set apart by a symbol
    assert split_header("x By Ann Lee ⋅ Senior Analyst") == ["x", "By Ann Lee", "⋅ Senior Analyst"]


def test_a_lower_case_by_right_after_a_date_opens_a_byline() -> None:
    assert split_header("Posted on May 3, 2024 by Ann Lee The ferry") == ["Posted on May 3, 2024", "by Ann Lee", "The ferry"]
    assert split_header("Dec 19, 2025 — by Peter Hale in News If you") == ["Dec 19, 2025", "— by Peter Hale", "in News If you"]


def test_a_lower_case_by_after_a_title_case_headline_opens_a_byline() -> None:
    assert split_header("Menu 12 Ferry Routes in 2025 by Ann Lee 6 min read") == [
        "Menu 12 Ferry Routes in 2025", "by Ann Lee", "6 min read"]
    # not after a sentence's words, nor after a shop's "Shop by", nor without a person's two names
    for text in ("the bridge was built by Ann Lee and her team", "Shop by Brand Apple Samsung Sony",
                 "Our New Harbour Guide by Lonely Planet"):
        assert split_header(text) == [text]


def test_prose_is_not_cut_at_its_by() -> None:
    for prose in (
        "The bridge was built by local engineers in 1990 and it still carries the traffic",
        "By 2030 the town expects twice as many visitors on the quay",
        "By the time the ferry arrived the crowd had gone home",
        "By Monday, the council had voted to reopen the crossing",
    ):
        assert split_header(prose) == [prose]


def test_a_date_is_cut_where_something_new_starts() -> None:
    assert split_header("Blog Home Our Ferry Plans March 12, 2024 Whether you sail or drive") == [
        "Blog Home Our Ferry Plans", "March 12, 2024", "Whether you sail or drive"]
    # inside a sentence (a lower-case word before it, and after it) it stays
    sentence = "the council met on March 12, 2024 and voted to reopen the crossing"
    assert split_header(sentence) == [sentence]


def test_a_page_on_one_line_without_a_slug_gets_its_byline_and_date() -> None:
    head = "Home News Travel Weather Sport Contact The Ferry Returns"
    page = f"{head} By Peter Hale 14 March 2024 {' '.join(FERRY_PARAGRAPHS * 2)} Privacy Terms Contact"
    art = dehusk.extract(page, mode="text", url="https://news.example.org/story/12345", fetch_date="2025-01-01")
    assert list(art.authors) == ["Peter Hale"]
    assert art.published == "2024-03-14"
    assert "Peter Hale" not in art.text and "14 March 2024" not in art.text
    assert FERRY_PARAGRAPHS[0] in art.text


def test_the_slug_finds_a_headline_whose_words_it_inflects_or_drops() -> None:
    from dehusk.headline_slug import slug_headline

    # "workout" / "beginner" in the URL, "Workouts" / "Beginners" in the headline
    url = "https://gym.example.com/blog/beginner-gym-workout-plan/"
    page = "Home Blog Classes Gym Workout Plans for Beginners By Ann Lee"
    assert slug_headline([page], url) == "Gym Workout Plans for Beginners"
    # the opening words a URL drops ("Top 10", "The"), when the headline opens in title case
    url = "https://news.example.org/2024/05/17/secure-computing-tips/"
    assert slug_headline(["Blog Security Top 10 Secure Computing Tips By Ann Lee"], url) == "Top 10 Secure Computing Tips"
    assert slug_headline(["Menu The Secure Computing Tips"], url) == "The Secure Computing Tips"
    # a year before it is the date's, not the headline's
    assert slug_headline(["May 17, 2024 Secure Computing Tips"], url) == "Secure Computing Tips"


def test_a_read_more_link_is_a_line_of_its_own() -> None:
    assert split_header("Read more Ferry fares rise Read more The New Timetable Video by Ann Lee, Bo Chen Text") == [
        "Read more", "Ferry fares rise", "Read more", "The New Timetable", "Video by Ann Lee, Bo Chen", "Text"]
    # in a sentence, lower-case, it stays
    sentence = "Visitors can read more about the timetable on the council's website"
    assert split_header(sentence) == [sentence]
    # an outlet's name with a number after the label is not cut in two
    assert split_header("Text by FRANCE 24 Latest update : 2013-02-06 French") == [
        "Text by FRANCE 24", "Latest update : 2013-02-06", "French"]


def test_a_forum_threads_labels_are_cut_out() -> None:
    """XenForo's "Thread starter <name> Start date <date>" glued between the thread's title and
    its first post: the thread starter's line is read as in any dump (`thread_starter`)."""
    assert split_header("Harbour Forum Ferry fares for 2025? Thread starter harbourfan Start date Dec 30, 2023 1 2 Next") == [
        "Harbour Forum Ferry fares for 2025?", "Thread starter harbourfan", "Start date Dec 30, 2023", "1 2 Next"]
    posts = " ".join(FERRY_PARAGRAPHS * 3)  # (a page long enough to be read as one run-on line)
    page = (f"Forums New posts Search Log in Register Ferry fares for 2025 Thread starter harbourfan Start date "
            f"Dec 30, 2023 harbourfan Member {posts} Reply Share Privacy Terms Contact")
    art = dehusk.extract(page, mode="text", fetch_date="2025-01-01")
    assert list(art.authors) == ["harbourfan"]


def test_blocks_glued_at_a_sentence_end_are_cut_apart() -> None:
    """`get_text()` of adjacent elements glues a paragraph's last sentence to the next block's
    first word; the blocks come apart there (and an abbreviation's capitals do not)."""
    from dehusk.segment_text import segment_text

    lines = [s.text for s in segment_text("The ferry leaves from the quay.Timetables change in June.\nThe U.S.A. fleet")]
    assert lines == ["The ferry leaves from the quay.", "Timetables change in June.", "The U.S.A. fleet"]


def test_a_date_glued_to_the_words_beside_it_is_cut_out() -> None:
    from dehusk.run_on import glued_dates

    assert glued_dates("Harbour Notes by Ann LeeDecember 17, 2024TLDR The ferry sails") == [
        "Harbour Notes by Ann Lee", "December 17, 2024", "TLDR The ferry sails"]
    # a year run on into the count printed after it ("1 like")
    assert glued_dates("Harbour Notes by Ann LeeDec 18, 20251ShareThe ferry sails") == [
        "Harbour Notes by Ann Lee", "Dec 18, 2025", "1ShareThe ferry sails"]
    # a date set apart by spaces, or a line without glue, stays as it is
    for line in ("The ferry sails on December 17, 2024 from the quay", "Updated 17 March 2024"):
        assert glued_dates(line) == [line]


def test_a_byline_glued_to_the_words_beside_it_is_cut_out() -> None:
    from dehusk.run_on import glued_bylines

    assert glued_bylines("Ferry Timetable Changes for the WinterBy Ann LeeUpdated on March 3, 2024") == [
        "Ferry Timetable Changes for the Winter", "By Ann Lee", "Updated on March 3, 2024"]
    assert glued_bylines("The Harbour in 2025By Ann Lee and Tom Berg – March 3, 2024") == [
        "The Harbour in 2025", "By Ann Lee and Tom Berg", "– March 3, 2024"]
    assert glued_bylines("Ferry Timetable Changes for the WinterBY Ann Lee – March 3, 2024") == [
        "Ferry Timetable Changes for the Winter", "BY Ann Lee", "– March 3, 2024"]
    # a "By" set apart by a space, a headline's "By", a "By" before no name: left as they are
    for line in ("Ferry Timetable Changes By Ann Lee", "The band played Stand By Me at the harbour festival",
                 "Ferry timetablesBy Monday, the council will vote on it"):
        assert glued_bylines(line) == [line]


def test_a_glued_byline_gives_the_author() -> None:
    # (`get_text()` glued the menu, the headline, the byline and the date; and a sentence end to the next block)
    page = ("Skip to content\nHomeNewsSportFerry Timetable Changes for the WinterBy Ann LeeUpdated on March 3, 2024"
            "ShareTweet\nThe harbour's news, every morning.Subscribe\n" + "\n".join(FERRY_PARAGRAPHS))
    art = dehusk.extract(page, mode="text")
    assert list(art.authors) == ["Ann Lee"]


def test_a_short_page_on_one_line_is_cut_too() -> None:
    """A short news item dumped on one line (under a thousand characters, as a page of one short
    paragraph is) is read as a run-on line: its byline and date come out, its menu stays out."""
    from dehusk.run_on import RUN_ON_MIN, run_on

    page = ("Home About Advertise Contact Home Latest Politics World Sport Events HomeNEWS "
            "Harbour Ferries Return To The Old Town By Peter Hale 14 March 2024 "
            "The harbour ferries that stopped running in 2019 will return to the old town quay next month, the "
            "council said on Tuesday. Three boats will sail every hour between the quay and the island from "
            "seven in the morning until ten at night. Tickets will cost the same as on the buses. "
            "Post a Comment 0 Comments Popular Posts Follow by Email")
    assert RUN_ON_MIN <= len(page) < 1500 and run_on([page])
    art = dehusk.extract(page, mode="text", url="https://news.example.org/2024/03/ferries-return.html")
    assert list(art.authors) == ["Peter Hale"]
    assert art.published == "2024-03-14"
    assert "Three boats will sail every hour" in art.text and "Advertise" not in art.text


def test_words_glued_by_a_case_change_are_cut_apart() -> None:
    """`get_text()` glues a menu's items and a heading to the paragraph after it where the HTML had no
    white space between the elements; the line is cut at those case changes, but not inside a name
    (one case change in a capitalised word) nor on a line of code, and a line of glued items alone
    (a menu, a tag list: no phrase among them) stays whole."""
    from dehusk.run_on import glued_words

    assert glued_words("Tide tablesHarbour mapsFerry fares rise in June for the first time sinceThe council "
                       "said on Monday.") == [
        "Tide tables", "Harbour maps", "Ferry fares rise in June for the first time since",
        "The council said on Monday."]
    # a run of glued words: names' case changes are glue there too
    assert glued_words("Ferry TimesBus TimesTide TablesContact usHarbour ferries return next spring") == [
        "Ferry Times", "Bus Times", "Tide Tables", "Contact us", "Harbour ferries return next spring"]
    for line in ("Tickets are sold on PortPass and shared on LinkedIn, the council said.",
                 "const [open, setOpen] = useState(false);", "A line without any glue.",
                 "FaresTimetablesContact", "Ferry TimesBus TimesTide Tables"):
        assert glued_words(line) == [line]


def test_only_a_page_that_glues_its_blocks_is_cut_at_case_changes() -> None:
    from dehusk.run_on import glues_words
    from dehusk.segment_text import segment_text

    prose = " ".join(FERRY_PARAGRAPHS)
    # a few names with a case change in a page of prose: the page does not glue its words
    assert not glues_words(prose + " Follow us on LinkedIn.")
    glued = ("HomeNewsSportWeatherHarbour ferries return next springThe county council voted on Tuesday to "
             "reopen the crossing.Tickets go on sale in May.")
    assert glues_words(glued)
    lines = [s.text for s in segment_text(glued + "\n" + prose)]
    assert lines[:6] == ["Home", "News", "Sport", "Weather", "Harbour ferries return next spring",
                         "The county council voted on Tuesday to reopen the crossing."]
    # the same glued words on a page that sets its blocks apart (no glued sentence end): a renderer
    # that glues inline elements only; the line stays whole
    calm = [s.text for s in segment_text(glued.replace(".T", ". T") + "\n" + prose)]
    assert calm[0].startswith("HomeNewsSportWeatherHarbour ferries")


def test_a_page_glued_by_case_changes_keeps_its_menu_out_of_the_text() -> None:
    page = ("Skip to contentHarbour CourierHomeNewsSportWeatherContact usHarbour ferries return next spring"
            + FERRY_PARAGRAPHS[0] + FERRY_PARAGRAPHS[1] + "\n" + "\n".join(FERRY_PARAGRAPHS[2:])
            + "\nRelated storiesBus fares frozen for another yearNew quay lights switched onAbout usPrivacyTerms")
    art = dehusk.extract(page, mode="text")
    assert "The county council voted on Tuesday" in art.text
    assert "Engineers will first survey the slipways" in art.text
    for furniture in ("Skip to content", "HomeNews", "Contact us", "Related stories", "Privacy"):
        assert furniture not in art.text


def test_glue_is_found_in_other_alphabets() -> None:
    """Case changes and sentence ends glue blocks in any cased script: Cyrillic, Greek, Latin with
    diacritics."""
    from dehusk.run_on import glued_words
    from dehusk.segment_text import segment_text

    assert glued_words("ГлавнаяНовостиСпортГородские паромы вернутся весной, сообщили в мэрии") == [
        "Главная", "Новости", "Спорт", "Городские паромы вернутся весной, сообщили в мэрии"]
    assert glued_words("Ana SayfaGündemŞehir vapurları ilkbaharda yeniden sefere başlayacak") == [
        "Ana Sayfa", "Gündem", "Şehir vapurları ilkbaharda yeniden sefere başlayacak"]
    lines = [s.text for s in segment_text("Τα πλοία επιστρέφουν την άνοιξη.Σήμερα ανακοινώθηκε η απόφαση.")]
    assert lines == ["Τα πλοία επιστρέφουν την άνοιξη.", "Σήμερα ανακοινώθηκε η απόφαση."]


def test_a_menu_run_between_sentences_is_cut_out() -> None:
    from dehusk.run_on import split_menu_runs

    piece = ("the ferry would run again Home News Sport Weather Contact Us About Us Careers Privacy Policy "
             "Terms The minister said")
    assert split_menu_runs(piece) == [
        "the ferry would run again", "Home News Sport Weather Contact Us About Us Careers Privacy Policy Terms",
        "The minister said"]
    # names joined by "and" in a sentence are no menu (too short a run), nor is a list with commas
    prose = "President Ada Brook and First Minister Owen Hale visited the harbour on Monday."
    assert split_menu_runs(prose) == [prose]
    names = "Anna Berg, Owen Hale, Peter Lund, Maria Stone, Tom Reed and Lea Brandt signed the letter"
    assert split_menu_runs(names) == [names]


def test_a_title_case_headline_glued_to_a_menu_stays_whole() -> None:
    from dehusk.run_on import split_menu_runs

    slug = frozenset(["why", "ferry", "timetables", "change", "every", "spring"])
    piece = "Home Travel Ferries Buses Trains Tickets Contact Search Why Ferry Timetables Change Every Spring"
    assert split_menu_runs(piece, slug) == [
        "Home Travel Ferries Buses Trains Tickets Contact Search", "Why Ferry Timetables Change Every Spring"]
    opens = "Why Ferry Timetables Change Every Spring Home Travel Ferries Buses Trains Tickets"
    assert split_menu_runs(opens, slug) == [opens]  # (a run that opens with the headline: left whole)


def test_a_page_on_one_line_keeps_its_menus_out_of_the_text() -> None:
    menu = "Home News Sport Weather Travel Ferries Buses Trains Tickets Contact Us About Us Careers"
    footer = "Privacy Policy Terms Of Use Cookie Settings Accessibility Sitemap Newsletter Advertise With Us"
    page = " ".join([menu, "Harbour Ferries Return To The Old Town", FERRY_PARAGRAPHS[0], footer,
                     FERRY_PARAGRAPHS[1], FERRY_PARAGRAPHS[2], footer])
    art = dehusk.extract(page, mode="text", url="https://news.example.org/2024/03/harbour-ferries-return-to-the-old-town")
    assert "slipways on both banks" in art.text and "reopen the old ferry crossing" in art.text
    assert "Cookie Settings" not in art.text and "Sitemap" not in art.text


def test_slug_inflections_follow_the_slugs_order() -> None:
    # a word two slug words share their start with maps to the first in the slug, whatever the
    # interpreter's hash seed (a set's order once decided it)
    from dehusk.headline_slug import _Inflections

    assert _Inflections(["design", "designs"])["designs"] == "design"
    assert _Inflections(["designs", "design"])["designs"] == "designs"


def test_no_menu_runs_where_capitals_say_nothing() -> None:
    # a script without case (every word would read as a capitalised one), and nouns capitalised as
    # German writes them: sentences stay whole, a clause ending in a comma is not cut off
    from dehusk.run_on import capitalised_prose, split_sentences

    korean = ("시는 월요일에 항구와 섬을 잇는 여객선 운항을 다음 달부터 다시 시작한다고 발표했다, 시 관계자는 "
              "새 시간표가 주민들의 의견을 반영했다고 말했다. ") * 4
    assert capitalised_prose([korean])
    assert all("," not in piece or piece.rstrip().endswith(".") for piece in split_sentences([korean]))
    german = ("Die Fähre zwischen dem Hafen und der Insel fährt ab Montag wieder nach dem alten Fahrplan, "
              "teilte die Stadt am Dienstag mit. Pendler hatten sich über den Winterfahrplan beschwert. ") * 3
    assert capitalised_prose([german])
    english = ("The ferry between the harbour and the island runs to the old timetable again from Monday, "
               "the council said on Tuesday. Commuters had complained about the winter timetable. ") * 3
    assert not capitalised_prose([english])


def test_a_menu_run_is_navigation_on_a_page_on_one_line() -> None:
    from dehusk.run_on import MENU_RUN_REASON, menu_run

    nav = "Home Travel Ferries Buses Trains Tickets Timetables Fares Contact Us About Us Careers Help"
    assert menu_run(nav) and not menu_run(FERRY_PARAGRAPHS[0]) and not menu_run("Home News Sport")
    page = " ".join([FERRY_PARAGRAPHS[0], nav, FERRY_PARAGRAPHS[1], FERRY_PARAGRAPHS[2], nav, FERRY_PARAGRAPHS[3]])
    # every line kept by its score (a cut of 0, as the line model's scores on such pages often are):
    # the runs are still left out, with their reason
    art = dehusk.extract(page, mode="text", explain=True, threshold=0.0)
    assert "Timetables Fares" not in art.text and "slipways on both banks" in art.text
    runs = [b for b in art.blocks if "Timetables Fares" in b.text]
    assert runs and all(b.reason == MENU_RUN_REASON for b in runs if b.label != "title")
