"""Titles and function words in the languages c5names reads.

Titles tell which office a bare surname refers to ("President Berdimuhamedov" in 2023 is Serdar,
"Prime Minister Japarov" in 2022 is Akylbek). Function words and titles before a surname are not
someone else's given name. Entries are in plain letters (see `plain`) and matched as whole words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from c5names.text.keys import fold

_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=100_000)
def plain(text: str) -> str:
    """The plain-letter reading the lexicon is written in: Präsident → prasident, Cumhurbaşkanı →
    cumhurbaskani, президента → prezidenta, премьер-министр → premer ministr."""
    text = unidecode(fold(text).replace("-", " ")).lower().replace("'", "")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


TITLES: dict[str, tuple[str, ...]] = {
    "head_of_state": (
        "president",
        "presidente",
        "prasident",
        "prezident",
        "prezidenti",
        "prezidentas",
        "prezydent",
        "prezidentining",
        "prezidente",
        "elnok",
        "cumhurbaskani",
        "chef de l etat",
        "head of state",
        "staatschef",
        "staatsoberhaupt",
        "glava gosudarstva",
        "jefe de estado",
        "capo dello stato",
        "leader",
        "dirigeant",
        "prasidenten",
        "presidenta",
        "presidentom",
        "presidentu",
        "presidente de",
        "prezidentu",
        "prezidentem",
        "prezidenta",
        "prezidentom",
    ),
    "head_of_government": (
        "prime minister",
        "premier ministre",
        "premier",
        "premierminister",
        "ministerprasident",
        "regierungschef",
        "premer ministr",
        "premer",
        "primer ministro",
        "primo ministro",
        "bosh vazir",
        "chef du gouvernement",
        "head of government",
        "chairman of the cabinet",
        "president du cabinet des ministres",
        "predsedatel kabmina",
        "jefe del gabinete",
        "vazirlar mahkamasi raisi",
        "head of the cabinet",
        "cabinet chairman",
        "premiera",
        "premyer",
        "premer ministra",
    ),
    "foreign_minister": (
        "foreign minister",
        "secretary of state",
        "secretaire d etat",
        "ministre des affaires etrangeres",
        "aussenminister",
        "ministr inostrannykh del",
        "canciller",
        "secretario de estado",
        "tashqi ishlar vaziri",
        "gossekretar",
        "davlat kotibi",
        "chefdiplomat",
        "glava mid",
        "ministro de exteriores",
        "ministro de asuntos exteriores",
        "ministro degli esteri",
    ),
    "vice_president": (
        "vice president",
        "vice-president",
        "vizeprasident",
        "vitse prezident",
        "vicepresidente",
        "vitse-prezident",
    ),
    "envoy": (
        "envoy",
        "special envoy",
        "envoye special",
        "sondergesandte",
        "sondergesandter",
        "spetsposlannik",
        "enviado especial",
        "maxsus vakili",
        "emissary",
        "emissaire",
        "ambassador",
        "ambassadeur",
        "botschafter",
        "posol",
        "embajador",
    ),
    "legislature_chair": (
        "speaker",
        "chairman of the senate",
        "predsedatel",
        "chairman",
        "rais",
        "raisi",
        "president du senat",
        "vorsitzende",
        "vorsitzender",
    ),
    "mayor": ("mayor", "maire", "burgermeister", "mer", "hokim", "alcalde"),
    "official": (
        "deputy secretary",
        "assistant secretary",
        "secretaire d etat adjoint",
        "sous secretaire",
        "subsecretario",
        "vizeaussenminister",
        "zamestitel gossekretarya",
    ),
}

FUNCTION_WORDS = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "as",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "madam",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "l",
        "et",
        "ou",
        "mais",
        "au",
        "aux",
        "en",
        "pour",
        "par",
        "avec",
        "sans",
        "selon",
        "chez",
        "m",
        "mme",
        "mlle",
        "monsieur",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "und",
        "oder",
        "aber",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "mit",
        "bei",
        "nach",
        "fur",
        "uber",
        "auch",
        "herr",
        "frau",
        "im",
        "am",
        "beim",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "y",
        "o",
        "pero",
        "del",
        "al",
        "en",
        "con",
        "por",
        "para",
        "segun",
        "sr",
        "sra",
        "don",
        "dona",
        "senor",
        "il",
        "lo",
        "gli",
        "i",
        "e",
        "ma",
        "di",
        "da",
        "con",
        "su",
        "per",
        "tra",
        "fra",
        "o",
        "a",
        "os",
        "as",
        "um",
        "uma",
        "e",
        "mas",
        "do",
        "da",
        "dos",
        "das",
        "no",
        "na",
        "em",
        "com",
        "por",
        "para",
        "i",
        "v",
        "na",
        "s",
        "k",
        "o",
        "ob",
        "za",
        "ot",
        "po",
        "pri",
        "gospodin",
        "g",
        "n",
        "va",
        "bilan",
        "uchun",
        "ham",
        "janob",
        "ve",
        "ile",
        "bay",
        "bayan",
    ]
)
SENTENCE_WORDS = set(
    [
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "they",
        "we",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "after",
        "before",
        "when",
        "while",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "son",
        "sa",
        "ses",
        "leur",
        "apres",
        "avant",
        "quand",
        "lorsque",
        "dieser",
        "diese",
        "dieses",
        "er",
        "sie",
        "es",
        "wir",
        "ihr",
        "sein",
        "seine",
        "nach",
        "vor",
        "wenn",
        "als",
        "este",
        "esta",
        "estos",
        "estas",
        "el",
        "ella",
        "ellos",
        "su",
        "sus",
        "despues",
        "antes",
        "cuando",
        "etot",
        "eta",
        "eti",
        "on",
        "ona",
        "oni",
        "ego",
        "ee",
        "ikh",
        "posle",
        "do",
        "kogda",
        "bu",
        "u",
        "ular",
        "uning",
        "keyin",
        "oldin",
        "also",
        "however",
        "then",
        "meanwhile",
        "today",
        "yesterday",
        "moreover",
        "later",
        "earlier",
        "instead",
        "still",
        "yet",
        "thus",
        "aussi",
        "ensuite",
        "puis",
        "cependant",
        "hier",
        "aujourd",
        "pourtant",
        "alors",
        "ainsi",
        "enfin",
        "desormais",
        "auch",
        "dann",
        "jedoch",
        "heute",
        "gestern",
        "zudem",
        "daher",
        "damit",
        "dennoch",
        "inzwischen",
        "bereits",
        "tambien",
        "luego",
        "hoy",
        "ayer",
        "ademas",
        "entonces",
        "sin",
        "embargo",
        "ya",
        "takzhe",
        "odnako",
        "zatem",
        "togda",
        "segodnya",
        "vchera",
        "eshche",
        "krome",
        "tem",
        "pozzhe",
        "ranee",
        "shuningdek",
        "bugun",
        "kecha",
        "ammo",
        "biroq",
    ]
)


# Nouns that stand before a person's name in the genitive in Slavic languages and so open many a
# sentence or headline: "Администрация Трампа", "Syn Berdimuhamedowa", "Návštěva Tokajeva". At the
# start of a sentence they are capitalised like a given name, and "X Surname-a" would otherwise read as
# someone else's full name. Written in their own alphabets; compared by plain-letter stem and ending.
RELATIONAL_NOUNS = {
    "ru": """администрация правительство команда семья жена супруга муж сын дочь брат сестра отец мать
        отца внук внучка вдова зять речь визит встреча переговоры заявление позиция политика решение указ
        режим партия сторонники окружение офис канцелярия кабинет приход уход победа поражение отставка
        избрание инаугурация правление эпоха советник помощник представитель интервью обращение
        послание поездка звонок письмо слова план инициатива предложение призыв критика противники
        соратники портрет биография здоровье возвращение выступление ответ реакция угрозы пошлины
        пресс-служба пресс-секретарь""",
    "uk": """адміністрація уряд команда родина дружина чоловік син донька дочка брат сестра батько мати
        промова візит зустріч переговори заява позиція політика рішення указ режим партія прихильники
        оточення офіс перемога поразка відставка інавгурація правління речник радник помічник
        представник звернення поїздка дзвінок лист план ініціатива пропозиція виступ відповідь реакція""",
    "pl": """administracja rząd ekipa rodzina żona mąż syn córka brat siostra ojciec matka wizyta spotkanie
        przemówienie oświadczenie stanowisko polityka decyzja dekret reżim partia zwolennicy otoczenie
        biuro zwycięstwo porażka dymisja inauguracja rządy rzecznik doradca wywiad rozmowa telefon plan
        propozycja wystąpienie odpowiedź reakcja""",
    "cs": """administrativa vláda tým rodina manželka manžel syn dcera bratr sestra otec matka návštěva
        setkání projev prohlášení postoj politika rozhodnutí dekret režim strana příznivci kancelář
        vítězství porážka rezignace inaugurace mluvčí poradce rozhovor telefonát plán návrh odpověď
        reakce""",
    "sk": """administratíva vláda manželka manžel dcéra návšteva stretnutie prejav vyhlásenie postoj
        rozhodnutie víťazstvo hovorca poradca""",
}
_VOWELS = "aeiouy"
_CASE_CONSONANTS = ("m", "v", "kh", "ch", "w")  # of -om, -ov, -ami, -akh, -ach, -ów


def _noun_stem(word: str) -> str:
    key = plain(word).replace(" ", "")
    return key.rstrip(_VOWELS) or key


_RELATIONAL_STEMS = frozenset(_noun_stem(w) for words in RELATIONAL_NOUNS.values() for w in words.split())


@lru_cache(maxsize=50_000)
def is_relational_noun(word: str) -> bool:
    """Is the word one of RELATIONAL_NOUNS, in any case form? Its vowels at the end are dropped, and
    for stems of four letters or more a case consonant too (сторонниками, визитов); a shorter stem
    would reach given names (Матвей is not мать)."""
    stem = _noun_stem(word)
    if stem in _RELATIONAL_STEMS:
        return True
    for ending in _CASE_CONSONANTS:
        shorter = stem[: -len(ending)].rstrip(_VOWELS) if stem.endswith(ending) else ""
        if len(shorter) >= 4 and shorter in _RELATIONAL_STEMS:
            return True
    return False


@lru_cache(maxsize=50_000)
def is_title_or_function_word(word: str) -> bool:
    """True for words that may stand before a name without being a given name."""
    key = plain(word)
    if key in FUNCTION_WORDS or key in SENTENCE_WORDS:
        return True
    return any(
        key == title or key.startswith(title) or (title.startswith(key) and len(key) > 4)
        for titles in TITLES.values()
        for title in titles
        if " " not in title
    ) or any(
        key.endswith(title) and len(title) >= 5 for titles in TITLES.values() for title in titles if " " not in title
    )


_TITLE_RES = {
    kind: re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")\w*\b")
    for kind, titles in TITLES.items()
}


def title_kinds(context: str) -> list[tuple[int, str]]:
    """Office kinds named in a stretch of text, ordered so that the last one is the title closest to
    its end, and the longest there ("président du cabinet des ministres" is not just "président")."""
    folded = plain(context)
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _TITLE_RES.items():
        found.extend((m.end(), m.end() - m.start(), kind) for m in pattern.finditer(folded))
    return [(end - length, kind) for end, length, kind in sorted(found)]


# Words that tell a son from his father when both bear the surname (Berdimuhamedov Jr., Бердымухамедов-
# младший, Berdimuhamedov fils, the younger Berdimuhamedov), in their plain reading; `after` follow the
# surname, `before` precede it.
GENERATIONS: dict[str, dict[str, frozenset[str]]] = {
    "junior": {
        "after": frozenset(
            "junior jr jun mladshii ml fils hijo filho mlodszy mladsi jaunesnysis kichik kishi kici".split()
        ),
        "before": frozenset("younger mladshii jungere jeune cadet".split()),
    },
    "senior": {
        "after": frozenset("senior sr sen starshii st pere padre pai starszy starsi vyresnysis".split()),
        "before": frozenset("elder older starshii altere".split()),
    },
}
_ABBREVIATED = frozenset({"jr", "sr", "ml", "st", "jun", "sen"})
_NEXT_WORD = re.compile(r"(?:\s*[-‐‑–]\s*|\s+)([^\W\d_]+)(\.?)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s+$")


def generation_near(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """("junior" or "senior", start, end of the mention with the qualifier) when a word right after
    the surname at start..end (or right before it) says which generation is meant."""
    after = _NEXT_WORD.match(text, end, min(len(text), end + 24))
    if after:
        key = plain(after.group(1))
        for generation, places in GENERATIONS.items():
            if key in places["after"]:
                with_dot = bool(after.group(2)) and key in _ABBREVIATED  # Jr., мл.
                return generation, start, after.end(2 if with_dot else 1)
    before = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    if before:
        key = plain(before.group(1))
        for generation, places in GENERATIONS.items():
            if key in places["before"]:
                return generation, start, end
    return None


# Places and institutions named after a person (Trump Tower, Nazarbayev University, rue Karimov,
# улица Каримова, Karimov ko'chasi): the name there is the place's, not a mention of the person.
_PLACE_AFTER = re.compile(
    r"\s+(?:(?:International|National|State|Memorial|Presidential|Intellectual|Central|Grand)\s+){0,2}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Square|Tower|Towers|Airport|"
    r"Stadium|University|Foundation|Library|Museum|Bridge|Park|Hotel|School|Schools|Institute|Mosque|Palace)\b"
    r"|\s+(?:ko[’'ʻ‘`]?chasi|ko[’'ʻ‘`]?shesi|көшесі|кўчаси|даңғылы|шоҳкўчаси|xiyoboni|aeroporti|университеті)"
)
_PLACE_BEFORE = frozenset(
    """rue avenue boulevard place aéroport aeroport stade université universite fondation pont lycée lycee
    école ecole улица улицы улице улицу проспект проспекта площадь аэропорт аэропорта университет
    университета фонд бульвар calle avenida plaza aeropuerto universidad fundación fundacion piazza
    aeroporto università universita straße strasse flughafen universität universitat stiftung""".split()
)
_PLACE_LINKS = frozenset("de du des la del di имени им.".split())
_ELIDED = re.compile(r"^[ldLD][’']")


def names_a_place(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] part of the name of a place or institution named after the
    person (a street, an airport, a university)? Looks at the words right after it (Tower, ko'chasi)
    and right before it, past a given name and a linking word (aéroport Islam-Karimov, улица имени)."""
    if _PLACE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 40) : start].split()
    if before and (before[-1].endswith("-") or before[-1][:1].isupper()) and len(before) > 1:
        before.pop()  # the given name: aéroport Islam-Karimov, улица Ислама Каримова
    if before and (before[-1].lower() in _PLACE_LINKS or (_ELIDED.match(before[-1]) and len(before[-1]) == 2)):
        before.pop()
    return bool(before) and _ELIDED.sub("", before[-1]).lower() in _PLACE_BEFORE
