"""Page furniture and credits of text dumps: text-size controls, copyright lines, a Korean
portal's "기사제공" credit without a colon, and a byline's form as evidence for the author picker."""

from __future__ import annotations

import pytest

import dehusk
from conftest import FERRY_PARAGRAPHS
from dehusk.credit_line import credit_of
from dehusk.features_words import copyright_line
from dehusk.notices import notice_reason


@pytest.mark.parametrize("line", ["Text size: A A A", "Schriftgröße A- A+", "文字サイズ 小 中 大", "글자 크기 가 가 가",
                                  "Font size  A-  A  A+"])
def test_a_text_size_control_is_a_notice(line: str) -> None:
    assert notice_reason(line) is not None


@pytest.mark.parametrize("line", ["Font size", "Font size: Large", "Text size matters on small phone screens",
                                  "文字サイズの変更方法"])
def test_a_heading_or_a_spec_about_text_size_is_no_notice(line: str) -> None:
    assert notice_reason(line) is None


@pytest.mark.parametrize("line", ["© 2024 Harbour Courier", "ⓒ NewsPortal Corp.", "Copyright © 2024 Harbour Courier Ltd.",
                                  "(c) 2023 Harbour Courier. All rights reserved.", "Copyright 2019 Harbour Courier"])
def test_copyright_lines(line: str) -> None:
    assert copyright_line(line)


@pytest.mark.parametrize("line", ["Copyright law", "Copyright Office weighs in on training data", "Photo: © Ann Lee",
                                  "© " + " ".join(["word"] * 14)])
def test_no_copyright_lines(line: str) -> None:
    assert not copyright_line(line)


def test_a_copyright_line_the_model_kept_is_no_text() -> None:
    page = "\n\n".join(["Harbour Courier", "Ferry crossing to reopen after nine years", *FERRY_PARAGRAPHS,
                        "© 2024 Harbour Courier"])
    # (a cut of 0 keeps every line, as a line model that scored the notice high would)
    article = dehusk.extract(page, mode="text", options=dehusk.Options(threshold=0.0), explain=True)
    assert "Harbour Courier" not in article.text.split("\n\n")[-1]
    assert any(b.reason == "copyright notice" for b in article.blocks)


@pytest.mark.parametrize("line", ["기사제공 연합뉴스", "기사 제공 연합뉴스", "기사 제공: 연합뉴스"])
def test_a_korean_portals_credit_names_the_source(line: str) -> None:
    assert credit_of(line) == ("연합뉴스", True)


KO_PARAGRAPHS = [
    "해운대구가 여름 성수기를 맞아 해수욕장 백사장 일부를 가족 전용 쉼터로 운영한다고 23일 밝혔다. 쉼터에는 그늘막과 수유실이 함께 설치된다.",
    "구에 따르면 쉼터는 중앙 구역 약 2천 제곱미터 규모로 조성되며 운영 기간은 다음 달 말까지다. 이용료는 받지 않는다.",
    "구 관계자는 \"아이와 함께 오는 관광객이 해마다 늘고 있다\"며 \"가족 단위 방문객이 편하게 머물 공간을 넓히겠다\"고 말했다.",
    "구는 이용객 만족도 조사를 한 뒤 내년에는 다른 해수욕장까지 운영 범위를 넓힐 계획이다.",
]


def test_a_korean_byline_and_credit() -> None:
    page = "\n\n".join(["뉴스홈", "정치 경제 사회 생활/문화 IT/과학 세계", "로그인", "해운대 해수욕장, 올여름 가족 쉼터 운영",
                        "김민지 기자", "입력 2024.07.23. 오후 2:32", *KO_PARAGRAPHS, "minji@example.com",
                        "기사 제공 한빛뉴스통신", "이 기사를 추천합니다", "댓글 0"])
    article = dehusk.extract(page, mode="text")
    assert list(article.authors) == ["김민지"]
    assert article.source == "한빛뉴스통신"
    assert "기사 제공" not in article.text
