"""Names in Japanese katakana, read in the few ways they may stand for a foreign name.

Katakana writes a foreign name one syllable at a time, adding vowels where the name has none:
ミルジヨエフ is mi-ru-ji-yo-e-fu for Mirziyoyev, トランプ to-ra-n-pu for Trump. No single reading
recovers the name, so `readings` gives a handful: each added-looking vowel (u after a consonant, o
after t or d) kept or dropped, ジ as ji or zi, チ as chi or ti, ン before p, b, m as m. The matcher
looks each of them up, as it does the stems of an inflected word.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

KATAKANA = "\u30a1-\u30fa\u30fc"  # letters and the long-vowel mark ー (not the middle dot ・)
KATAKANA_RE = re.compile(f"[{KATAKANA}]+")
MAX_READINGS = 16

_SYLLABLES = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o",
    "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke", "コ": "ko",
    "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go",
    "サ": "sa", "シ": "shi", "ス": "su", "セ": "se", "ソ": "so",
    "ザ": "za", "ジ": "ji", "ズ": "zu", "ゼ": "ze", "ゾ": "zo",
    "タ": "ta", "チ": "chi", "ツ": "tsu", "テ": "te", "ト": "to",
    "ダ": "da", "ヂ": "ji", "ヅ": "zu", "デ": "de", "ド": "do",
    "ナ": "na", "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no",
    "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo",
    "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe", "ポ": "po",
    "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo",
    "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro",
    "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n",
    "ヴ": "vu", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o",
}  # fmt: skip
# A small vowel or y-letter after a syllable replaces its vowel: シャ sha, ティ ti, ファ fa, ヴァ va.
_SMALL = {"ャ": "ya", "ュ": "yu", "ョ": "yo", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}
_PALATAL = ("shi", "chi", "ji")  # シャ is sha, not shiya
_LABIALS = "pbm"


def has_katakana(text: str) -> bool:
    return KATAKANA_RE.search(text) is not None


def _syllables(word: str) -> list[str]:
    """Hepburn syllables of a katakana word; the long-vowel mark and the small ッ are dropped (keys
    merge long vowels and double letters anyway)."""
    out: list[str] = []
    for char in word:
        if char in "ーッ":
            continue
        if char in _SMALL and out and out[-1][-1:] in "aeiou" and len(out[-1]) > 1:
            head = out[-1]
            small = _SMALL[char]
            if head in _PALATAL and small.startswith("y"):
                out[-1] = head[:-1] + small[1:]  # シャ sha, ジョ jo, チュ chu
            elif small.startswith("y"):
                out[-1] = head[:-1] + small  # キャ kya, ミョ myo
            else:
                out[-1] = head.rstrip("aeiou") + small  # ティ ti, ファ fa (fu's u gives way), ヴォ vo
            continue
        out.append(_SYLLABLES.get(char, ""))
    return [s for s in out if s]


def _options(syllable: str, following: str | None) -> list[str]:
    """The ways one syllable may stand in the foreign name."""
    options = [syllable]
    if syllable == "ji":
        options.append("zi")
    elif syllable == "chi":
        options.append("ti")
    elif syllable == "n" and following and following[0] in _LABIALS:
        options = ["m"]
    consonant_next = following is None or following[0] not in "aeiou"
    if (
        consonant_next
        and len(syllable) > 1
        and ((syllable.endswith("u") and syllable != "yu") or syllable in ("to", "do"))
    ):
        # An added vowel (ru in ミルジヨエフ, fu at the end, ト in トランプ): tried without it first,
        # since that is how a foreign name usually is.
        options = [option[:-1] for option in options] + options
    return options


@lru_cache(maxsize=20_000)
def readings(word: str) -> tuple[str, ...]:
    """Latin readings of a katakana word, those without the added vowels first, at most MAX_READINGS."""
    syllables = _syllables(word)
    if not syllables:
        return ()
    choices = [_options(s, syllables[i + 1] if i + 1 < len(syllables) else None) for i, s in enumerate(syllables)]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), 256):
        spelled = "".join(combo)
        if spelled not in out:
            out.append(spelled)
        if len(out) >= MAX_READINGS:
            break
    return tuple(out)
