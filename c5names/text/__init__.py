"""Text → text, with no gazetteer: folding and keys, readers of scripts, romanisation, inflection.

Everything here maps strings to strings (or to lists of readings) and can be tested on its own:
`keys` (fold, ascii_fold, skeleton), `translit` (Cyrillic by the press's conventions), `greek`,
`devanagari`, `abjad` (Arabic script by consonants), `han`, `kana`, `inflection` (case endings),
`words` (how a name is cut into words) and `chartable` (letter-by-letter readings as one
`str.translate` table). Their tables are data files in `text/data/`, read and checked by `tables`.
"""
