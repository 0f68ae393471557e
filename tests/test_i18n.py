"""Every message exists in both languages, with the same placeholders, each in its own script."""

import re
import string

import pytest

from course_utils.build.check import HANGUL
from course_utils.i18n import LANGS, catalogue, check_lang, message


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_message_has_both_languages_and_same_placeholders(key):
    entry = catalogue()[key]
    assert set(entry) == set(LANGS)
    assert placeholders(entry["ko"]) == placeholders(entry["en"])
    assert HANGUL.search(entry["ko"]), "Korean text must contain Hangul"
    assert not HANGUL.search(entry["en"]), "English text must not contain Hangul"


def test_unknown_language_and_key_are_named():
    with pytest.raises(ValueError, match=re.escape("lang must be one of ('ko', 'en'), got 'fr'")):
        check_lang("fr")
    with pytest.raises(KeyError, match="no message 'nope'"):
        message("nope", "ko")
