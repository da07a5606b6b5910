"""Word tables of `authors`: the multilingual words and patterns it reads bylines and names with.

News agencies and organisation words, words that are no part of a person's name, roles,
honorifics, credentials and name particles; the prefixes that start a byline ("By", "Von",
"Autor:", "Haber:", "Γράφει ο", "بقلم", "记者", ...) and their first words; the connectors that
split names, the date keywords that end them, a photographer's credit; CJK roles, outlets and
labels. Data only: the logic that reads them is in `authors`.
"""

from __future__ import annotations

import re

_L = r"[^\W\d_]"  # a letter


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    """A word list written as one string (space- or `sep`-separated), as a frozenset."""
    return frozenset(" ".join(w.split()) for w in text.split(sep) if w.strip())


# --- agencies and organisations

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
# the legal forms among them ("Smith & Co", "Acme Ltd"): they end a company's name, and open none
# ("Co dalej z promem?", Polish for "What next for the ferry?", is a heading)
_LEGAL_FORMS = _words("inc ltd gmbh llc corp plc s.a. ag co co. int pc pllc llp limited pte spa s.p.a. srl sarl pty bv kft oy")

# --- no person's name: common words, site words, roles, honorifics, credentials, particles

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
    newsletter login sign account api testimonial testimonials logo icon banner thumbnail screenshot
    audio video podcast podcasts playlist"""
) | _words(
    # a site's own words in other languages (home page, log in, menu, read more, accept): a nav or a
    # consent line ("Ana Sayfa", "Giriş Yap", "Página Inicial") reads like two capitalised names
    """sayfa sayfası anasayfa giriş abone üye devamını kabul merkezi página pagina inicial principal iniciar
    sesión sessão strona główna stránka stranka přihlásit prihlásiť főoldal kezdőlap bejelentkezés
    acasă autentificare abonează-te beranda masuk daftar selengkapnya αρχική σελίδα σύνδεση главная
    страница головна сторінка войти увійти startseite anmelden abonnieren accueil connexion inloggen
    abonneren logga prenumerera forsiden etusivu dakika gündem"""
)
_ROLE_CORE = _words(
    """reporter writer editor correspondent contributor columnist journalist photographer producer
    analyst author intern editor-in-chief staff redakteur redakteurin korrespondent korrespondentin
    editor-at-large writer-at-large correspondent-at-large
    journaliste rédacteur rédactrice envoyé envoyée corresponsal redactor redactora periodista
    giornalista inviato inviata jornalista redacteur verslaggever dziennikarz dziennikarka redaktor
    redaktorka reportér reportérka reporterka журналист корреспондент редактор журналіст
    кореспондент muhabir editör fotograf fotógrafo chefredakteur chefredakteurin 기자 특파원 记者 記者
    contributing director ceo cto cfo coo cmo founder co-founder cofounder president manager head vp
    consultant specialist strategist officer
    reporters writers editors correspondents journalists redacteuren verslaggevers redakteure
    korrespondenten rédacteurs journalistes envoyés corresponsales redactores periodistas giornalisti
    inviati jornalistas redaktörer reportrar journalister dziennikarze"""
)
_ROLE_WORDS = _ROLE_CORE | _words(
    """senior chief deputy associate assistant special freelance political politics business sports
    sport science health managing executive news international foreign economics economic technology
    tech culture entertainment national local digital online investigative data travel food fashion
    lifestyle opinion guest legal white house washington europe asia africa in of at the and & - a an
    our large general features feature editorial copy web social media video audio photo visual
    multimedia breaking bureau spécial spéciale grand en chef sr sr. vice product marketing content
    operations communications engineering sales onze unser unsere unseren unserer unserem notre nos nuestro nuestra
    nuestros nuestras nostro nostra nostri våra vår vores nasz nasza nasi"""
)
# "our" before a role in a byline ("By our correspondent ...", "Door onze redacteuren ...")
_POSSESSIVES = _words("our onze unser unsere unseren unserer unserem notre nos nuestro nuestra nuestros nuestras nostro "
                      "nostra nostri våra vår vores nasz nasza nasi")
_HONORIFICS = _words("dr dr. prof prof. mr mr. mrs mrs. ms ms. mx mx. herr frau mme mlle dott. ing. mgr.")
_CREDENTIALS = _words(
    """md m.d. phd ph.d. mba rn dds dmd do d.o. dvm vmd msc bsc ma ba bs ms mph msn bsn np aprn fnp pa-c
    lcsw lmft lpc rd rdn ld cpa cfa cfp esq jr jr. sr sr. ii iii pharmd psyd edd jd llm"""
)
# "FACP", "FACLM", "DACVB": fellow / diplomate of an (American) college or board
_FELLOW = re.compile(r"^(?:F|D)A[A-Z]{2,5}$")
_PARTICLES = _words("von van der den de del della di da das do dos du la le les ten ter zu y e bin ibn al el st. st")

# --- the start of a byline (`_START`) and its first words (`_may_start`)

_PREFIX_WORDS = (
    r"(?:(?:additional\s+)?reporting|written|posted|published|text|texte|video|photos?|words|story|interview|"
    r"recipes?|article|column|essay|analysis|commentary|"
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
# the same prefixes in the middle of a credit (a clause starts there)
_MID_PREFIX = re.compile(rf"(?i)(?<!{_L}){_PREFIX_WORDS}(?!{_L})\s*:?")
# `_START` on ASCII text needs its first word (after at most 3 other characters) to be one of these
# (any case), or "By" glued to a capital: a set lookup rules most lines out before the regex
_START_WORDS = _words(
    """additional reporting written posted published text texte video photo photos words story interview
    recipe recipes article column essay analysis commentary
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

# --- inside a credit: the connectors between names, date keywords, fillers, a photographer's credit

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
# a photographer's credit after the author's ("TEXT: Anna Berg FOTO: Erik Lund", "Text: ... Bild: ..."): cut off
_PHOTO_CREDIT = re.compile(r"(?i)\s(?:fotos?|photos?|photographs?|bild|bilder|kuva|zdjęci[ae]|φωτογραφί[αε]ς?)\s*:")
# a credit line that names its source after a label ("Source: AFP", "Quelle: dpa")
# "Source" as a credit's label, in many languages ("Kaynak: AA", "Πηγή: ΑΠΕ-ΜΠΕ", "기사 제공: 연합뉴스")
SOURCE_LABELS = (r"source|quelle|fuente|źródło|fonte|bron|kaynak|sumber|πηγή|sursa|sursă|forrás|zdroj|källa|kilde|lähde|"
                 r"المصدر|источник|джерело|来源|來源|出处|出典|출처|기사\s*제공")
# labels printed without a colon: Korean news portals' "기사제공 연합뉴스"
SOURCE_LABELS_BARE = r"기사\s*제공"
SOURCE_PREFIX = re.compile(rf"^(?:(?:{SOURCE_LABELS})\s*[:：]|(?:{SOURCE_LABELS_BARE})\s)\s*(.{{2,60}})$", re.I)

# --- CJK: outlets, labels and roles; a byline with its role after the names

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
_CJK_ROLES = frozenset(["记者", "記者", "기자", "编辑", "編輯", "责任编辑", "特派员", "通讯员", "实习生", "特約記者", "객원기자", "특파원", "作者",
                        "特派員", "編集委員", "선임기자"])
# a CJK byline that ends with the role ("김민준 기자", "佐藤美咲記者", "[한빛일보 김민준 기자]",
# "김민준 기자 mjkim@example.com"; a date after it is cut first): the names before it, an outlet's name
# perhaps first
_SUFFIX_ROLE = re.compile(
    r"^[\s\W]{0,3}([\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff·・ ]{2,40}?)\s*"
    r"(?:(?:선임|수석|객원|인턴|전문)?기자|특파원|記者|记者|特派員|特派记者|編集委員)"
    r"(?:\s*=)?(?:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?[\s\W]*$"
)
_SUFFIX_GATE = re.compile("기자|특파원|記者|记者|特派|編集委員").search  # (cheaper than the pattern)
