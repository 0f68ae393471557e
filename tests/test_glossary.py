"""The glossary is consistent, and Korean prose uses only its preferred terms."""

import json
import tomllib

from course_utils.build.source import LANG_TAGS, TEACHES_TERMS_TAG
from course_utils.glossary import find_variants, markdown_table, terms


def test_one_preferred_term_per_concept():
    kos = [t.ko for t in terms()]
    ens = [t.en for t in terms()]
    assert len(kos) == len(set(kos)) and len(ens) == len(set(ens))


def test_no_variant_hides_inside_a_preferred_term():
    preferred = [t.ko for t in terms()]
    for term in terms():
        for variant in term.variants:
            assert not any(variant in p for p in preferred), (variant, term.ko)


def test_variants_are_found():
    assert find_variants("컨볼루션 대신 합성곱이라고 씁니다") == [("컨볼루션", "합성곱")]
    assert find_variants("전치 합성곱의 특징 맵") == []


def test_phrase_variants_are_found_without_rejecting_their_words_elsewhere():
    assert find_variants("레슨 04의 체커보드 세기는 0입니다") == [("체커보드 세기", "체커보드 강도")]
    assert find_variants("레슨 04의 체커보드\n세기는 0입니다") == [("체커보드 세기", "체커보드 강도")]
    assert find_variants("겹침 수 세기: 입력이 몇 개 더해지는지 셉니다") == []
    assert find_variants("체커보드 강도를 잽니다") == []


def test_a_variant_is_found_only_where_a_word_starts():
    assert find_variants("역 연산이 아닙니다") == [("역 연산", "역연산")]
    assert find_variants("가역 연산입니다") == []
    assert find_variants("12차원 가운데") == []


def test_allowed_phrases_are_not_searched():
    assert find_variants("PyTorch 문서의 식") == []
    assert find_variants("원문 문서의 식") == [("원문 문서", "원문"), ("문서의", "원문")]


def test_korean_notebook_prose_uses_preferred_terms(root):
    for path in sorted((root / "notebooks" / "ko").glob("*.ipynb")):
        for number, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"], start=1):
            tags = cell["metadata"].get("tags", [])
            if cell["cell_type"] == "markdown" and "lang-ko" in tags and TEACHES_TERMS_TAG not in tags:
                assert find_variants("".join(cell["source"])) == [], f"{path.name} cell {number}"


def _korean_catalogue_strings(root) -> list[tuple[str, str]]:
    """(where, text) for every `ko = ...` string of every message file."""
    found = []
    for path in sorted((root / "course_utils" / "data" / "messages").glob("*.toml")):
        for key, entry in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(entry, dict) and isinstance(entry.get("ko"), str):
                found.append((f"{path.name} {key}", entry["ko"]))
    return found


def _korean_quiz_strings() -> list[tuple[str, str]]:
    """(where, text) for the prompt, choices, hint and explanation of every quiz question, in Korean."""
    from course_utils.review import QUESTIONS

    found = []
    for q in QUESTIONS:
        found += [(f"{q.id} {field}", q.text(field, "ko")) for field in ("prompt", "hint", "explanation")]
        found += [(f"{q.id} choice {i}", choice["ko"]) for i, choice in enumerate(q.choices)]
    return found


def test_message_catalogue_and_quiz_use_preferred_terms(root):
    strings = _korean_catalogue_strings(root) + _korean_quiz_strings()
    assert len(strings) > 100
    assert [(where, find_variants(text)) for where, text in strings if find_variants(text)] == []


def test_the_catalogue_and_quiz_check_catches_a_planted_variant(root):
    planted = _korean_catalogue_strings(root) + [("planted", "잘라 내기 전 캔버스")]
    assert [where for where, text in planted if find_variants(text)] == ["planted"]


def test_table_lists_every_term_in_the_learners_order():
    ko, en = markdown_table("ko").splitlines(), markdown_table("en").splitlines()
    assert len(ko) == len(en) == len(terms()) + 2
    assert ko[0] == "| 한국어 | English |" and en[0] == "| English | 한국어 |"
    assert set(LANG_TAGS) == {"lang-ko", "lang-en"}
