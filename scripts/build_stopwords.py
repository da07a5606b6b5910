"""Build src/dehusk/data/stopwords.json.gz from jusText's stop lists (BSD-2-Clause).

    .venv/bin/pip install justext && .venv/bin/python scripts/build_stopwords.py

Maps jusText's language names to ISO 639-1 codes (those the language identifier returns) and keeps the
lists as they are, lower-cased.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import justext

ISO = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Azerbaijani": "az",
    "Basque": "eu", "Belarusian": "be", "Bengali": "bn", "Bosnian": "bs", "Breton": "br",
    "Bulgarian": "bg", "Catalan": "ca", "Croatian": "hr", "Czech": "cs", "Danish": "da",
    "Dutch": "nl", "English": "en", "Esperanto": "eo", "Estonian": "et", "Finnish": "fi",
    "French": "fr", "Galician": "gl", "Georgian": "ka", "German": "de", "Greek": "el",
    "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he", "Hindi": "hi", "Hungarian": "hu",
    "Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it", "Kannada": "kn",
    "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku", "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv",
    "Lithuanian": "lt", "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml",
    "Maltese": "mt", "Marathi": "mr", "Nepali": "ne", "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa", "Polish": "pl", "Portuguese": "pt",
    "Quechua": "qu", "Romanian": "ro", "Russian": "ru", "Serbian": "sr", "Slovak": "sk",
    "Slovenian": "sl", "Spanish": "es", "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl",
    "Tamil": "ta", "Telugu": "te", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
    "Vietnamese": "vi", "Welsh": "cy", "West_Frisian": "fy", "Javanese": "jv", "Yoruba": "yo",
}


def main() -> None:
    out: dict[str, list[str]] = {}
    for name, code in sorted(ISO.items()):
        words = sorted({w.lower() for w in justext.get_stoplist(name)})
        out[code] = words
    out["no"] = out["nb"]
    target = Path(__file__).resolve().parents[1] / "src/dehusk/data/stopwords.json.gz"
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"{len(out)} languages -> {target} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
