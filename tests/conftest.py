"""Shared test helpers: where things are, and the text comparisons the tests use."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the repository (present on developer machines and in CI)
SHARED_DIR = REPO_ROOT.parent / "shared"
TEXT_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "text"

# four paragraphs of an article in our own words, for the tests that set page furniture among them
FERRY_PARAGRAPHS = [
    "The county council voted on Tuesday to reopen the old ferry crossing between the two harbour towns, "
    "ending a closure that had lasted almost nine years and cut the journey for commuters by half.",
    "Engineers will first survey the slipways on both banks, which were damaged in the storms of the last "
    "winter, and the council expects the repairs to take most of the coming spring and early summer.",
    "Local traders welcomed the decision, saying that the closure had kept visitors away from the smaller "
    "town and that several shops on the quay had closed since the last boat stopped running.",
    "A public meeting on the timetable and the fares will be held at the town hall next month, and the "
    "council has asked residents to send their views before the end of the consultation period.",
]


def norm(text: str | None) -> str:
    """Comparison form: NFC, whitespace runs collapsed to one space, case and punctuation kept."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def assert_in_order(text: str, snippets: list[str]) -> None:
    """Each snippet is in `text` (normalised), after the one before it: the body, in order."""
    text, pos = norm(text), 0
    for snippet in snippets:
        found = text.find(norm(snippet), pos)
        assert found >= 0, snippet
        pos = found


def labelled_lines(rows: list[tuple[str, str]], score: float = 0.6) -> list[Any]:
    """Text-mode line segments with the given (text, label) pairs, as the classifier left them."""
    from dehusk.blocks import Segment

    out = []
    for text, label in rows:
        seg = Segment(text=text, kind="line")
        seg.label, seg.score = label, score
        out.append(seg)
    return out


def text_fixture_names() -> list[str]:
    """Names of the text-mode fixtures (tests/fixtures/text/<name>.txt)."""
    return sorted(p.stem for p in TEXT_FIXTURES.glob("*.txt"))


def load_text_fixture(name: str) -> tuple[bytes, dict[str, Any]]:
    """The fixture's bytes (exactly as stored: line endings kept) and its expectations."""
    page = (TEXT_FIXTURES / f"{name}.txt").read_bytes()
    expect = json.loads((TEXT_FIXTURES / f"{name}.expect.json").read_text(encoding="utf-8"))
    return page, expect


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED_DIR
