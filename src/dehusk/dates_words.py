"""Word tables of `dates`: month names, keywords and time words of every language it reads.

Month names (full, abbreviated, genitive; Levantine Arabic two-word names apart), zone
abbreviations and their offsets, the keywords that mark a date as published or modified (those
of scripts without spaces apart: they are matched inside words), the words before a time, and
the English month names of a URL's path. Data only: the logic that reads them, and the patterns
built from them, are in `dates`.
"""

import re

# month number -> names (lower case; genitive and abbreviated forms included), all languages.
# Accents may be dropped, Greek upper case may carry its accents as combining marks: the month
# pattern holds each name as written, folded (no accents), upper-cased-and-back and without the
# acute (Greek "Μαϊου" keeps its diaeresis), and `_fold` reads any of them back to one key.
_MONTH_NAMES = {
    1: "january jan janvier janv januar jänner jän enero ene gennaio gen janeiro januari stycznia "
    "styczeń sty leden ledna januar январь января янв січень січня січ ocak oca "
    "ianuarie ian január ιανουάριος ιανουαρίου γενάρης γενάρη ιαν يناير جانفي",
    2: "february feb febr février févr fév februar feber febrero febbraio fevereiro fev februari "
    "lutego luty lut únor února февраль февраля фев лютий лютого лют şubat şub "
    "februarie február φεβρουάριος φεβρουαρίου φλεβάρης φλεβάρη φεβ فبراير شباط فيفري",
    3: "march mar märz mär mrz mars marzo março maart mrt marca marzec březen března marts март "
    "марта мар березень березня бер mart "
    "martie március márc maret mac μάρτιος μαρτίου μάρτης μάρτη μαρ مارس آذار",
    4: "april apr avril avr abril abr aprile apr kwietnia kwiecień kwi duben dubna апрель апреля "
    "апр квітень квітня квіт nisan nis "
    "aprilie április ápr απρίλιος απριλίου απρίλης απρίλη απρ أبريل إبريل نيسان أفريل",
    5: "may mai mayo maggio mag maio mei maja maj květen května май мая травень травня трав mayıs "
    "május máj μάιος μαΐου μάης μάη μαΐ مايو أيار ماي",
    6: "june jun juin juni junio giugno giu junho czerwca czerwiec cze červen června июнь июня "
    "июн червень червня черв haziran haz "
    "iunie iun június jún ιούνιος ιουνίου ιούνης ιούνη ιουν يونيو يونيه حزيران جوان",
    7: "july jul juillet juil juli julio luglio lug julho lipca lipiec lip červenec července июль "
    "июля июл липень липня лип temmuz tem "
    "iulie iul július júl julai ιούλιος ιουλίου ιούλης ιούλη ιουλ يوليو يوليه تموز جويلية يوليوز",
    8: "august aug août agosto ago augustus augusti sierpnia sierpień sie srpen srpna август "
    "августа авг серпень серпня серп ağustos ağu "
    "augusztus agustus agt ogos αύγουστος αυγούστου αυγ أغسطس آب أوت غشت",
    9: "september sep sept septembre septiembre setiembre sep settembre set setembro września "
    "wrzesień wrz září сентябрь сентября сен сент вересень вересня вер eylül eyl "
    "septembrie szeptember szept σεπτέμβριος σεπτεμβρίου σεπτέμβρης σεπτέμβρη σεπτ σεπ سبتمبر "
    "أيلول شتنبر",
    10: "october oct oktober okt octobre octubre ottobre ott outubro out października "
    "październik paź říjen října октябрь октября окт жовтень жовтня жовт ekim eki "
    "octombrie október οκτώβριος οκτωβρίου οκτώβρης οκτώβρη οκτ أكتوبر",
    11: "november nov novembre noviembre novembro listopada listopad lis listopadu ноябрь ноября "
    "ноя нояб листопад листопада лист kasım kas "
    "noiembrie noi nopember νοέμβριος νοεμβρίου νοέμβρης νοέμβρη νοε نوفمبر نونبر",
    12: "december dec décembre déc dezember dez diciembre dic dicembre dezembro desember grudnia "
    "grudzień gru prosinec prosince december декабрь декабря дек грудень грудня груд aralık ara "
    "decembrie disember δεκέμβριος δεκεμβρίου δεκέμβρης δεκέμβρη δεκ ديسمبر دجنبر",
}
# month names of more than one word (Levantine Arabic), read with any run of spaces between words
_MONTH_PHRASES = {
    1: ("كانون الثاني",),
    10: ("تشرين الأول",),
    11: ("تشرين الثاني",),
    12: ("كانون الأول",),
}

# zone abbreviation -> offset ("" = a zone whose offset is ambiguous: the time is kept, no offset)
_ZONES = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "WEST": "+01:00",
    "BST": "+01:00", "CET": "+01:00", "MEZ": "+01:00", "CEST": "+02:00", "MESZ": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00", "EDT": "-04:00",
    "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00",
    "PDT": "-07:00", "JST": "+09:00", "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00",
    "AEST": "+10:00", "AEDT": "+11:00", "AWST": "+08:00", "NZST": "+12:00", "NZDT": "+13:00",
    "WIB": "+07:00", "WITA": "+08:00", "WIT": "+09:00", "MYT": "+08:00", "TSİ": "+03:00",
    "IST": "", "ET": "", "PT": "", "CT": "",
}

# keywords before a date; stems: a keyword may go on with more letters ("publish" -> "published")
_WEAK_KEYS = "latest update|stand"
_MODIFIED_KEYS = (
    "updated|update|edited|last modified|modified|revised|aktualisiert|geändert|mis à jour|mise à jour|"
    "modifié|actualisé|actualizad|actualización|modificad|aggiornat|aggiornamento|modificat|"
    "atualizad|atualização|bijgewerkt|gewijzigd|geüpdatet|zaktualizowan|aktualizacja|"
    "zmodyfikowan|aktualizováno|upraveno|aktualizace|uppdaterad|uppdaterat|ändrad|opdateret|"
    "oppdatert|ændret|endret|обновлен|обновлён|изменен|оновлено|змінено|güncellen|güncelleme|"
    "actualizat|actualizare|frissít|módosít|diperbarui|diperbaharui|dikemas kini|dikemaskini|"
    "ενημερώθηκε|τελευταία ενημέρωση|آخر تحديث|تم التحديث|تحديث|aangepast|päivitetty|ažurirano|posodobljeno|"
    "aktualizované|atnaujinta|atjaunots|atjaunināts|uuendatud|обновено|cập nhật"
)
_PUBLISHED_KEYS = (
    "publish|posted|asked|created|released|veröffentlich|erschienen|publiziert|erstellt|publié|"
    "publication|posté|publicad|publicación|pubblicat|pubblicazione|publicação|gepubliceerd|"
    "geplaatst|opublikowan|data publikacji|dodano|publikováno|zveřejněno|vydáno|publicerad|"
    "publicerat|publiceret|publisert|udgivet|опубликован|дата публикации|опубліковано|"
    "yayınlan|yayın tarihi|publicat|közzét|megjelen|diterbitkan|terbit|dipublikasi|diposting|"
    "δημοσιεύ|δημοσίευ|αναρτήθηκε|نشر في|نشر بتاريخ|نشرت في|تاريخ النشر|julkaistu|objavljen|publikovan|"
    "paskelbta|publicēts|avaldatud|публикувано|публикуван"
)
# keywords in scripts written without spaces between words (Korean compounds them too: "기사입력",
# "最終更新"): matched anywhere, not only where a word starts. (Not 등록/발행: "registered",
# "issued" date the newspaper in the footer every Korean news page carries)
_CJK_MODIFIED_KEYS = "수정|업데이트|更新|修改"
_CJK_PUBLISHED_KEYS = "입력|게재|公開|投稿|配信|掲載|发布|發布|发表|發表"

# words before a time that say a.m. (False) or p.m. (True): Korean, Japanese, Chinese
_HALF_DAY = {"오전": False, "午前": False, "上午": False, "오후": True, "午後": True, "下午": True}
# words before a time that make "10.32" (dot) a time
_MARKERS = frozenset(
    ["at", "um", "à", "a las", "a la", "alle", "ore", "às", "om", "kl", "kl.", "klo", "klo.", "klockan",
     "godz", "godz.", "o", "v", "в", "saat", "de las"]
)

# month names in a URL's path ("/2023/october/03/"): English only
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)/"
                        r"(0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)", re.I)
