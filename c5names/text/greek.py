"""Greek-script names read as they sound, so that they meet the Latin keys.

Greek writes foreign names by sound, with digraphs for sounds it has no letter for: Ντόναλντ Τραμπ
(ντ = d, μπ = b), Τζαπάροφ (τζ = j), Τοκάγιεφ (γι before a vowel = y, final φ for the -v of -ov/-ev).
unidecode reads letter by letter (`Ntonalnt`, `Tokagief`), too far from the names for any key or
fuzzy budget; this reading follows the modern pronunciation instead. Greek merges sounds that Russian
keeps apart (ζ for both з and ж, σ for both с and ш); those differences are left to fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata

GREEK_RE = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")

# Accented vowels to plain ones; the diaeresis is kept, because it stops a digraph (Αϊτή is a-i).
_PLAIN = str.maketrans("άέήίόύώΐΰ", "αεηιουωϊϋ")
_SEQUENCES = {
    "ου": "u",
    "αι": "e",
    "ει": "i",
    "οι": "i",
    "υι": "i",
    "αυ": "av",
    "ευ": "ev",
    "ηυ": "iv",
    "ντ": "d",  # the d of foreign names (Ντόναλντ, Σαντίρ); Αλεξάντρ's nd is left to fuzzy matching
    "μπ": "b",  # but mp at the end of a word
    "γκ": "g",
    "γγ": "ng",
    "γχ": "nkh",
    "τζ": "j",
    "τσ": "ts",
}
_LETTERS = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "ϊ": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "ks",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "i",
    "ϋ": "i",
    "φ": "f",
    "χ": "kh",
    "ψ": "ps",
    "ω": "o",
}
_FRONT = "εηιυ"  # γ before these is the glide y
_VOWELS = "αεηιουωϊϋ"


def has_greek(text: str) -> bool:
    return GREEK_RE.search(text) is not None


def greek_to_latin(text: str) -> str:
    """A lowercase Latin reading of the Greek letters in `text` (other characters kept)."""
    text = unicodedata.normalize("NFC", text).lower().translate(_PLAIN)
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        pair = text[i : i + 2]
        if char == "γ" and text[i + 1 : i + 2] and text[i + 1] in _FRONT:
            out.append("y")
            # γι, γη, γυ before another vowel are one glide: Τοκάγιεφ is Tokayef, not Tokayief.
            glide_only = text[i + 1] in "ιηυ" and text[i + 2 : i + 3] != "" and text[i + 2] in _VOWELS
            i += 2 if glide_only else 1
            continue
        if pair == "μπ" and not text[i + 2 : i + 3].isalpha():
            out.append("mp")  # word-final μπ is mp (Τραμπ is Trump); elsewhere it is b
            i += 2
            continue
        if pair in _SEQUENCES:
            out.append(_SEQUENCES[pair])
            i += 2
            continue
        out.append(_LETTERS.get(char, char))
        i += 1
    return "".join(out)
