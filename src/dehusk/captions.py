"""Photo captions known by their credit, in either mode.

News sites end a picture's caption with its credit: "(AP Photo/Jane Doe)", "REUTERS/Jane
Doe/File Photo", "[File: Reuters]", "(Photo by Jane Doe/Getty Images)", "... via Getty Images",
"Jane Doe / AP file", or start it with a label ("FILE PHOTO:", "Image caption", "Photo:", "Foto:",
"Bild:", as alt texts and credits are dumped too). Such a line reads like
prose (a full sentence about the picture), so the classifiers keep some; it is the picture's,
not the article's.

Grouped CV, whole pipeline: text mode scrapinghub shF1 0.908 -> 0.912 (`text/`; 13 pages better,
1 worse), 0.919 -> 0.921 (`text-alt/`), wcxb-dev +0.0002 / +0.0001 (8 and 5 pages better, 1 and 0
worse), the wcxb-dev dumps of four other renderers +0.0000 to +0.0002; HTML mode scrapinghub
0.9656 -> 0.9664 (5 pages better, none worse), wcxb-dev 0.8802 (5 pages better, 1 worse: a listing
of news videos whose captions are its content). The "/ AP file" ending and the "Image caption"
label: 3 more scrapinghub pages better in text mode (+0.0004), none worse, HTML unchanged. The
"Photo:"/"Image:" labels: text mode 4 wcxb-dev and 1 scrapinghub pages better, none worse; HTML 1
wcxb-dev page slightly worse (-0.0003 on it).
"""

from __future__ import annotations

import re

from .blocks import KEPT, Segment

# the credit that ends the caption (searched in its last _TAIL characters: every credit is shorter)
_CREDIT_END = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty|EPA|Xinhua)\s*(?:Photo|Video|/)[^)]{0,60}\)"  # (AP Photo/Jane Doe)
    r"|\b(?:REUTERS|AFP|EPA|AP Photo)/\S[^/]{0,40}(?:/[^/]{1,40})*"  # REUTERS/Jane Doe/File Photo
    r"|\[(?:File|Photo|Image)\b[^\]]{0,60}\]"  # [File: Reuters]
    r"|\((?:Photo|Image|Foto|Picture)s?\s*(?:by|:|credit)[^)]{0,80}\)"  # (Photo by Jane Doe/Getty Images)
    r"|(?:via\s+|/)Getty Images|Getty Images|Shutterstock|iStock(?:photo)?"
    r"|\s/\s*(?:AP|AFP|Reuters|EPA)(?:\s+file)?"  # Jane Doe / AP file
    # an outlet's or agency's credit with its photographer's name after a caption's last sentence:
    # "... on Tuesday (19/3/2024). (Harbour Courier/Jane Doe)", "... (ANTARA FOTO/Jane Doe)"
    r"|(?<=[.!?])\s*\((?:[A-Z][\w.&'-]*\s){0,3}[A-Z][\w.&'-]*\s?/\s?[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){1,3}\)"
    r")\s*\.?\s*$"
)
# "... Credit: Getty Images", "Photo credit: Jane Doe / Reviewed", a caption and its credit run
# together ("...leaves the quayCredit: Jane Doe/Harbour Courier"); a sum after it is a tax credit, not a source
_CREDIT_LABEL_END = re.compile(r"(?:(?:Photo|Image|Picture|Video)\s+[Cc]redits?|Credits?)\s*:\s*[^\d$€£:\s][^:]{1,59}$")
# a photographer's label after the caption's last sentence ("... on the dyke. Foto: Kees Mulder")
_PHOTO_LABEL_END = re.compile(
    r"[.!?]\s+(?:Photo|Foto|Fotó|Fotoğraf|Fotografie|Bild|Kuva|Zdjęcie|Φωτογραφία|Фото|Imagem|Imagen)\s*:\s*"
    r"[^\d$€£:\s][^:.!?]{1,59}$")
_TAIL = 160
# a caption's own label at its start ("FILE PHOTO: ...", "Image caption ...", "Photo: ...", "Foto: ...")
_LABEL_START = re.compile(
    r"(?:FILE PHOTO|FILE)\s*:|(?:Image|Photo|Media)\s+caption\s"
    r"|(?:Image|Photo|Photograph|Picture|Illustration|Foto|Imagem|Bild)\s*:\s"
    # the news agencies' caption opener: "In this photo provided by the port authority, ...", "In this image made from video ..."
    r"|In\s+(?:this|an?)\s+(?:[\w-]+\s+){0,3}?(?:photo|image|picture|photograph|frame\s+grab|handout)s?\b"
    r"|\d{1,3}\s?of\s?\d{1,3}(?=[A-Z])"  # a slideshow's counter run into its caption ("2of4Passengers wait on the quay ...")
)
_LABEL_FIRST = frozenset("FIPMB0123456789")  # the first characters `_LABEL_START` can match
CAPTION_REASON = "a photo caption: ends in the photographer's or agency's credit"


def photo_caption(text: str) -> bool:
    """Does the line end in a photo credit (or start with "FILE PHOTO:" or "Image caption")?"""
    end = text[-_TAIL:]
    tail = end.rstrip(" .")
    # (every credit ends in ")", "]", a name after a "/", or a picture agency's name: the other
    # lines are spared the regex)
    if (tail.endswith((")", "]")) or "/" in tail or "Getty" in tail or "Shutterstock" in tail or "iStock" in tail) \
            and _CREDIT_END.search(end) is not None:
        return True
    if "redit" in end and _CREDIT_LABEL_END.search(end) is not None:
        return True
    if ":" in end[-70:] and _PHOTO_LABEL_END.search(end) is not None:
        return True
    return text[:1] in _LABEL_FIRST and _LABEL_START.match(text) is not None


def drop_photo_captions(segments: list[Segment]) -> None:
    """Relabel the kept blocks that are `photo_caption`s as captions (HTML mode; text mode tests its
    lines as it labels them)."""
    for seg in segments:
        if seg.label in KEPT and photo_caption(seg.text):
            seg.label, seg.reason = "caption", CAPTION_REASON
