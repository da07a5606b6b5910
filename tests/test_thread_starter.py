"""A forum thread's author from the labels forum software prints (`dehusk.thread_starter`)."""

from __future__ import annotations

import pytest

import dehusk
from dehusk.thread_starter import thread_starter


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Forums", "• Thread starter Thread starter quill_and_ink", "• Start date Mar 2, 2024"], (1, "quill_and_ink")),
        (["• Thread starter Dana Whitfield"], (0, "Dana Whitfield")),
        (["Thread starter", "quill_and_ink", "Start date"], (1, "quill_and_ink")),  # label and name apart
        (["Discussion in 'Bikes' started by gearhead77, 2 March 2024."], (0, "gearhead77")),
        (["Ersteller: Jonas Weber"], (0, "Jonas Weber")),
        (["Why does my tent leak?", "asked Feb 11, 2021 at 23:49", "campfire42's user avatar", "campfire42"],
         (2, "campfire42")),
        (["asked Feb 11, 2021 at 23:49", "campfire42", "159 1 1 silver badge"], (1, "campfire42")),  # no alt text
        # Discourse: the first post's header ends with its number, 1
        (["Tent seams leaking", "Gear", "trailmix (Tom Reyes) September 5, 2024, 11:15pm 1", "My tent leaks."],
         (2, "trailmix")),
        (["fern.leaf 4 June 2024 09:12 1"], (0, "fern.leaf")),
        # phpBB: the first post's header
        (["Re: seams", "Post by quill_and_ink » Sat Feb 24, 2024 12:41 pm", "My tent leaks."], (1, "quill_and_ink")),
        (["Re: seams", "by quill_and_ink » 27 Aug 2019 1:47 am"], (1, "quill_and_ink")),
        # a classic forum's user panel beside the first post: name, rank, counts, "Joined: <date>"
        (["Tent seams", "#1 2023-05-09 08:02:11", "quill_and_ink", "Member", "Registered: 2022-10-30", "Posts: 4"],
         (2, "quill_and_ink")),
        (["Tent seams", "gearhead77 Offline", "", "Senior Member", "Posts: 61", "Threads: 9", "Joined: Oct 2018"],
         (1, "gearhead77")),
        (["campfire42", "Original Poster", "Always outdoors!", " ", "Join Date: May 2013", "Location: Oslo"],
         (0, "campfire42")),
        (["  9 replies • Page 1 of 1", "          fern.leaf Posts: 31 Joined: Wed Apr 5, 2017 7:40 pm"],
         (1, "fern.leaf")),  # the panel on one line
        (["trailmix Member Registered: 2020-08-16 Posts: 12"], (0, "trailmix")),
        # XenForo: the label alone, the date on the next line; an all-capitals handle is a user there
        (["quill_and_ink", "", "quill_and_ink", "", "Gold Member", "Joined", "Sep 14, 2012"], (2, "quill_and_ink")),
        (["GEARHEAD", "• View Profile", "GEARHEAD is offline Disabled", "Join Date", "Feb 2021"], (0, "GEARHEAD")),
    ],
)
def test_thread_starter_labels(lines: list[str], expected: tuple[int, str]) -> None:
    assert thread_starter(lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Get started by typing your postcode in the box."],  # no label: a sentence
        ["Thread starter admin"],  # a generic role, not a user
        ["Our team started by asking customers what they needed, and it grew from there."],
        ["asked Feb 11, 2021 at 23:49", "Add a comment"],
        ["trailmix (Tom Reyes) September 5, 2024, 11:15pm 2"],  # a reply's header, not the first post
        ["Season 2 May 2025 1"],  # no time of day: not a post header
        ["  • inspect registered: List registered tasks"],  # a word before "registered:", no date: no panel
        ["by the river » a walk"],  # "by ... »" without a date: a breadcrumb, not a post header
        ["Ann Lee", "Joined", "the team as our editor"],  # "Joined" without a date: no user panel
        # the first panel names nobody readable: a later panel is a reply's, not the thread's
        ["Ask me about tarps!", "Joined: May 2013", "Nice tent", "gearhead77", "Member", "Joined: Jan 2019"],
    ],
)
def test_no_thread_starter(lines: list[str]) -> None:
    assert thread_starter(lines) is None


FORUM = """Home
Forums
Outdoor Gear
Tent seams leaking after two seasons
Published Apr 5, 2025
Gear talk
Board rules
Search
• Thread starter Thread starter quill_and_ink
• Start date Mar 2, 2024
quill_and_ink
Member
My two-season tent has started to leak along the seams of the fly whenever it rains for more than an hour. I have tried a spray sealant but the water still comes through at the corners.
Has anyone had luck with seam tape, or is it time to give up on this tent and buy a new one for the summer?
gearhead77
Member
Seam tape works if you clean the seams with alcohol first and let them dry completely before you apply it. I did mine last spring and it held through a week of rain.
Reply
"""


def test_forum_page_author_is_its_thread_starter() -> None:
    art = dehusk.extract(FORUM, mode="text", url="https://forum.example.org/threads/tent-seams.123/")
    assert art.authors == ("quill_and_ink",)
    assert art.published == "2024-03-02"  # the thread's, printed with its starter: not the latest reply's
    assert "Thread starter" not in art.text
    assert "seam tape" in art.text.lower()


FORUM_HTML = """<html><head><title>Tent seams leaking | Outdoor Forum</title></head><body>
<nav><a href="/">Forums</a> <a href="/gear">Outdoor Gear</a></nav>
<h1>Tent seams leaking after two seasons</h1>
<ul class="thread-meta"><li><dl><dt>Thread starter</dt><dd><a href="/members/quill.1">quill_and_ink</a></dd></dl></li>
<li><dl><dt>Start date</dt><dd><time datetime="2024-03-02">Mar 2, 2024</time></dd></dl></li></ul>
<article class="message"><div class="message-user"><a href="/members/quill.1">quill_and_ink</a></div>
<div class="message-body"><p>My two-season tent has started to leak along the seams of the fly whenever it rains for
more than an hour. I have tried a spray sealant but the water still comes through at the corners.</p></div></article>
<article class="message"><div class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person">
<span itemprop="name">Gear Head</span></div>
<div class="message-body"><p>Seam tape works if you clean the seams with alcohol first and let them dry completely
before you apply it. I did mine last spring and it held through a week of rain.</p></div></article>
</body></html>"""


def test_html_forum_author_is_its_thread_starter() -> None:
    art = dehusk.extract(FORUM_HTML, mode="html", url="https://forum.example.org/threads/tent-seams.123/")
    assert art.authors == ("quill_and_ink",)


PANEL_FORUM = """Home
Forums
Camping
Tent seams leaking after two seasons
Pages: 1
#1 2024-03-02 09:14:37
quill_and_ink
Member
Registered: 2019-06-11
Posts: 12
My two-season tent has started to leak along the seams of the fly whenever it rains for more than an hour. I have tried a spray sealant but the water still comes through at the corners.
Has anyone had luck with seam tape, or is it time to give up on this tent and buy a new one for the summer?
#2 2024-03-04 18:02:11
gearhead77
Member
Registered: 2016-01-20
Posts: 418
Seam tape works if you clean the seams with alcohol first and let them dry completely before you apply it. I did mine last spring and it held through a week of rain.
"""


def test_user_panel_gives_the_starter_and_its_post_date_not_the_registration() -> None:
    art = dehusk.extract(PANEL_FORUM, mode="text", url="https://bbs.example.org/viewtopic.php?id=42")
    assert art.authors == ("quill_and_ink",)
    assert art.published is not None and art.published.startswith("2024-03-02")


def test_a_registration_date_under_its_label_is_not_the_threads() -> None:
    page = PANEL_FORUM.replace("Registered: 2019-06-11", "Joined\nJun 11, 2019").replace(
        "#1 2024-03-02 09:14:37", "Mar 2, 2024 at 9:14 AM")
    art = dehusk.extract(page, mode="text", url="https://bbs.example.org/viewtopic.php?id=42")
    assert art.authors == ("quill_and_ink",)
    assert art.published is not None and art.published.startswith("2024-03-02")
