"""Page notices (cookie consent, "enable JavaScript") never reach the article, in either mode."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS
from dehusk.blocks import KEPT
from dehusk.notices import (
    AD_LABEL,
    MACHINE_TEXT,
    MEDIA_FALLBACK,
    MEMBER_COUNT,
    POST_STATS,
    READING_TIME,
    RESULTS_COUNT,
    SEARCH_PROMPT,
    notice_reason,
)

PARAGRAPHS = FERRY_PARAGRAPHS
NOTICES = [
    "This slideshow requires JavaScript.",
    "Please enable JavaScript to view the comments.",
    "We use cookies to improve your experience. Accept all or manage your settings.",
]


@pytest.mark.parametrize("text", [
    *NOTICES,
    "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
    "You need to enable JavaScript to run this app.",
    "Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.",
    "Veuillez activer JavaScript dans votre navigateur.",
    "JavaScript ist deaktiviert.",
    "Wir verwenden Cookies. Einstellungen",
    "Accept all   Reject all   Manage settings",
    "Este site usa cookies para melhorar a sua experiência. Ao continuar navegando, você concorda com a política.",
    "Questo sito utilizza cookie tecnici e di profilazione per offrirti una migliore esperienza.",
    "Alle akzeptieren   Nur notwendige   Einstellungen",
    "Tout accepter | Tout refuser | Personnaliser",
    # cookie notices in more languages, with the word "cookie" or the language's own
    "Bu web sitesi deneyiminizi iyileştirmek için çerezler kullanmaktadır.",
    "Weboldalunk sütiket használ a jobb felhasználói élmény érdekében.",
    "Tento web používá k poskytování služeb soubory cookies. Souhlasím",
    "Vi använder cookies för att ge dig en bättre upplevelse.",
    "Käytämme evästeitä sivuston toiminnan parantamiseen.",
    "当サイトではクッキーを使用しています。",
    "이 웹사이트는 더 나은 서비스를 위해 쿠키를 사용합니다.",
    "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.",
    "Table of Contents",
    "On this page:",
    "Inhaltsverzeichnis",
    "Advertisement",
    "- Anzeige -",
    "Loading...",
    "Story continues below advertisement",
    "Click to expand...",
    "Read More »",
    "• Next",
    "Previous Next",
    "Add to Wishlist",
    "3 Likes",
    "Reply",
    "Weiterlesen",
    "Skip to content",
    "Listen to this article",
    "Listen to this article · 5 min",
    "Luister naar dit artikel",
    "기사 듣기",
    "Skip to main content",
    "Jump to main content | Skip to footer",
    "Skip directly to navigation",
    "Zum Inhalt springen",
    "Aller au contenu principal",
    "Saltar al contenido",
    "Przejdź do treści",
])
def test_notices_are_recognised(text: str) -> None:
    assert notice_reason(text) is not None


# a consent framework's banner runs long: its own choices mark it whatever its length
LONG_BANNER = (
    "We and our 312 partners keep cookies and other small files on your phone or computer, with your "
    "consent, to count visits to the harbour guide, to tailor the ferry offers you see and to learn which "
    "timetables help "
    "most. Nothing is stored until you decide, and a decision can be changed from the link in the footer "
    "whenever you like. "
) * 3 + "Choose Accept all to allow every cookie, or Reject all to allow the ones the site needs to work."


@pytest.mark.parametrize("text", [
    LONG_BANNER,
    "Purposes our vendors ask for: store and/or access data on your device; pick offers from your "
    "visits; count how often each page of the guide is read.",
])
def test_long_consent_banners_are_notices(text: str) -> None:
    assert notice_reason(text) is not None


# the consent framework's purposes as its banners list them, a line each (the standard's own wording)
@pytest.mark.parametrize("text", [
    "Use limited data to select advertising",
    "Create profiles for personalised advertising",
    "Use profiles to select personalised content",
    "Measure advertising performance",
    "Understand audiences through statistics of the harbour guide's readers",
    "Advertising presented to you on this service can follow the ferry routes you look up most often, and the "
    "harbour you set as your home.",
    "Information about your activity on this service (the timetables you open) can be kept for a year.",
    "The performance and effectiveness of ads on the ferry pages is counted.",
    "214 partners can use this purpose",
    "57 vendors can use this feature",
    "Information regarding which content is presented to you can tell the harbour guide which timetables "
    "help most.",
    "Your data can be used to monitor for and prevent unusual bookings on the ferry site.",
    # a cookie banner's categories and their descriptions
    "Necessary cookies are absolutely essential for the harbour guide's website to work.",
    "Analytical cookies help us see which ferry timetables visitors read.",
    "These cookies enable the site to remember the ferry routes you looked at.",
])
def test_consent_framework_purposes_are_notices(text: str) -> None:
    assert notice_reason(text) == "cookie or consent notice"


@pytest.mark.parametrize("text", [
    "This field is for validation purposes, leave it empty",
    "This field is hidden when viewing the booking page",
])
def test_a_form_plugins_hidden_field_labels_are_notices(text: str) -> None:
    assert notice_reason(text) is not None


@pytest.mark.parametrize("text", [
    "Thank you! Your submission has been received!",
    "Thanks for subscribing!",
    "Oops! Something went wrong when submitting the form.",
    "THANK YOU FOR SIGNING UP",
    "Thank you, your message has been sent.",
    "Please enter a valid email address.",
    "Please provide a valid e-mail",
])
def test_a_forms_status_messages_are_notices(text: str) -> None:
    assert notice_reason(text) == "a form's status message (shown once it is sent, when sending fails or when a field is wrong)"


@pytest.mark.parametrize("text", [
    "Thank you for subscribing! Your first ferry timetable arrives on Monday.",
    "Thank you for your patience while the harbour works go on.",
    "Oops, the ferry left without us.",
    "We thank the readers for their submissions, which we received by the hundred.",
])
def test_thanks_in_prose_is_not_a_form_status(text: str) -> None:
    assert notice_reason(text) is None


@pytest.mark.parametrize("text", [
    "The ferry company will measure advertising performance by counting bookings made through the new app.",
    "Information about the ferry timetable is on the council's website.",
    "Publishers create profiles for personalised advertising, the report says, often without asking.",
    "Only 12 partners have signed up to this purpose so far, the council said.",
    "These cookies are best eaten warm, straight from the oven.",
    "Marketing cookies is a job for the whole bakery, the owner says.",
    "This field is muddy after the rain.",
])
def test_prose_about_advertising_is_not_a_consent_notice(text: str) -> None:
    assert notice_reason(text) is None


def test_a_long_paragraph_explaining_cookies_is_not_a_notice() -> None:
    text = ("A cookie is a small file that a website asks the browser to keep, and to send back with each later "
            "request. The first ones held a shopping basket between pages; today most carry an identifier, and a "
            "site that wants to use them for advertising has to ask before it sets them. Regulators found that "
            "many banners made refusing harder than agreeing, and they now fine sites that hide the second "
            "button behind a settings page. ") * 2
    assert len(text) > 600
    assert notice_reason(text) is None


@pytest.mark.parametrize("text", [
    "Closures are JavaScript functions that remember the scope they were created in:",
    "Study JavaScript: a hands-on workshop on the core of the language.",
    "Now and then a handler needs to set a cookie before the reply object has been built. "
    "That works by utilizing a callback that runs once the request has finished.",
    "Bake the cookies for twelve minutes, until the edges turn golden.",
    "Kurabiyeleri on iki dakika pişirin.",
    "Klasszikus sütik receptje nagymamám füzetéből",
    "The contents of the box were sold at auction.",
    "Advertising revenue fell by a third.",
    "Loading the ferry took two hours.",
    "Skip to the good part: the ferry now runs every hour.",
    "Jump to recipe",
    "We accept all major credit cards.",
    "Next steps",
    "Listen to the council's case for a new ferry",
    "Reply to the council's consultation by March.",
    "Read more about the ferry timetable on the council's website.",
    "Like a river, the ferry route bends around the island.",
    "The council will accept all of the objections raised by residents of the two towns at the meeting.",
    # a long paragraph that mentions the notice is about it, not one
    "When the browser has JavaScript disabled, the page falls back to a plain form; " + "the server then renders "
    "every step itself, which costs a round trip for each answer but keeps the form usable for everyone. " * 2,
])
def test_prose_about_scripts_or_cookies_is_not_a_notice(text: str) -> None:
    assert notice_reason(text) is None


def _page() -> list[str]:
    """The paragraphs with the notices between them: the cookie one first, as banners stand."""
    return [NOTICES[2], PARAGRAPHS[0], NOTICES[0], PARAGRAPHS[1], PARAGRAPHS[2], NOTICES[1], PARAGRAPHS[3]]


def _html() -> str:
    body = "".join(f"<p>{p}</p>" for p in _page())
    return (f"<html><head><title>Ferry crossing to reopen</title></head><body><article>"
            f"<h1>Ferry crossing to reopen</h1>{body}</article></body></html>")


def _text() -> str:
    return "\n\n".join(["Ferry crossing to reopen", *_page()])


@pytest.mark.parametrize("mode", ["html", "text"])
def test_notices_inside_the_article_are_left_out_with_a_reason(mode: str) -> None:
    page = _html() if mode == "html" else _text()
    art = dehusk.extract(page, mode=mode, explain=True)
    for p in PARAGRAPHS:
        assert p in art.text
    for notice in NOTICES:
        assert notice not in art.text
        block = next(b for b in art.blocks if b.text == notice)
        assert block.label == "boilerplate"
        assert "notice" in block.reason


def test_a_kept_consent_banner_does_not_move_the_headline() -> None:
    """A cookie banner the line model keeps (it reads like prose) above the headline is not where the
    article starts: a menu line above the banner is not taken for the headline."""
    banner = ("Diese Website nutzt Cookies. Einige sind notwendig, andere helfen uns, die Website zu "
              "verbessern. Sie können selbst entscheiden, welche Cookies Sie zulassen.")
    body = [
        "Wer in Bremen ein Boot mieten möchte, kann das seit dem Frühjahr direkt am Hafen tun. Die Stadt hat "
        "dafür einen kleinen Anleger gebaut, an dem zehn Ruderboote und vier Tretboote liegen.",
        "Die Boote werden online reserviert und am Anleger mit einem Code geöffnet. Eine Stunde kostet fünf "
        "Euro, für Schülerinnen und Schüler ist die erste Stunde frei.",
        "„Wir waren an jedem sonnigen Wochenende ausgebucht“, sagt die Leiterin des Hafenamts. Im nächsten "
        "Jahr sollen zwei weitere Anleger an der Weser hinzukommen.",
    ]
    page = "\n\n".join([
        "Zum Inhalt springen", "Lokales   Region   Wirtschaft   Sport   Kultur   Service", "Login   Abo", banner,
        "Alle akzeptieren   Nur notwendige   Einstellungen",
        "Bremen vermietet Ruderboote jetzt direkt am Hafen",
        "Von Anna Becker", "14.06.2024, 09:30 Uhr", *body,
    ])
    article = dehusk.extract(page, mode="text")
    assert article.title == "Bremen vermietet Ruderboote jetzt direkt am Hafen"
    assert banner not in article.text
    assert body[0] in article.text


@pytest.mark.parametrize(("text", "notice"), [
    ("5 min read", True), ("10 Min Read", True), ("3 MIN. READ", True), ("Reading time: 4 minutes", True),
    ("4 minute read time", True), ("Lesezeit: 3 Min.", True), ("Temps de lecture : 4 min", True),
    ("4 minuten leestijd", True), ("5 minutes ago", False), ("The 5 minute read that changed my mind", False),
    ("About 5 minutes", False),
])
def test_reading_time_labels(text: str, notice: bool) -> None:
    assert (notice_reason(text) == READING_TIME) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Breaking News", True), ("EXCLUSIVE", True), ("Live updates", True), ("Eilmeldung", True), ("Son dakika", True),
    ("عاجل", True), ("Trending: Elections Budget Weather", True), ("Trending now: Ferry | Harbour | Schools", True),
    ("Breaking the rules of the harbour board", False), ("Live music returns to the harbour", False),
    ("Trending topics in 2024 show a shift to local news", False), ("Just In", False),
])
def test_news_labels_and_trending_bars(text: str, notice: bool) -> None:
    assert (notice_reason(text) is not None) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Learn more", True), ("Learn More ›", True), ("Buy now", True), ("SHOP NOW!", True), ("Start your free trial", True),
    ("Try it for free", True), ("Request a demo", True), ("Get a quote", True), ("♥ DONATE TODAY! ♥", True),
    ("En savoir plus", True), ("Mehr erfahren", True), ("Jetzt kaufen", True), ("Dowiedz się więcej", True),
    # a documentation page's section headings, and sentences that start with the same words
    ("Download", False), ("Get started", False), ("Contact us", False),
    ("Learn more about how the harbour board sets its fees", False), ("Buy now, pay later schemes are growing", False),
])
def test_calls_to_action_alone_in_their_block(text: str, notice: bool) -> None:
    reason = notice_reason(text)
    assert (reason is not None and "call to action" in reason) is notice


@pytest.mark.parametrize("mode", ["html", "text"])
def test_a_call_to_action_under_the_article_is_left_out(mode: str) -> None:
    """A marketing button under the article's last paragraph ("Learn more") is not its text; a section
    heading "Get started" between two paragraphs stays."""
    paragraphs = [
        "The harbour board will open the new ferry terminal in March, two months later than planned, "
        "after the contractor found old foundations under the car park.",
        "Passengers will buy tickets at machines in the hall or online; the old ticket office closes the "
        "week the terminal opens, and its staff move to the information desk.",
        "Season tickets bought for the old terminal stay valid until the end of the year, the board said, "
        "and can be exchanged free of charge at the desk.",
    ]
    if mode == "html":
        page = (f"<html><head><title>New ferry terminal opens in March</title></head><body><article>"
                f"<h1>New ferry terminal opens in March</h1><p>{paragraphs[0]}</p><h2>Get started</h2>"
                f"<p>{paragraphs[1]}</p><p>{paragraphs[2]}</p><p><a href='/plans'>Learn more</a></p>"
                f"</article></body></html>")
    else:
        page = "\n\n".join(["New ferry terminal opens in March", paragraphs[0], "Get started", *paragraphs[1:],
                            "Learn more"])
    art = dehusk.extract(page, mode=mode, explain=True)
    for p in paragraphs:
        assert p in art.text
    assert "Get started" in art.text
    assert "Learn more" not in art.text
    block = next(b for b in art.blocks if b.text == "Learn more")
    assert block.label not in KEPT and block.reason


@pytest.mark.parametrize(("text", "notice"), [
    ("Join Our Newsletter", True), ("JOIN OUR MAILING LIST!", True), ("Subscribe to the Harbour Weekly newsletter today.", True),
    ("Get our top harbour stories in your inbox every Friday.", True), ("Delivered to your inbox", True),
    ("Was this email forwarded to you? Join the list here.", True),
    ("Stay informed: our newsletter brings the port's news every week.", True),
    # prose about newsletters, and a section's name alone
    ("Our team reads the twelve newsletters we subscribe to every Monday.", False), ("Newsletters", False),
    ("The board sends its newsletter to every household in the district twice a year, and residents can "
     "sign up for it at the library.", False),
])
def test_newsletter_prompts(text: str, notice: bool) -> None:
    reason = notice_reason(text)
    assert (reason is not None and "newsletter" in reason) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("https://cdn.example.com/images/160x160/jacket_olive_thumb.jpg", True),
    ("C963CFE0-AFAE-4A3B-B909-6A04E7D80068.jpeg", True), ("hero-image.webp?v=3", True),
    ("26b563b1-e794-4e14-a145-4c40c439f34a", True),
    ("Kd96e5adf-a2be-4e31-ac8b-e7d742840d2bq53d23c0b-df43-4fb2-99fc-fc64e7aa8576 06e82a01-2b5c-4cd1-a7ca-430e92ac3d42", True),
    # a page's address (a reference, a download), and identifiers or file names in a sentence
    ("https://github.com/example/harbour-tools/releases", False), ("Figure 1.png", False),
    ("Take note of the UUID, e.g. 7f3e2a91-0c4d-4b8e-9a61-2d5c8e0b4f17, before you reboot.", False),
    ("The chart in harbour-fees-2024.png shows the new fees.", False),
])
def test_image_addresses_and_identifiers_alone_are_not_text(text: str, notice: bool) -> None:
    assert (notice_reason(text) == MACHINE_TEXT) is notice


def test_image_addresses_a_shop_page_prints_are_left_out_of_its_text() -> None:
    thumbs = "".join(f"<div class='swatch'><span>swatch_{c}:</span><p>https://cdn.example.com/thumbs/jacket_{c}.jpg</p></div>"
                     for c in ("olive", "navy", "sand", "rust"))
    description = ("The Harbour Jacket is cut from waxed cotton that sheds rain and wind, with a corduroy collar, two "
                   "deep front pockets and a storm flap that closes with brass snaps.")
    page = (f"<html><head><title>Harbour Jacket</title></head><body><main><h1>Harbour Jacket</h1><p>{description}</p>"
            f"<section class='product-data'>{thumbs}</section></main></body></html>")
    art = dehusk.extract(page, mode="html", explain=True)
    assert description in art.text and ".jpg" not in art.text
    kept_by_score = [b for b in art.blocks if ".jpg" in b.text and b.reason.startswith("score") and ">=" in b.reason]
    assert kept_by_score and all(b.label == "boilerplate" and MACHINE_TEXT in b.reason for b in kept_by_score)


@pytest.mark.parametrize(("text", "notice"), [
    ("Share this:", True), ("Like this:", True), ("LIKE THIS:", True),
    # a sentence that ends on the words, and the words without the label's colon
    (", like this:", False), ("Share this with your neighbours", False), ("Like this", False),
])
def test_a_sharing_widgets_label(text: str, notice: bool) -> None:
    assert (notice_reason(text) == "a sharing widget's label") is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Why this ad?", True), ("Info Why you're seeing this ad", True), ("AdChoices", True), ("Report this ad", True),
    ("Why this advertising campaign worked", False), ("Report: the harbour's ad revenue doubled", False),
])
def test_an_ads_own_controls(text: str, notice: bool) -> None:
    assert (notice_reason(text) == AD_LABEL) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Posts: 2,305", True), ("Messages: 918", True), ("Reaction score: 47", True), ("Likes 12", True),
    ("Likes received: 3.4k", True), ("Beiträge: 61", True), ("Reputation: 1\u202f204", True),
    # a word alone, a count of something else, a sentence around the words
    ("Posts", False), ("Replies: 5", False), ("Points: 23 after the derby", False), ("Thanks, 2 of us came", False),
])
def test_a_forum_members_count_alone(text: str, notice: bool) -> None:
    assert (notice_reason(text) == MEMBER_COUNT) is notice


def test_a_forum_members_counts_are_left_out_of_the_thread() -> None:
    """A thread's dump with each post's panel (name, post count, likes): the counts are no text of it
    (the line model alone keeps "Likes" lines between the posts)."""
    post = ("Has anyone fitted a rain sensor to an older greenhouse vent opener? Mine closes too late when a shower "
            "comes in off the hills, and the seedlings on the top shelf get soaked every time.")
    reply = ("I wired a cheap sensor to a relay in front of the opener's motor last spring. It shuts the vent within "
             "a minute of the first drops and has not failed once since.")
    reply2 = ("Same here, though I had to move the sensor out from under the gutter: it stayed dry while the rain "
              "blew in sideways through the vent.")
    lines = ["Forums", "Greenhouses", "Rain sensor for a vent opener", "wren_keeper", "Posts: 1,318", "Likes 274", post,
             "moss_keeper", "Posts: 77", "Likes 9", reply, "fern_keeper", "Posts: 2,040", "Likes 531", reply2, "Reply"]
    art = dehusk.extract("\n\n".join(lines), mode="text", explain=True)
    assert post in art.text and reply in art.text and reply2 in art.text
    assert "Posts:" not in art.text and "Likes" not in art.text
    assert any(b.text == "Likes 274" and MEMBER_COUNT in b.reason for b in art.blocks)


@pytest.mark.parametrize(("text", "notice"), [
    ("Showing 12 of 87 results", True), ("Viewing 1 - 24 of 310 products", True), ("loaded 36 results", True),
    ("Show 48 results per page", True), ("SHOWING 1–20 OF 1,402 ITEMS", True),
    # a count without its total, a control without a number, a sentence about results
    ("Showing 9 results", False), ("Show more results", False), ("We tried 12 of 87 products in our kitchen", False),
])
def test_a_listings_results_count_alone(text: str, notice: bool) -> None:
    assert (notice_reason(text) == RESULTS_COUNT) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Your browser does not support the video tag.", True), ("Sorry, your browser doesn't support embedded videos.", True),
    ("Your browser does not support the audio element.", True), ("Ihr Browser unterstützt das Video-Tag nicht.", True),
    # what a browser lacks that is no media player, and a sentence that goes on
    ("Your browser does not support WebGPU, so the globe is drawn with WebGL.", False),
    ("If your browser does not support the video tag, the transcript below has every word.", False),
])
def test_a_media_players_fallback_message(text: str, notice: bool) -> None:
    assert (notice_reason(text) == MEDIA_FALLBACK) is notice


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_video_fallback_inside_the_article_is_left_out(sep: str) -> None:
    paras = ["The ferry crossed the sound in under an hour on its first run with the new engines, the harbour master "
             "said on Monday.",
             "Your browser does not support the video tag.",
             "Engineers had replaced both diesel units over the winter, and the timetable will now add two sailings "
             "a day from June.",
             "Islanders who commute to the mainland welcomed the change, though some asked for a later last boat on "
             "Fridays."]
    page = "Ferry news\n\nNew engines cut the crossing time\n\n" + sep.join(paras) + "\n\nContact\n\nTerms"
    art = dehusk.extract(page, mode="text", explain=True)
    assert all(p in art.text for p in paras if "browser" not in p)
    assert "browser" not in art.text
    assert any(b.text == paras[1] and b.label not in KEPT and b.reason == MEDIA_FALLBACK for b in art.blocks)


@pytest.mark.parametrize(("text", "notice"), [
    ("Search for products, brands and more", True), ("Suche nach Produkten, Marken und mehr", True),
    ("What are you looking for?", True), ("Wonach suchst du?", True), ("¿Qué estás buscando?", True),
    ("Czego szukasz?", True), ("Search…", True), ("Type to search", True), ("Search our site", True),
    ("Rechercher un produit", True),
    # headlines and links that start with the word, and a link that says more than a box's prompt
    ("Search for the lost ship ends after three weeks", False), ("Search and rescue teams reach the summit", False),
    ("The search for a new coach", False), ("Search for posts by their date and their author", False), ("Search", False),
])
def test_a_search_boxs_prompt(text: str, notice: bool) -> None:
    assert (notice_reason(text) == SEARCH_PROMPT) is notice


@pytest.mark.parametrize(("text", "notice"), [
    ("Viewed 12k times", True), ("1,204 views", True), ("Views: 87", True), ("Asked 3 years ago", True),
    ("Modified 1 year, 7 months ago", True), ("Active 2 days ago", True), ("Sorted by:", True),
    ("Highest score (default)", True), ("Improve this question", True), ("Add a comment", True),
    # a sentence or a heading with the same words
    ("Three views of the harbour", False), ("Asked about the plan, the mayor said nothing", False),
    ("Sorted by colour, the buttons fill three jars", False), ("Viewed from the hill, the town is small", False),
])
def test_a_posts_statistics_and_a_threads_controls(text: str, notice: bool) -> None:
    assert (notice_reason(text) == POST_STATS) is notice


def test_a_questions_statistics_are_no_headline() -> None:
    """The question is the headline of a question-and-answer page, not the view count under it."""
    question = "How do I keep a sourdough starter alive while travelling for a month?"
    body = ("I bake twice a week, but next month I will be away for four weeks and nobody can feed my starter. "
            "Can it survive in the fridge that long, or should I dry some of it?")
    answer = ("A starter fed well just before you leave keeps for a month in the fridge: pour off the liquid on "
              "top when you return, then feed it twice a day for two days before baking with it.")
    page = "\n".join(["Questions", "Tags", "Users", question, "Asked 3 years ago", "Modified 1 year ago",
                      "Viewed 12k times", body, "Improve this question", "Add a comment", "2 Answers", "Sorted by:",
                      "Highest score (default)", answer, "Improve this answer", "Your Answer"])
    art = dehusk.extract(page, mode="text")
    assert art.title == question
    assert body in art.text and answer in art.text
    assert "Viewed" not in art.text and "Sorted by" not in art.text and "Improve this" not in art.text
