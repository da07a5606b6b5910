"""Page notices that are never an article's text, in either mode.

Cookie and consent banners name cookies together with a consent verb, and their buttons ("Accept
all", "Reject all", "Alle akzeptieren") stand on a line of their own; script notices ask the reader
to turn JavaScript on ("Please enable JavaScript to view the comments", "This slideshow requires
JavaScript", "JavaScript ist deaktiviert"): a browser that runs the page's scripts never shows them,
so the article a reader sees does not hold them. A table of contents' own label ("Table of
contents", "On this page") is navigation too, and an advertising slot's label ("Advertisement",
"Sponsored", "Anzeige") or a "Loading..." placeholder alone in its block is never text, nor is an
interface control's label alone in its block ("Click to expand...", "Read more", "Add to cart",
"Next", "Reply"), nor a skip link ("Skip to content", "Zum Inhalt springen"), a call to action
("Learn more", "Buy now"), a newsletter's sign-up prompt, a sharing widget's label ("Share this:"),
an ad's own controls ("Why this ad?"), or an image's address or a run of identifiers that a page
keeps for its scripts.
"""

from __future__ import annotations

import re

from .dates import short_cached
from .memo import memo

# cookie and consent notices read like prose; they name cookies together with a consent verb
_CONSENT = re.compile(
    r"(?i)\bcookies?\b.{0,200}?\b(?:accept|consent|agree|settings|preferences|policy|zulassen|akzeptier|zustimm|"
    r"einstellungen|accepter|acceptez|paramétr|consentement|aceptar|acepta|configurar|consentimiento|accett|consenso|"
    r"akceptuj|zgod|ustawienia|aceitar|aceita|accepteren|toestemming|instellingen|we use)|"
    r"\b(?:we use|this (?:web)?site uses|diese (?:web)?seite (?:nutzt|verwendet)|wir verwenden|"
    r"nous utilisons|utilizamos|usiamo|używamy|ce site utilise|este (?:site|sitio)(?: web)? (?:usa|utiliza)|"
    r"questo sito (?:usa|utilizza)|deze (?:web)?site gebruikt|ta strona (?:używa|korzysta))\b.{0,80}?\bcookies?\b"
)

# the same in more languages: a cookie word (Latin "cookie", or tr çerez, hu süti, fi eväste, ar, ja,
# ko) within a sentence or two of a consent or "we use" verb (either order: verbs come last in
# Turkish, Japanese, Korean)
_COOKIE_WORDS = r"(?:cookie|çerez|süti|eväste|ملفات\s+تعريف\s+الارتباط|クッキー|쿠키)"
_CONSENT_VERBS = (
    r"(?:kabul|onay|kullan[ıi]yoruz|kullanmaktadır|elfogad|hozzájárul|használ|hyväksy|käytämme|käyttää|godkänn|"
    r"acceptera|samtyck|använder|samtykke|bruger|bruker|godta|souhlas|přijmout|používá|súhlas|consimț|consimt|"
    r"folosim|folosește|utilizăm|utilizează|setuju|menyetujui|persetujuan|menggunakan|αποδοχ|αποδέχ|συναίνεσ|"
    r"συγκατάθεσ|χρησιμοποι|موافق|أوافق|قبول|الموافقة|نستخدم|يستخدم|同意|使用|동의|사용)"
)
_CONSENT_MORE = re.compile(
    r"(?i)" + _COOKIE_WORDS + r"[^\n]{0,200}?" + _CONSENT_VERBS + r"|" + _CONSENT_VERBS + r"[^\n]{0,200}?" + _COOKIE_WORDS
)
_OTHER_COOKIE = re.compile("çerez|Çerez|süti|Süti|eväste|Eväste|الارتباط|クッキー|쿠키")  # (literals: no (?i), faster)
OTHER_COOKIE_MIN_CHARS = 12  # a notice is a sentence (of 12 characters or more in CJK scripts)

_JS = r"java\s?script"
# a verb that turns scripts on before "JavaScript", a state or need after it, or "requires JavaScript"
_SCRIPT = re.compile(
    r"(?i)\b(?:enable|enabled|enabling|activate|activating|turn\s+on|switch\s+on|allow|aktivieren|aktiviert|activer|"
    r"activez|activar|active|habilitar|habilite|habilitado|attivare|attiva|abilita|abilitare|włącz|włączyć|ative|"
    r"ativar|inschakelen)\b[^.!?\n]{0,40}?\b" + _JS + r"\b"
    r"|\b" + _JS + r"\b[^.!?\n]{0,30}?\b(?:required|disabled|not\s+enabled|turned\s+off|switched\s+off|"
    r"deaktiviert|erforderlich|désactivé|requis|desactivado|deshabilitado|necesario|disattivato|richiesto|"
    r"wyłączony|wyłączona|wymagany|wymagana|desativado|uitgeschakeld|vereist)\b"
    r"|\b(?:requires?|needs?|benötigt|nécessite|requiere|richiede|wymaga)\s+" + _JS + r"\b"
)
# the label of a table of contents ("Table of contents", "On this page"): its entries come back as
# the article's own headings, the label itself is page furniture
_TOC_LABEL = re.compile(
    r"(?i)^\W*(?:table\s+of\s+contents?|contents|on\s+this\s+page|in\s+this\s+article|jump\s+to(?:\s+section)?|"
    r"article\s+contents|inhaltsverzeichnis|sommaire|índice|spis\s+treści|содержание|目次|目录)\W*$"
)
# an advertising slot's label or a loading placeholder, alone in its block
_PLACEHOLDER = re.compile(
    r"(?i)^\W*(?:advertisements?|sponsored(?:\s+content)?|paid\s+content|loading(?:\s*(?:\.\.\.|…))?|"
    r"(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|continue\s+reading\s+below|"
    r"skip\s+advertisement|anzeige|werbung|publicité|publicidad|pubblicità|reklama|"
    # an ad's own controls ("Why this ad?", "AdChoices", "Report this ad")
    r"(?:info\s+)?why\s+(?:you['’]re\s+seeing\s+)?this\s+ad|why\s+am\s+i\s+seeing\s+this\s+ad|ad\s*choices|"
    r"report\s+(?:this\s+)?ad|ad\s+feedback)\W*$"
)
# an interface control's label alone in its block: a button or link that expands, pages, replies,
# buys or reads on ("Click to expand...", "Read more", "Show less", "Add to cart", "Quick view",
# "Previous", "Next", "Reply", "Like"), in several languages
_CONTROL = re.compile(
    r"(?i)^\W*(?:click\s+to\s+(?:expand|enlarge)|(?:read|see|show|view|load)\s+(?:more|less|all)|read\s+full\s+(?:story|article)|"
    r"add\s+to\s+(?:wish\s?list|cart|bag|basket|favou?rites)|quick\s?view|(?:see|view|more)\s+details|"
    r"previous(?:\s+(?:post|article|page))?|next(?:\s+(?:post|article|page))?|previous\W+next|prev|back\s+to\s+top|"
    r"reply|like|\d+\s+likes?|weiterlesen|mehr\s+(?:lesen|anzeigen)|in\s+den\s+warenkorb|antworten|lire\s+la\s+suite|"
    r"ajouter\s+au\s+panier|répondre|leer\s+más|ver\s+más|añadir\s+al\s+carrito|responder|leggi\s+(?:tutto|di\s+più)|"
    r"aggiungi\s+al\s+carrello|rispondi|czytaj\s+(?:więcej|dalej)|dodaj\s+do\s+koszyka|odpowiedz|ler\s+mais|"
    r"lees\s+meer|читать\s+далее|подробнее|ответить|"
    # an audio player's button ("Listen to this article", "Artikel anhören", "기사 듣기")
    r"listen(?:\s+to)?(?:\s+this)?\s+(?:article|story)|luister\s+naar\s+(?:dit\s+)?artikel|artikel\s+(?:anhören|vorlesen)|"
    r"écouter\s+(?:cet\s+)?article|escuchar\s+(?:este\s+)?artículo|ascolta\s+(?:l'|questo\s+)articolo|"
    r"ouvir\s+(?:este\s+)?artigo|posłuchaj\s+(?:tego\s+)?artykułu|lyssna\s+på\s+artikeln|makaleyi\s+dinle|"
    r"ascultă\s+articolul|dengarkan\s+(?:artikel|berita)|ακούστε\s+το\s+άρθρο|استمع\s+(?:إلى\s+)?المقال|"
    r"기사\s*듣기|記事を聞く)(?:\W+\d+\s*(?:min\w*|мин\w*|perc|dk|분|分)\.?)?\W*$"
)
# a call to action alone in its block: a marketing button or link that sells, signs up or informs
# further ("Learn more", "Buy now", "Start free trial", "Request a demo", "En savoir plus", "Jetzt
# kaufen"); not the bare verbs a documentation page heads its sections with ("Download", "Get started")
_CALL_TO_ACTION = re.compile(
    r"(?i)^\W*(?:learn\s+more|find\s+out\s+more|buy\s+(?:it\s+)?now|shop\s+(?:now|the\s+collection)|order\s+now|"
    r"(?:start|begin)\s+(?:your\s+|a\s+)?free\s+trial|(?:get|claim)\s+(?:your\s+|a\s+)?free\s+trial|"
    r"try\s+(?:it\s+)?(?:for\s+)?free|(?:get|request)\s+(?:a\s+|your\s+)?(?:free\s+)?(?:quote|demo)|book\s+a\s+demo|"
    r"donate\s+(?:now|today)|mehr\s+erfahren|jetzt\s+(?:kaufen|bestellen|testen)|en\s+savoir\s+plus|"
    r"acheter\s+maintenant|(?:más\s+información|saber\s+más)|comprar\s+ahora|scopri\s+di\s+più|acquista\s+ora|"
    r"dowiedz\s+się\s+więcej|kup\s+teraz|saiba\s+mais|compre\s+agora|meer\s+informatie|nu\s+kopen)\W*$"
)
# a newsletter's sign-up prompt: an invitation to join a list or to get the site's mail ("Sign up for
# our weekly newsletter", "Get our top stories in your inbox", "Join the mailing list!", "Delivered to
# your inbox", "Was this email forwarded to you?"); a sentence about newsletters in an article does not
# open with the invitation
_NEWSLETTER = re.compile(
    r"(?i)^\W*(?:(?:join|sign\s*up|subscribe|get|stay\s+(?:up\s+to\s+date|in\s+the\s+loop|informed|connected)|"
    r"don['’]?t\s+miss|never\s+miss)\b.{0,150}?\b(?:newsletters?|inbox|mailing\s+list)\b|"
    r"(?:straight|directly|delivered)\s+(?:to|in|into)\s+your\s+inbox\W*$|was\s+this\s+(?:newsletter|email)\s+forwarded)"
)
NEWSLETTER_MAX_CHARS = 200
# what a page holds for its scripts and a dump prints as if it were text: an image's address or file
# name alone in its block ("https://cdn.example.com/thumbs/jacket_olive_160.jpg", "<a UUID>.jpeg"),
# a run of identifiers (UUIDs, glued or apart). No article's text is one (no gold body of the
# datasets has such a line)
_IMAGE_ADDRESS = re.compile(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)(?:\?\S*)?$")
_UUIDS = re.compile(r"(?i)^(?:\W*[a-z]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})+\W*$")
MACHINE_TEXT_MAX_CHARS = 2000  # (a longer block is not an address or a few identifiers)
MACHINE_TEXT = "an image's address or file name, or identifiers, alone in its block: not text"  # (a notice_reason)
# a sharing widget's label over its buttons, as blog software prints it ("Share this:", "Like this:")
_SHARE_LABEL = re.compile(r"^(?:Share|Like|SHARE|LIKE) (?:this|THIS):$")
# a text-size control: its label, then only its size buttons, two or more ("Text size: A A A", "Schriftgröße A- A+",
# "文字サイズ 小 中 大", "글자 크기 가 가 가"); not the label alone ("Font size", a heading of a style guide)
# how long the article takes to read, alone in its block ("5 min read", "Reading time: 4 minutes",
# "Lesezeit: 3 Min.", "Temps de lecture : 4 min", "4 minuten leestijd")
_READING_TIME = re.compile(
    r"(?i)^\W*(?:(?:reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|tiempo\s+de\s+lectura|"
    r"tempo\s+di\s+lettura|tempo\s+de\s+leitura|czas\s+czytania|leestijd|läsetid|lukuaika|okuma\s+süresi)\W{0,3}\s*"
    r"(?:about\s+|approx\.\s*|ca\.\s*|env\.\s*|~\s*)?\d{1,3}\s*(?:-\s*\d{1,3}\s*)?"
    r"(?:min(?:ute)?s?|minuten|minutes?|minutos|minuti|minut|dakika|mins?)\.?|"
    r"(?:about\s+|ca\.\s*|~\s*)?\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min(?:ute)?s?|minuten|minutos|minuti|mins?)\.?\s*"
    r"(?:read|reading|de\s+lectura|de\s+lecture|di\s+lettura|de\s+leitura|lesezeit|leestijd|czytania)(?:\s+time)?)\W*$"
)
READING_TIME = "a reading-time label"  # (a notice_reason)
# a news label alone in its block, as a kicker over a headline ("Breaking news", "Exclusive", "LIVE")
_NEWS_LABEL = re.compile(
    r"(?i)^\W*(?:breaking(?:\s+news)?|exclusive|live(?:\s+updates)?|developing(?:\s+story)?|eilmeldung|"
    r"exklusiv|derni[eè]re\s+minute|[uú]ltima\s+hora|exclusiva|ultim['’]ora|pilne|son\s+dakika|срочно|"
    r"молния|速報|突发|속보|خبر\s+عاجل|عاجل)\W*$"
)
# a forum member's count, as forum software prints it in the panel beside each post ("Posts: 1,077",
# "Messages: 4,812", "Reaction score: 312", "Likes 3", "Beiträge: 96"): a label and a number alone in
# the block. 134 such lines in wcxb-dev's `text/` dumps, none in either dataset's gold; thread
# listings' reply and view counts ("Replies: 5") are left alone
_MEMBER_COUNT = re.compile(
    r"(?i)^\W*(?:messages|posts|reaction\s+score|points|likes(?:\s+received)?|reputation|trophies|solutions|"
    r"thanks(?:\s+received|\s+given)?|beiträge|nachrichten|mensajes|messaggi|posty|punkte)\s*:?\s*"
    r"\d(?:[\d.,\u00a0\u202f]*\d)?(?:\s*[kKM])?$"
)
# a post's statistics or a thread's controls, as question-and-answer and forum software print them
# around the question: how often it was viewed ("Viewed 12k times", "1,204 views", "Views: 87"), when it
# was asked or last active ("Asked 3 years ago", "Modified 1 year ago"), the answers' sort control
# ("Sorted by:", "Highest score (default)") and the edit and comment links ("Improve this question",
# "Add a comment")
_POST_STATS = re.compile(
    r"(?i)^\W*(?:viewed\s+\d[\d.,\u00a0\u202f]*\s*[kKM]?\s+times|"
    r"\d[\d.,\u00a0\u202f]*\s*[kKM]?\s+(?:views|aufrufe|vues|visitas|visualizações|visualizzazioni|weergaven|"
    r"wyświetleń|visninger|visningar|просмотров|görüntülenme)|(?:views|aufrufe|hits)\s*:\s*\d[\d.,\u00a0\u202f]*\s*[kKM]?|"
    r"(?:asked|modified|active|answered|viewed)(?:,?\s+(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?){1,2}\s+ago|"
    r"sort(?:ed)?\s+by\s*:?|highest\s+score\s+\(default\)|improve\s+this\s+(?:question|answer)|add\s+a\s+comment)\W*$"
)
POST_STATS = "a post's statistics (views, when asked or active) or a thread's control, alone in its block"  # (a notice_reason)
# a listing's count of its results or its page-size control, alone in the block ("Showing 24 of 193
# results", "Viewing 1 - 60 of 400 products", "loaded 24 results", "Show 90 results per page"): 63
# such lines on 19 pages of both datasets' dumps, none in either gold
_RESULTS_COUNT = re.compile(
    r"(?i)^\W*(?:(?:showing|displaying|viewing)\s+\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s+of\s+\d[\d.,]*\s+"
    r"(?:results?|items?|products?|entries|articles?|posts?)|loaded\s+\d[\d.,]*\s+(?:results?|items?|products?)|"
    r"(?:show(?:ing)?\s+)?\d+\s+(?:results?|items?|products?)\s+per\s+page)\W*$"
)
RESULTS_COUNT_MAX_CHARS = 80
# a media element's fallback for browsers without it ("Your browser does not support the video tag.",
# "Sorry, your browser doesn't support embedded videos.", "Ihr Browser unterstützt das Video-Tag
# nicht."): shown only where the player is not; 24 lines on 11 pages of wcxb-dev's `text/` dumps,
# none in either gold. Only for media (a browser lacking WebGPU in a technical article is its text)
_MEDIA_FALLBACK = re.compile(
    r"(?i)^\W*(?:sorry,?\s+)?(?:your|this)\s+browser\s+(?:does\s*n[o'’]t|doesn[’']t|does\s+not|cannot|can[’']t)\s+"
    r"(?:support|play|display)\s+(?:the\s+|this\s+|embedded\s+|inline\s+|html5?\s+)*"
    r"(?:video|audio|iframe|frame|media|player|<video>|<audio>)[^.!?]{0,40}[.!]?\s*$"
    r"|^\W*(?:ihr|dein)\s+browser\s+unterstützt\s+(?:das|den|die|kein|keine)\s+[\w-]*(?:video|audio)[\w-]*\s+nicht\W*$"
    r"|^\W*votre\s+navigateur\s+ne\s+(?:prend\s+pas\s+en\s+charge|supporte\s+pas)\s+(?:la\s+|les\s+|l['’])?"
    r"(?:vidéo|audio|balise)[^.!?]{0,40}[.!]?\s*$"
)
MEDIA_FALLBACK_MAX_CHARS = 160
# a bar of trending topics: its label, then the topics ("Trending: Elections Budget Weather")
_TRENDING = re.compile(r"(?i)^\W*(?:trending(?:\s+now|\s+topics)?|hot\s+topics|topik\s+populer|tendencias|"
                       r"temas\s+del\s+d[ií]a|im\s+trend|en\s+ce\s+moment|populer)\s*[:：|]")
TRENDING_MAX_CHARS = 120
# a search box's prompt, as dumps print its placeholder: "Search for products, brands and more",
# "Suche nach Produkten und Marken", "What are you looking for?", "Type to search"
_SEARCH_PROMPT = re.compile(
    r"(?i)^\W*(?:(?:search|suche|suchen|rechercher|buscar|busca|cerca|pesquisar|pesquisa|zoeken|zoek|szukaj|"
    r"wyszukaj|sök|søg|søk|hledat|поиск|искать)(?:\s+(?:for|nach|in|im|auf|sur|dans|parmi|en|entre|tra|nel|no|na|"
    r"naar|op|w|po|i|på|по))?\s+(?:(?:our|the|this|all|unsere[mn]?|le|la|les|un|une|des|el|los|las|il|i|gli|o|os|"
    r"as|de|het|een|alle[ns]?)\s+)?(?:products?|produkte?n?|produits?|productos?|prodotti|produtos?|producten|"
    r"produktów|produkter|items?|articles?|artikeln?|artículos|articoli|artigos|artikelen|artykułów|posts?|"
    r"news|brands?|marken|marques|marcas|marche|recipes?|rezepte?n?|recettes?|recetas|ricette|receitas|site|"
    r"seite|website|webseite|sitio|sito|web|shop|store|catalog(?:ue)?|katalog|sklep|serwis|anything|"
    r"everything|help|hilfe|aide|ayuda|aiuto|ajuda|hulp|pomoc)\b(?:[\s,.&'’-]+[\w'’-]+){0,3}|"
    r"what\s+are\s+you\s+looking\s+for|wonach\s+such(?:st\s+du|en\s+sie)|que\s+recherchez[\s-]vous|"
    r"qu['’]est[\s-]ce\s+que\s+vous\s+cherchez|¿?\s*qu[ée]\s+(?:estás\s+buscando|buscas|está\s+buscando)|"
    r"cosa\s+stai\s+cercando|cosa\s+cerchi|o\s+que\s+(?:você\s+)?(?:está\s+)?procura(?:ndo|s)?|"
    r"waar\s+(?:ben\s+je|bent\s+u)\s+naar\s+op\s+zoek|waar\s+zoek\s+je\s+naar|czego\s+szukasz|"
    r"vad\s+letar\s+du\s+efter|что\s+вы\s+ищете|(?:type|start\s+typing)\s+to\s+search|"
    r"enter\s+(?:a\s+|your\s+)?search\s+(?:term|query|keyword)s?|suchbegriff(?:e)?\s+eingeben|"
    r"(?:search|suche|suchen|rechercher|buscar|cerca|zoeken|szukaj)\s*(?:\.\.\.|…))\W*$")
SEARCH_PROMPT_MAX_CHARS = 70
# the words a search box's prompt opens with (`_SEARCH_PROMPT`'s first words): a cheap test first
_SEARCH_FIRST = frozenset([
    "search", "suche", "suchen", "rechercher", "buscar", "busca", "cerca", "pesquisar", "pesquisa", "zoeken", "zoek",
    "szukaj", "wyszukaj", "sök", "søg", "søk", "hledat", "поиск", "искать", "what", "wonach", "que", "qu", "qué",
    "qu'est-ce", "qu’est-ce", "cosa", "o", "waar", "czego", "vad", "что", "type", "start", "enter", "suchbegriff",
    "suchbegriffe",
])
SEARCH_PROMPT = "a search box's prompt"  # (a notice_reason)
_LEADING_MARKS = "¿¡•*+-–—·> \t"
_TEXT_SIZE = re.compile(
    r"(?i)^\W*(?:text\s+size|font\s+size|schriftgröße|taille\s+du\s+texte|taille\s+de\s+(?:la\s+)?police|"
    r"tamaño\s+de\s+(?:la\s+)?(?:letra|fuente|texto)|dimensione\s+(?:del\s+)?(?:testo|carattere)|"
    r"rozmiar\s+(?:tekstu|czcionki)|lettergrootte|tekstgrootte|tamanho\s+d[ao]\s+(?:letra|fonte|texto)|"
    r"textstorlek|yazı\s+boyutu|velikost\s+písma|betűméret|mărimea\s+textului|ukuran\s+(?:teks|huruf|font)|"
    r"μέγεθος\s+γραμμάτων|حجم\s+الخط|размер\s+шрифта|文字サイズ|文字の大きさ|字号|字體大小|字体大小|글자\s*크기|글씨\s*크기)"
    r"\s*[:：]?(?:\s*(?:[aA][+\-−]?|[+\-−]|小|中|大|標準|拡大|small|medium|large|normal|reset|가|작게|크게|보통)\W*){2,}$"
)
# a skip link ("Skip to content", "Jump to main content | Skip to footer", "Zum Inhalt
# springen", "Aller au contenu"): a keyboard user's way past the menu, alone in its block (one or more)
_SKIP_ONE = (
    r"(?:skip|jump)\s+(?:directly\s+)?to\s+(?:the\s+)?(?:main\s+|site\s+|page\s+|primary\s+)?"
    r"(?:content|navigation|menu|search|footer|sidebar|main)|skip\s+navigation|"
    r"(?:direkt\s+)?zu[mr]\s+(?:haupt)?(?:inhalt|navigation|suche)(?:\s+springen|\s+wechseln)?|"
    r"(?:aller|passer)\s+(?:directement\s+)?(?:au|à\s+la)\s+(?:contenu|navigation|recherche)(?:\s+principal)?|"
    r"(?:saltar|ir)\s+(?:directamente\s+)?a(?:l)?\s+(?:contenido|navegación)(?:\s+principal)?|"
    r"(?:vai|passa|salta)\s+al(?:la)?\s+(?:contenuto|navigazione)(?:\s+principale)?|"
    r"przejdź\s+do\s+(?:treści|zawartości|nawigacji)|(?:pular|ir|saltar)\s+para\s+o\s+conteúdo(?:\s+principal)?|"
    r"naar\s+(?:de\s+)?(?:hoofd)?inhoud(?:\s+(?:springen|gaan))?|перейти\s+к\s+(?:содержимому|содержанию)"
)
_SKIP_LINKS = re.compile(r"(?i)^\W*(?:" + _SKIP_ONE + r")(?:\W+(?:" + _SKIP_ONE + r"))*\W*$")
SKIP_LINKS_MAX_CHARS = 120
# "accept all" / "reject all" in French, Spanish, Italian, Polish, Dutch and Portuguese: a consent
# banner's buttons (`_CONSENT_BUTTONS`) and the choice a long banner offers (`_CONSENT_CHOICE`)
_ALL_BUTTONS = (r"tout\s+(?:accepter|refuser)|(?:aceptar|rechazar)\s+todo|(?:accetta|rifiuta)\s+tutt[oi]|"
                r"(?:zaakceptuj|odrzuć)\s+wszystkie|alles\s+(?:accepteren|weigeren)|(?:aceitar|rejeitar)\s+tod[oa]s")
# a consent banner's buttons on a line of their own ("Accept all   Reject all   Settings")
_CONSENT_BUTTONS = re.compile(  # (read on the lower-cased line)
    r"\b(?:(?:accept|allow|reject|deny|refuse|decline)\s+all(?:\s+cookies)?|accept\s+cookies|"
    r"(?:only|strictly)\s+necessary(?:\s+cookies)?|necessary\s+only|alle\s+(?:akzeptieren|ablehnen|zulassen)|"
    r"nur\s+notwendige|" + _ALL_BUTTONS + r")\b"
)
# what only a consent banner says of itself: its buttons and choices ("Selecting Accept all enables
# tracking", "manage your preferences", "withdraw your consent at any time", "as described in our
# Cookie Notice") or the consent framework's wording (its vendors counted, "we and our 84 partners",
# and its first purpose, storing or reading data on the device); an article about cookies explains
# them, it does not offer the choice
_CONSENT_CHOICE = re.compile(
    r"(?i)\b(?:(?:accept|allow|reject|deny|refuse|decline)\s+all|manage\s+(?:your\s+)?(?:cookie\s+)?"
    r"(?:preferences|choices|settings|consent)|withdraw\s+(?:your\s+)?consent|our\s+cookie\s+(?:notice|policy|settings)|"
    r"(?:we|and)\s+our\s+(?:\d+\s+)?(?:partners|vendors)|store\s+and/or\s+access|"
    r"alle\s+(?:akzeptieren|ablehnen)|" + _ALL_BUTTONS + r")\b"
)
# the consent framework's first purpose, which its banners list with or without the word "cookie"
_TCF_PURPOSE = re.compile(r"(?i)\bstore\s+and/or\s+access\s+(?:information|personal\s+data|data)\s+on\s+(?:a|your)\s+device")
# the consent framework's other standard wording, which its banners print a purpose a line: the
# purposes' names ("Use limited data to select advertising", "Measure content performance"), their
# descriptions ("Advertising presented to you on this service can be ...") and the count of
# vendors under each ("398 partners can use this purpose")
_TCF_COUNT = re.compile(r"(?i)\b\d+\s+(?:partners|vendors)\s+(?:can\s+)?use\s+this\s+(?:purpose|feature)\b")
_TCF_TEXT = re.compile(
    r"(?i)\W*(?:use\s+limited\s+data\s+to\s+select\s+(?:advertising|content)|create\s+profiles?\s+(?:for\s+personali[sz]ed"
    r"\s+advertising|to\s+personali[sz]e\s+content)|use\s+profiles\s+to\s+select\s+personali[sz]ed\s+(?:advertising|content)"
    r"|measure\s+(?:advertising|content)\s+performance|understand\s+audiences\s+through\s+statistics"
    r"|(?:advertising|content)\s+presented\s+to\s+you\s+on\s+this\s+service|information\s+about\s+your\s+activity\s+on"
    r"\s+this\s+service|the\s+performance\s+and\s+effectiveness\s+of\s+(?:ads|advertising|content)\b"
    r"|reports\s+can\s+be\s+generated\s+based\s+on\s+the\s+combination\s+of\s+data"
    r"|information\s+regarding\s+which\s+(?:advertising|content)\s+is\s+presented\s+to\s+you"
    r"|your\s+data\s+can\s+be\s+used\s+to\s+monitor\s+for\s+and\s+prevent\s+unusual"
    r"|certain\s+information\s+\(like\s+an\s+ip\s+address|in\s+support\s+of\s+the\s+purposes\s+explained\s+in\s+this\s+notice"
    r"|cookies,\s+device\s+or\s+similar\s+online\s+identifiers)"
)
# a cookie banner's categories, each with its description ("Necessary cookies are needed for the
# website to ...", "Analytical cookies help us count ...", "These cookies enable the website to ...")
_COOKIE_CATEGORY = re.compile(
    r"(?i)^\W*(?:these|(?:strictly\s+)?(?:necessary|essential|functional|functionality|performance|analytic(?:al|s)?"
    r"|statistics?|advertisement|advertising|marketing|targeting|preference|social\s+media|other\s+uncategori[sz]ed))\s+cookies"
    r"\s+(?:are|is|help|include|allow|collect|may|do|enable)\b"
    r".{0,200}?\b(?:web\s?sites?|site|browser|visitors?|users?|devices?|data|ads|advertising|analytics|personali[sz]\w+"
    r"|functionality|track\w*|third[-\s]part\w+|we\s+use)\b")
# a form plugin's label for its hidden fields ("This field is for validation purposes ...", "This field is
# hidden when viewing ...")
_FORM_HIDDEN = re.compile(r"(?i)^\W*this\s+field\s+is\s+(?:for\s+validation\s+purposes|hidden\s+when\s+viewing)")
# a form's status or validation message, shown once it is sent, when sending fails or when a field is
# wrong ("Thank you! Your message has been sent.", "Oops! Something went wrong when submitting the form.",
# "Please enter a valid email address."): a site builder's default
# wording, in every page's HTML and in its text dump, whatever the page
_FORM_STATUS = re.compile(
    r"(?i)^\W*(?:(?:thank\s+you|thanks)\W+(?:your\s+(?:submission|message|form|request)\s+has\s+been\s+"
    r"(?:received|sent|submitted)|for\s+(?:your\s+submission|submitting|subscribing|signing\s+up))"
    r"|oops\W+something\s+went\s+wrong\s+(?:while|when)\s+submitting\s+the\s+form"
    r"|please\s+(?:enter|provide)\s+a\s+valid\s+e-?mail(?:\s+address)?)\W*$")
FORM_LABEL_MAX_CHARS = 120
TCF_MAX_CHARS = 1200
CONSENT_BUTTONS_MAX_WORDS, CONSENT_BUTTONS_MAX_CHARS = 10, 120
CONSENT_MAX_CHARS = 600
CONSENT_CHOICE_MAX_CHARS = 2500  # a long banner (the consent framework's text) still offers the choice
TOC_LABEL_MAX_CHARS = 40
SCRIPT_MAX_WORDS = 30  # a notice is a sentence or two; a longer block that names them is about them


def _consent_buttons(text: str) -> bool:
    """A line of a consent banner's buttons: few words, no sentence ("We accept all cards.")."""
    if text.rstrip().endswith((".", "!", "?")):
        return False
    low = text.lower()
    # (every pattern holds one of these: substring tests skip the regex on almost every line)
    if not ("all" in low or "necess" in low or "notwend" in low or "tout" in low or "tod" in low or "tutt" in low
            or "wszyst" in low or "cookie" in low):
        return False
    return (len(text.split(None, CONSENT_BUTTONS_MAX_WORDS)) <= CONSENT_BUTTONS_MAX_WORDS
            and _CONSENT_BUTTONS.search(low) is not None)


AD_LABEL = "advertising label or loading placeholder"  # (a notice_reason)


def ad_label(text: str) -> bool:
    """Is `text` an advertising label or a loading placeholder ("Advertisement", "Story continues
    below advertisement", "Anzeige", "Loading...")? (notice_reason's AD_LABEL, alone: cheap.)"""
    return len(text) <= TOC_LABEL_MAX_CHARS and _PLACEHOLDER.match(text) is not None and _TOC_LABEL.match(text) is None


TOC_LABEL = "table of contents label (a navigation notice)"  # (a notice_reason)
MEMBER_COUNT = "a forum member's count (posts, likes, reputation) alone in its block"  # (a notice_reason)
RESULTS_COUNT = "a listing's count of its results or its page-size control"  # (a notice_reason)
MEDIA_FALLBACK = "a media player's fallback message: shown only to browsers without the player"  # (a notice_reason)


def notice_reason(text: str) -> str | None:
    """Why `text` is a page notice (cookie consent or its buttons, "enable JavaScript", a table of contents' label,
    an advertising label or loading placeholder), or None."""
    # (remembered for short texts: several passes ask about the same lines, and sites repeat theirs)
    return short_cached(_notice_reason, text)


@memo(8192)
def _notice_reason(text: str) -> str | None:
    # (a cookie word outside ASCII is looked for only on lines that are not ASCII)
    cookie = "ookie" in text or (len(text) >= OTHER_COOKIE_MIN_CHARS and not text.isascii()
                                 and _OTHER_COOKIE.search(text) is not None)
    if cookie and len(text) <= CONSENT_CHOICE_MAX_CHARS and (_CONSENT.search(text) or _CONSENT_MORE.search(text)) and (
            len(text) <= CONSENT_MAX_CHARS or _CONSENT_CHOICE.search(text)):
        return "cookie or consent notice"
    if "and/or access" in text and len(text) <= CONSENT_CHOICE_MAX_CHARS and _TCF_PURPOSE.search(text):
        return "cookie or consent notice"
    if len(text) <= TCF_MAX_CHARS and (_TCF_TEXT.match(text) or (
            ("partners" in text or "vendors" in text) and _TCF_COUNT.search(text))):
        return "cookie or consent notice"
    if cookie and len(text) <= CONSENT_MAX_CHARS and _COOKIE_CATEGORY.match(text):
        return "cookie or consent notice"
    if "field" in text and len(text) <= FORM_LABEL_MAX_CHARS and _FORM_HIDDEN.match(text):
        return "a form's hidden-field label"
    if len(text) <= FORM_LABEL_MAX_CHARS and ("hank" in text or "HANK" in text or "ops" in text or "OPS" in text
                                              or "alid" in text or "ALID" in text) \
            and _FORM_STATUS.match(text):
        return "a form's status message (shown once it is sent, when sending fails or when a field is wrong)"
    if len(text) <= CONSENT_BUTTONS_MAX_CHARS and _consent_buttons(text):
        return "a consent banner's buttons"
    if ("cript" in text or "CRIPT" in text) and len(text.split(None, SCRIPT_MAX_WORDS)) <= SCRIPT_MAX_WORDS \
            and _SCRIPT.search(text):
        return "JavaScript notice: shown only to browsers that do not run the page's scripts"
    # (every match holds "browser" or "navigateur", in any case: a cheap test first)
    if len(text) <= MEDIA_FALLBACK_MAX_CHARS and ("browser" in (low := text.lower()) or "navigateur" in low) \
            and _MEDIA_FALLBACK.match(text):
        return MEDIA_FALLBACK
    if len(text) <= SKIP_LINKS_MAX_CHARS and _SKIP_LINKS.match(text):
        return "a skip link (straight to the content or the menu) alone in its block"
    if len(text) <= TOC_LABEL_MAX_CHARS:
        if _TOC_LABEL.match(text):
            return TOC_LABEL
        if _PLACEHOLDER.match(text):
            return AD_LABEL
        if _CONTROL.match(text) or _TEXT_SIZE.match(text):
            return "an interface control's label (a button or link) alone in its block"
        if _SHARE_LABEL.match(text):
            return "a sharing widget's label"
        if _CALL_TO_ACTION.match(text):
            return "a call to action (a button or link) alone in its block"
        if _READING_TIME.match(text):
            return READING_TIME
        if _NEWS_LABEL.match(text):
            return "a news label (breaking, exclusive, live) alone in its block"
        if (text[-1:].isdigit() or text[-1:] in ("k", "K", "M")) and _MEMBER_COUNT.match(text):  # (it ends in its count)
            return MEMBER_COUNT
        if _POST_STATS.match(text):
            return POST_STATS
    if len(text) <= MACHINE_TEXT_MAX_CHARS and (" " not in text and _IMAGE_ADDRESS.match(text)
                                                or "-" in text and _UUIDS.match(text)):
        return MACHINE_TEXT
    # (every match holds "of", "loaded" or "per": a cheap test first)
    if len(text) <= RESULTS_COUNT_MAX_CHARS and ("of" in (low := text.lower()) or "loaded" in low or "per" in low) \
            and _RESULTS_COUNT.match(text):
        return RESULTS_COUNT
    if len(text) <= NEWSLETTER_MAX_CHARS and _NEWSLETTER.match(text):
        return "a newsletter's sign-up prompt"
    if len(text) <= TRENDING_MAX_CHARS and _TRENDING.match(text):
        return "a bar of trending topics"
    if len(text) <= SEARCH_PROMPT_MAX_CHARS and (words := text.lstrip(_LEADING_MARKS).split(None, 1)) \
            and words[0].rstrip(".…:?").lower() in _SEARCH_FIRST and _SEARCH_PROMPT.match(text):
        return SEARCH_PROMPT
    return None
