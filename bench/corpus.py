"""A generated, gold-annotated, news-like corpus in fr, en, de and ru.

Documents are built from sentence templates per language: ordinary news prose (assembled from
subject / verb / object / time phrases, with German nouns capitalised as German does, and many
made-up organisation, town and people names that are in no gazetteer) mixed with names taken from
a c5names gazetteer at a news-like density (about one name every 30–60 tokens). A person is named in
full first, then by surname, in the spellings of the document's language: the gazetteer's Latin forms
as written, romanisations of its Cyrillic forms by the language's own convention (several options),
spellings from `name_variants`, and inflected forms (Russian cases, German genitive -s, English
possessive 's, French elision d’). Every inserted name is recorded as a gold mention with the span
conventions of the referee script (fused endings in, apostrophe suffixes and elided articles out).

Everything is drawn from `random.Random(seed)`: the same arguments always give the same corpus.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from c5names.index import name_variants
from c5names.text.translit import has_cyrillic, romanise_word

LANGS = ("fr", "en", "de", "ru")
SCORED_COUNTRIES = ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan", "united-states")


@dataclass
class GoldDoc:
    """One document with its gold mentions (the referee's JSONL format)."""

    id: str
    lang: str
    date: str
    text: str
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {"id": self.id, "lang": self.lang, "date": self.date, "text": self.text, "mentions": self.mentions},
            ensure_ascii=False,
        )


def write_jsonl(docs: Iterable[GoldDoc], path: Path) -> None:
    """Write documents as gold JSONL."""
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(doc.to_json() + "\n")


# -- made-up proper nouns (never in a gazetteer) ---------------------------------------------------
_LAT_SYL = "ka ro ven tal mir dor sel pa ni bru gal fen to ri mon sa lu ber ta vik lor cha pe den rus zo".split()
_CYR_SYL = "ка ро вен тал мир дор сел па ни бру гал фен то ри мон са лу бер та вик лор ча пе ден рус зо".split()


def _coined(rng: random.Random, cyrillic: bool, parts: int | None = None) -> str:
    syl = _CYR_SYL if cyrillic else _LAT_SYL
    word = "".join(rng.choice(syl) for _ in range(parts or rng.choice((2, 3, 3, 4))))
    return word.capitalize()


# -- per-language material --------------------------------------------------------------------------
@dataclass(frozen=True)
class Lang:
    """Sentence material of one language."""

    code: str
    cities: Sequence[str]
    orgs: Sequence[str]
    org_kinds: Sequence[str]  # "{N} Group", "la société {N}": {N} is a coined name
    people: Sequence[str]  # "{G} {F}" patterns for people in no gazetteer
    given: Sequence[str]
    family: Sequence[str]
    subjects: Sequence[str]
    verbs: Sequence[str]
    objects: Sequence[str]
    times: Sequence[str]
    months: Sequence[str]
    person: Sequence[str]  # templates with a person slot {X...}
    country: Sequence[str]  # templates with a country slot {C...}
    countries: dict[str, dict[str, tuple[str, str]]]  # id -> case -> (unannotated prefix, name)
    dateline: str


FR = Lang(
    code="fr",
    cities=[
        "Tachkent",
        "Astana",
        "Bichkek",
        "Douchanbé",
        "Achgabat",
        "Washington",
        "Moscou",
        "Pékin",
        "Paris",
        "Samarcande",
        "Almaty",
        "Och",
        "Boukhara",
        "Genève",
        "Bruxelles",
        "Istanbul",
    ],
    orgs=[
        "l’ONU",
        "l’OTAN",
        "l’AFP",
        "Reuters",
        "la Banque mondiale",
        "le FMI",
        "l’OCS",
        "l’OSCE",
        "Gazprom",
        "la BERD",
        "l’Union européenne",
        "la CEI",
    ],
    org_kinds=[
        "la société {N}",
        "le groupe {N}",
        "l’institut {N}",
        "le cabinet {N}",
        "la fondation {N}",
        "la banque {N}",
    ],
    people=["{G} {F}"],
    given=["Pierre", "Marie", "Jean", "Claire", "Luc", "Sophie", "Antoine", "Camille", "Julien", "Hélène"],
    family=["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Garnier", "Roux", "Fontaine", "Chevalier"],
    subjects=[
        "Le gouvernement",
        "Le ministère de l’Énergie",
        "Les autorités locales",
        "Un porte-parole",
        "Les analystes de {ORG}",
        "Le Parlement",
        "La commission électorale",
        "Plusieurs diplomates",
        "Les observateurs de {ORG}",
        "La délégation",
        "Un haut fonctionnaire",
        "Les entreprises du secteur",
        "Le journaliste {NEWP}",
        "L’économiste {NEWP}",
        "{ORG}",
        "Les habitants de {CITY}",
    ],
    verbs=[
        "a annoncé",
        "a présenté",
        "a critiqué",
        "prépare",
        "a signé",
        "examine",
        "a confirmé",
        "a salué",
        "a reporté",
        "souhaite accélérer",
        "a publié",
        "a démenti",
    ],
    objects=[
        "un nouveau plan d’investissement",
        "la réforme des retraites",
        "un accord sur le gaz",
        "le budget de l’année prochaine",
        "la construction d’un barrage",
        "un programme de coopération",
        "les chiffres de l’inflation",
        "un projet de corridor ferroviaire",
        "la hausse des prix de l’eau",
        "un rapport sur les droits humains",
        "la modernisation des aéroports",
        "les tarifs douaniers",
        "un accord avec {NEWORG}",
        "un contrat avec {NEWORG}",
        "les exportations de coton",
    ],
    times=[
        "lundi",
        "mardi soir",
        "cette semaine",
        "en {MONTH}",
        "depuis {CITY}",
        "à {CITY}",
        "selon {ORG}",
        "d’après des sources proches du dossier",
        "la semaine dernière",
        "jeudi matin",
        "lors d’une conférence de presse",
    ],
    months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre"],
    person=[
        "{X} a reçu {NEWP} à {CITY} pour évoquer {OBJ}.",
        "Selon {ORG}, {X} devrait se rendre à {CITY} en {MONTH}.",
        "{X} a défendu {OBJ} devant les députés.",
        "Interrogé par {ORG}, {X} a refusé de commenter {OBJ}.",
        "La visite {X.de} à {CITY} a été préparée pendant des mois.",
        "Les conseillers {X.de} évoquent {OBJ}.",
        "Dans un entretien accordé à {ORG}, {X} a insisté sur {OBJ}.",
        "« Nous avançons », a déclaré {X} {TIME}.",
        "{X} s’est entretenu avec {NEWP}, représentant de {NEWORG}.",
        "Le bureau {X.de} a confirmé la rencontre {TIME}.",
        "Pour {X}, {OBJ} reste une priorité.",
        "Une photo {X.de} circule sur les réseaux sociaux depuis {MONTH}.",
    ],
    country=[
        "Les échanges commerciaux avec {C} ont augmenté de {NUM} % {TIME}.",
        "{ORG} prévoit une croissance de {NUM} % pour {C}.",
        "Une délégation venue de {CITY} a rencontré des responsables liés à {C}.",
    ],
    countries={
        "kazakhstan": {"nom": ("le ", "Kazakhstan")},
        "uzbekistan": {"nom": ("l’", "Ouzbékistan")},
        "kyrgyzstan": {"nom": ("le ", "Kirghizistan")},
        "tajikistan": {"nom": ("le ", "Tadjikistan")},
        "turkmenistan": {"nom": ("le ", "Turkménistan")},
        "united-states": {"nom": ("les ", "États-Unis")},
    },
    dateline="{CITY_UP}, {DAY} {MONTH} {YEAR} ({AGENCY}) – ",
)

EN = Lang(
    code="en",
    cities=[
        "Tashkent",
        "Astana",
        "Bishkek",
        "Dushanbe",
        "Ashgabat",
        "Washington",
        "Moscow",
        "Beijing",
        "London",
        "Samarkand",
        "Almaty",
        "Osh",
        "Bukhara",
        "Geneva",
        "Brussels",
        "Istanbul",
    ],
    orgs=[
        "the UN",
        "NATO",
        "Reuters",
        "the World Bank",
        "the IMF",
        "the SCO",
        "the OSCE",
        "Gazprom",
        "the EBRD",
        "the European Union",
        "the Associated Press",
        "Bloomberg",
    ],
    org_kinds=["{N} Holdings", "the {N} Group", "the {N} Institute", "{N} Capital", "the {N} Foundation", "{N} Energy"],
    people=["{G} {F}"],
    given=["John", "Mary", "David", "Sarah", "Michael", "Emma", "James", "Laura", "Robert", "Helen", "Peter"],
    family=["Smith", "Miller", "Wilson", "Taylor", "Clarke", "Turner", "Walker", "Hughes", "Baker", "Collins"],
    subjects=[
        "The government",
        "The energy ministry",
        "Local authorities",
        "A spokesman",
        "Analysts at {ORG}",
        "Parliament",
        "The election commission",
        "Several diplomats",
        "Observers from {ORG}",
        "The delegation",
        "A senior official",
        "Companies in the sector",
        "Reporter {NEWP}",
        "Economist {NEWP}",
        "{ORG}",
        "Residents of {CITY}",
    ],
    verbs=[
        "announced",
        "presented",
        "criticised",
        "is preparing",
        "signed",
        "is reviewing",
        "confirmed",
        "welcomed",
        "postponed",
        "wants to speed up",
        "published",
        "denied",
    ],
    objects=[
        "a new investment plan",
        "the pension reform",
        "a gas agreement",
        "next year's budget",
        "the construction of a dam",
        "a cooperation programme",
        "the inflation figures",
        "a railway corridor project",
        "higher water prices",
        "a report on human rights",
        "the modernisation of airports",
        "customs tariffs",
        "a deal with {NEWORG}",
        "a contract with {NEWORG}",
        "cotton exports",
    ],
    times=[
        "on Monday",
        "on Tuesday evening",
        "this week",
        "in {MONTH}",
        "from {CITY}",
        "in {CITY}",
        "according to {ORG}",
        "according to people familiar with the matter",
        "last week",
        "on Thursday morning",
        "at a press conference",
    ],
    months=["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"],
    person=[
        "{X} received {NEWP} in {CITY} to discuss {OBJ}.",
        "According to {ORG}, {X} is expected to travel to {CITY} in {MONTH}.",
        "{X} defended {OBJ} before lawmakers.",
        "Asked by {ORG}, {X} declined to comment on {OBJ}.",
        "{X.poss} visit to {CITY} was months in the making.",
        "Advisers to {X} pointed to {OBJ}.",
        "In an interview with {ORG}, {X} stressed {OBJ}.",
        '"We are making progress," {X} said {TIME}.',
        "{X} held talks with {NEWP}, who represents {NEWORG}.",
        "{X.poss} office confirmed the meeting {TIME}.",
        "For {X}, {OBJ} remains a priority.",
        "A photograph of {X} has circulated on social media since {MONTH}.",
    ],
    country=[
        "Trade with {C} rose by {NUM} percent {TIME}.",
        "{ORG} expects growth of {NUM} percent in {C}.",
        "A delegation from {CITY} met officials from {C}.",
    ],
    countries={
        "kazakhstan": {"nom": ("", "Kazakhstan")},
        "uzbekistan": {"nom": ("", "Uzbekistan")},
        "kyrgyzstan": {"nom": ("", "Kyrgyzstan")},
        "tajikistan": {"nom": ("", "Tajikistan")},
        "turkmenistan": {"nom": ("", "Turkmenistan")},
        "united-states": {"nom": ("the ", "United States")},
    },
    dateline="{CITY_UP}, {MONTH} {DAY} ({AGENCY}) - ",
)

DE = Lang(
    code="de",
    cities=[
        "Taschkent",
        "Astana",
        "Bischkek",
        "Duschanbe",
        "Aschgabat",
        "Washington",
        "Moskau",
        "Peking",
        "Berlin",
        "Samarkand",
        "Almaty",
        "Osch",
        "Buchara",
        "Genf",
        "Brüssel",
        "Istanbul",
    ],
    orgs=[
        "die UNO",
        "die NATO",
        "die Deutsche Presse-Agentur",
        "Reuters",
        "die Weltbank",
        "der IWF",
        "die SOZ",
        "die OSZE",
        "Gazprom",
        "die EBWE",
        "die Europäische Union",
        "die Bundesregierung",
    ],
    org_kinds=[
        "die {N} AG",
        "die {N} Gruppe",
        "das {N} Institut",
        "die {N} Stiftung",
        "die {N} Bank",
        "die {N} Energie GmbH",
    ],
    people=["{G} {F}"],
    given=["Thomas", "Anna", "Michael", "Julia", "Stefan", "Katrin", "Andreas", "Sabine", "Markus", "Claudia"],
    family=["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner", "Koch"],
    subjects=[
        "Die Regierung",
        "Das Energieministerium",
        "Die örtlichen Behörden",
        "Ein Sprecher",
        "Analysten von {ORG}",
        "Das Parlament",
        "Die Wahlkommission",
        "Mehrere Diplomaten",
        "Beobachter von {ORG}",
        "Die Delegation",
        "Ein hoher Beamter",
        "Unternehmen der Branche",
        "Der Journalist {NEWP}",
        "Die Ökonomin {NEWP}",
        "Bewohner von {CITY}",
    ],
    verbs=[
        "kündigte",
        "stellte",
        "kritisierte",
        "prüft",
        "unterzeichnete",
        "bestätigte",
        "begrüßte",
        "verschob",
        "veröffentlichte",
        "dementierte",
    ],
    objects=[
        "einen neuen Investitionsplan",
        "die Rentenreform",
        "ein Gasabkommen",
        "den Haushalt für das nächste Jahr",
        "den Bau eines Staudamms",
        "ein Kooperationsprogramm",
        "die Inflationszahlen",
        "ein Projekt für einen Eisenbahnkorridor",
        "höhere Wasserpreise",
        "einen Bericht über Menschenrechte",
        "die Modernisierung der Flughäfen",
        "die Zolltarife",
        "ein Abkommen mit {NEWORG}",
        "einen Vertrag mit {NEWORG}",
        "die Baumwollexporte",
    ],
    times=[
        "am Montag",
        "am Dienstagabend",
        "in dieser Woche",
        "im {MONTH}",
        "in {CITY}",
        "nach Angaben von {ORG}",
        "nach Informationen aus Regierungskreisen",
        "in der vergangenen Woche",
        "am Donnerstagmorgen",
        "auf einer Pressekonferenz",
    ],
    months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "September", "Oktober", "November"],
    person=[
        "{X} empfing {NEWP} in {CITY}, um über {OBJ} zu sprechen.",
        "Nach Angaben von {ORG} will {X} im {MONTH} nach {CITY} reisen.",
        "{X} verteidigte vor den Abgeordneten {OBJ}.",
        "Auf Nachfrage von {ORG} wollte sich {X} nicht zu {OBJ} äußern.",
        "{X.gen} Besuch in {CITY} wurde monatelang vorbereitet.",
        "Berater von {X} verwiesen auf {OBJ}.",
        "In einem Interview mit {ORG} betonte {X} {OBJ}.",
        "„Wir kommen voran“, sagte {X} {TIME}.",
        "{X} führte Gespräche mit {NEWP}, dem Vertreter von {NEWORG}.",
        "{X.gen} Büro bestätigte das Treffen {TIME}.",
        "Für {X} bleibt {OBJ} eine Priorität.",
        "Ein Foto von {X} kursiert seit {MONTH} in den sozialen Netzwerken.",
    ],
    country=[
        "Der Handel mit {C} stieg {TIME} um {NUM} Prozent.",
        "{ORG} erwartet für {C} ein Wachstum von {NUM} Prozent.",
        "Eine Delegation aus {CITY} traf Vertreter aus {C}.",
    ],
    countries={
        "kazakhstan": {"nom": ("", "Kasachstan")},
        "uzbekistan": {"nom": ("", "Usbekistan")},
        "kyrgyzstan": {"nom": ("", "Kirgisistan")},
        "tajikistan": {"nom": ("", "Tadschikistan")},
        "turkmenistan": {"nom": ("", "Turkmenistan")},
        "united-states": {"nom": ("den ", "USA")},
    },
    dateline="{CITY_UP}, {DAY}. {MONTH} {YEAR} ({AGENCY}) - ",
)

RU = Lang(
    code="ru",
    cities=[
        "Ташкенте",
        "Астане",
        "Бишкеке",
        "Душанбе",
        "Ашхабаде",
        "Вашингтоне",
        "Москве",
        "Пекине",
        "Лондоне",
        "Самарканде",
        "Алматы",
        "Оше",
        "Бухаре",
        "Женеве",
        "Брюсселе",
        "Стамбуле",
    ],
    orgs=[
        "ООН",
        "НАТО",
        "Интерфакс",
        "ТАСС",
        "РИА Новости",
        "Всемирный банк",
        "МВФ",
        "ШОС",
        "ОБСЕ",
        "Газпром",
        "ЕБРР",
        "Евросоюз",
    ],
    org_kinds=["компания «{N}»", "группа «{N}»", "институт «{N}»", "фонд «{N}»", "банк «{N}»"],
    people=["{G} {F}"],
    given=["Иван", "Мария", "Алексей", "Ольга", "Дмитрий", "Елена", "Павел", "Татьяна", "Андрей", "Наталья"],
    family=["Петров", "Смирнова", "Кузнецов", "Соколова", "Лебедев", "Новикова", "Морозов", "Волкова"],
    subjects=[
        "Правительство",
        "Министерство энергетики",
        "Местные власти",
        "Официальный представитель",
        "Аналитики {ORG}",
        "Парламент",
        "Избирательная комиссия",
        "Несколько дипломатов",
        "Наблюдатели {ORG}",
        "Делегация",
        "Высокопоставленный чиновник",
        "Компании отрасли",
        "Журналист {NEWP}",
        "Экономист {NEWP}",
        "Жители города",
    ],
    verbs=[
        "объявило",
        "представило",
        "раскритиковало",
        "готовит",
        "подписало",
        "рассматривает",
        "подтвердило",
        "приветствовало",
        "отложило",
        "опубликовало",
        "опровергло",
    ],
    objects=[
        "новый инвестиционный план",
        "пенсионную реформу",
        "газовое соглашение",
        "бюджет на следующий год",
        "строительство плотины",
        "программу сотрудничества",
        "данные об инфляции",
        "проект железнодорожного коридора",
        "повышение цен на воду",
        "доклад о правах человека",
        "модернизацию аэропортов",
        "таможенные тарифы",
        "соглашение с {NEWORG}",
        "контракт с {NEWORG}",
        "экспорт хлопка",
    ],
    times=[
        "в понедельник",
        "во вторник вечером",
        "на этой неделе",
        "в {MONTH}",
        "в {CITY}",
        "по данным {ORG}",
        "по словам источников",
        "на прошлой неделе",
        "в четверг утром",
        "на пресс-конференции",
    ],
    months=["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "сентябре", "октябре", "ноябре"],
    person=[
        "{X} принял {NEWP} в {CITY}, чтобы обсудить {OBJ}.",
        "По данным {ORG}, {X} посетит {CITY} в {MONTH}.",
        "{X} защищал {OBJ} перед депутатами.",
        "В беседе с {ORG} {X} отказался комментировать {OBJ}.",
        "Визит {X.gen} в город готовился несколько месяцев.",
        "Советники {X.gen} указали на {OBJ}.",
        "В интервью {ORG} {X} подчеркнул {OBJ}.",
        "«Мы движемся вперёд», — заявил {X} {TIME}.",
        "Переговоры с {X.ins} провёл {NEWP}, представитель {NEWORG}.",
        "Пресс-служба {X.gen} подтвердила встречу {TIME}.",
        "По словам {X.gen}, {OBJ} остаётся приоритетом.",
        "Телеграмма {X.dat} была отправлена {TIME}.",
        "Фотография {X.gen} распространяется в соцсетях с {MONTH}.",
    ],
    country=[
        "Товарооборот с {C.ins} вырос на {NUM}% {TIME}.",
        "{ORG} прогнозирует рост экономики {C.gen} на {NUM}%.",
        "Делегация встретилась с представителями {C.gen} в {CITY}.",
        "В {C.loc} прошли консультации по энергетике.",
        "{C} и соседи обсудили {OBJ}.",
    ],
    countries={
        "kazakhstan": {
            "nom": ("", "Казахстан"),
            "gen": ("", "Казахстана"),
            "ins": ("", "Казахстаном"),
            "loc": ("", "Казахстане"),
        },
        "uzbekistan": {
            "nom": ("", "Узбекистан"),
            "gen": ("", "Узбекистана"),
            "ins": ("", "Узбекистаном"),
            "loc": ("", "Узбекистане"),
        },
        "kyrgyzstan": {
            "nom": ("", "Киргизия"),
            "gen": ("", "Киргизии"),
            "ins": ("", "Киргизией"),
            "loc": ("", "Киргизии"),
        },
        "tajikistan": {
            "nom": ("", "Таджикистан"),
            "gen": ("", "Таджикистана"),
            "ins": ("", "Таджикистаном"),
            "loc": ("", "Таджикистане"),
        },
        "turkmenistan": {
            "nom": ("", "Туркмения"),
            "gen": ("", "Туркмении"),
            "ins": ("", "Туркменией"),
            "loc": ("", "Туркмении"),
        },
        "united-states": {"nom": ("", "США"), "gen": ("", "США"), "ins": ("", "США"), "loc": ("", "США")},
    },
    dateline="{DAY}.{MM}.{YEAR} ({AGENCY}) — ",
)

LANG_DATA = {"fr": FR, "en": EN, "de": DE, "ru": RU}
AGENCIES = {"fr": ["AFP", "Reuters"], "en": ["AP", "Reuters"], "de": ["dpa", "AFP"], "ru": ["ТАСС", "Интерфакс"]}


# -- names of gazetteer persons in one language -----------------------------------------------------
@dataclass(frozen=True)
class Form:
    """One structured spelling of a person's name: given words, patronymic words, surname words."""

    given: tuple[str, ...]
    patronymic: tuple[str, ...]
    surname: tuple[str, ...]
    surname_first: bool = False
    suffix: tuple[str, ...] = ()

    def short(self) -> list[str]:
        if self.surname_first:
            return [*self.surname, *self.given]
        return [*self.given, *self.surname, *self.suffix]

    def full(self) -> list[str]:
        if self.surname_first:
            return [*self.surname, *self.given]
        return [*self.given, *self.patronymic, *self.surname, *self.suffix]


@dataclass
class PersonForms:
    """The forms of one entity usable in one language."""

    id: str
    female: bool
    forms: list[Form]
    spellings: list[str]  # full spellings from name_variants for this language
    surname_ok: bool  # False for names that only make sense with their suffix (Jr.)


def _is_latin(text: str) -> bool:
    return all(not c.isalpha() or ("LATIN" in _uname(c)) for c in text)


def _uname(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "")


def _split(given: str, patronymic: str | None, surname: str) -> tuple[tuple[str, ...], ...]:
    return tuple(given.split()), tuple((patronymic or "").split()), tuple(surname.split())


def _pick(rng: random.Random, options: Sequence[str]) -> str:
    if len(options) == 1 or rng.random() < 0.7:
        return options[0]
    return rng.choice(list(options[1:]))


def person_forms(entity: Any, lang: str, rng: random.Random) -> PersonForms | None:
    """Structured forms of a person for a corpus in `lang`, or None when it has none there."""
    names = [n for n in entity.names if n.kind in ("native", "exonym") and n.surname and n.given]
    cyrillic_names = [n for n in names if has_cyrillic(n.given + n.surname)]
    latin_names = [n for n in names if _is_latin(n.given + n.surname)]
    display = entity.name.split()
    surname_first = any(
        display[:1] == n.surname.split()[:1] and display[-1:] == n.given.split()[-1:] for n in latin_names
    )
    forms: list[Form] = []
    if lang == "ru":
        for n in [n for n in cyrillic_names if n.lang == "ru"] or cyrillic_names:
            forms.append(Form(*_split(n.given, n.patronymic, n.surname), surname_first))
    else:
        for n in latin_names:
            suffix = tuple((n.suffix or "").split())
            forms.append(Form(*_split(n.given, n.patronymic, n.surname), surname_first, suffix))
        # Western names are not re-romanised from their Russian exonym (no "Donald Tramp").
        latin_native = any(n.kind == "native" for n in latin_names)
        for n in [n for n in cyrillic_names if n.kind == "native" or not latin_native]:
            source = n.lang or "ru"
            for _ in range(3):
                spelled = [
                    " ".join(_pick(rng, romanise_word(w, lang, source)) if has_cyrillic(w) else w for w in part.split())
                    for part in (n.given, n.patronymic or "", n.surname)
                ]
                forms.append(Form(*_split(*spelled), surname_first))
    forms = list(dict.fromkeys(forms))
    if not forms:
        return None
    want_cyr = lang == "ru"
    spellings = [
        text
        for convention, text, _key in name_variants(entity)
        if (convention == lang or convention == "as written")
        and (has_cyrillic(text) == want_cyr)
        and (want_cyr or _is_latin(text))
    ]
    surname_ok = not any(n.suffix for n in entity.names)
    female = getattr(entity, "gender", None) == "female"
    return PersonForms(entity.id, female, forms, spellings, surname_ok)


# -- inflection ------------------------------------------------------------------------------------
_RU_HARD_SIBILANT = "жшчщц"


def ru_inflect(word: str, case: str, female: bool) -> str:
    """A Russian case form of one name word (nom, gen, dat, ins)."""
    if case == "nom" or not has_cyrillic(word) or not word[-1:].isalpha():
        return word
    low = word.lower()
    if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
        return word[:-1] + "ой"
    if low.endswith(("ов", "ев", "ёв", "ин", "ын")) and not female:
        return word + {"gen": "а", "dat": "у", "ins": "ым"}[case]
    if female and low[-1] not in "ая":
        return word
    if low.endswith("й"):
        return word[:-1] + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    if low.endswith("ь"):
        return word[:-1] + {"gen": "я", "dat": "ю", "ins": "ем"}[case]
    if low.endswith("а"):
        gen = "и" if low[-2:-1] in "гкхжшчщ" else "ы"
        return word[:-1] + {"gen": gen, "dat": "е", "ins": "ой"}[case]
    if low.endswith("я"):
        return word[:-1] + {"gen": "и", "dat": "е", "ins": "ей"}[case]
    if low[-1] in "бвгджзклмнпрстфхцчшщ":
        ins = "ем" if low[-1] in _RU_HARD_SIBILANT else "ом"
        return word + {"gen": "а", "dat": "у", "ins": ins}[case]
    return word


# -- the generator ---------------------------------------------------------------------------------
_SLOT = re.compile(r"\{([A-Z_]+)(?:\.([a-z]+))?\}")


class _Builder:
    """Assembles one document's text and gold spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.mentions: list[dict[str, Any]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def mention(self, text: str, entity_id: str) -> None:
        self.mentions.append({"start": self.size, "end": self.size + len(text), "text": text, "id": entity_id})
        self.add(text)


# Prose sentences before each sentence that names someone: the dense bench corpus (a name every
# 30-43 tokens) and news-like text (a name every ~150 words, as in issue 17).
DENSE_PROSE = (1, 1, 2, 2, 3)
NEWS_PROSE = (10, 12, 14, 16)


class CorpusGenerator:
    """Generates gold documents in one language from the persons of a gazetteer."""

    def __init__(
        self,
        gazetteer: Any,
        lang: str,
        seed: int = 11,
        entity_ids: Sequence[str] | None = None,
        prose: Sequence[int] = DENSE_PROSE,
    ) -> None:
        self.lang = lang
        self.prose = tuple(prose)
        self.data = LANG_DATA[lang]
        self.rng = random.Random(f"{seed}-{lang}")
        ids = list(entity_ids) if entity_ids is not None else [e.id for e in gazetteer if e.type == "person"]
        self.persons: list[PersonForms] = []
        for entity_id in ids:
            forms = person_forms(gazetteer[entity_id], lang, self.rng)
            if forms is not None:
                self.persons.append(forms)
        if not self.persons:
            raise ValueError(f"no person of the gazetteer has a name usable in {lang}")
        self.countries = [c for c in SCORED_COUNTRIES if c in gazetteer]
        # The gazetteer's persons named as the made-up people can be ("James Baker" is one): never written.
        family = frozenset(self.data.family)
        self.known_people = frozenset(
            f"{name.given} {name.surname}"
            for entity in gazetteer
            if entity.type == "person"
            for name in entity.names
            if name.surname in family and name.given
        )
        self.n = 0

    # -- fillers ----------------------------------------------------------------------------
    def _fill(self, b: _Builder, template: str, person: tuple[PersonForms, Form, str] | None = None) -> None:
        pos = 0
        for match in _SLOT.finditer(template):
            b.add(template[pos : match.start()])
            self._slot(b, match.group(1), match.group(2), person)
            pos = match.end()
        b.add(template[pos:])

    def _slot(self, b: _Builder, name: str, case: str | None, person: tuple[PersonForms, Form, str] | None) -> None:
        d, rng = self.data, self.rng
        if name == "X" and person is not None:
            self._person(b, person, case or "nom")
        elif name == "C":
            cid = rng.choice(self.countries) if self.countries else None
            if cid is None:
                b.add("?")
                return
            table = d.countries[cid]
            prefix, text = table.get(case or "nom", table["nom"])
            b.add(prefix)
            b.mention(text, cid)
        elif name == "CITY":
            b.add(rng.choice(d.cities) if rng.random() < 0.8 else self._town())
        elif name == "ORG":
            b.add(rng.choice(d.orgs))
        elif name == "NEWORG":
            b.add(rng.choice(d.org_kinds).replace("{N}", _coined(rng, self.lang == "ru")))
        elif name == "NEWP":
            b.add(self._other_person())
        elif name == "OBJ":
            self._fill(b, rng.choice(d.objects))
        elif name == "TIME":
            self._fill(b, rng.choice(d.times))
        elif name == "MONTH":
            b.add(rng.choice(d.months))
        elif name == "NUM":
            b.add(f"{rng.randint(1, 40)},{rng.randint(0, 9)}" if self.lang != "en" else f"{rng.randint(1, 40)}.5")
        else:
            b.add(name)

    def _town(self) -> str:
        word = _coined(self.rng, self.lang == "ru")
        if self.lang == "ru":
            return word + "е"
        return word

    def _other_person(self) -> str:
        d, rng = self.data, self.rng
        if rng.random() < 0.5:
            return self._nobody(rng.choice(d.given), rng.choice(d.family))
        family = _coined(rng, self.lang == "ru")
        if self.lang == "ru":
            family += rng.choice(("ов", "ский", "ко"))
        return f"{rng.choice(d.given)} {family}"

    def _nobody(self, given: str, family: str) -> str:
        """The made-up person `given family`, or with the next family name of the list where the
        gazetteer has a person so named (without another draw: the rest of the corpus is unchanged)."""
        families = list(self.data.family)
        at = families.index(family)
        for step in range(len(families)):
            name = f"{given} {families[(at + step) % len(families)]}"
            if name not in self.known_people:
                return name
        raise ValueError(f"every family name of the {self.lang} list names a person of the gazetteer with {given}")

    def _person(self, b: _Builder, person: tuple[PersonForms, Form, str], case: str) -> None:
        pf, form, mode = person
        rng = self.rng
        if mode == "spelling":
            last = form.surname[0] if form.surname_first else form.surname[-1]
            fitting = [t for t in pf.spellings if (t.split()[0] if form.surname_first else t.split()[-1]) == last]
            words = rng.choice(fitting).split() if fitting else form.short()
        elif mode == "full":
            words = form.full() if rng.random() < 0.3 else form.short()
        else:
            words = list(form.surname)
        if self.lang == "ru" and case in ("gen", "dat", "ins"):
            # one-word surnames and given + surname names decline; longer forms are left as written
            if mode == "surname" and len(words) == 1:
                words = [ru_inflect(words[0], case, pf.female)]
            elif mode == "full" and form.surname_first:
                words = [*words[:-1], ru_inflect(words[-1], case, pf.female)]
            elif mode != "surname" and len(words) == 2:
                words = [ru_inflect(w, case, pf.female) for w in words]
        text = " ".join(words)
        if case == "poss" and self.lang == "en":
            b.mention(text, pf.id)
            b.add("'s" if not text.endswith("s") else "'")
            return
        if case == "gen" and self.lang == "de":
            if text[-1:] in "sßxz":
                b.mention(text, pf.id)
                b.add("’")
            else:
                b.mention(text + "s", pf.id)
            return
        if case == "de" and self.lang == "fr":
            if text[:1] in "AEIOUYÉÈÊÂÎÔÛH":
                b.add("d’")
            else:
                b.add("de ")
        b.mention(text, pf.id)

    def _prose(self, b: _Builder) -> None:
        d, rng = self.data, self.rng
        subject = rng.choice(d.subjects)
        verb = rng.choice(d.verbs)
        obj = rng.choice(d.objects)
        time = rng.choice(d.times)
        if self.lang == "de":
            tail = {"kündigte": " an", "stellte": " vor"}.get(verb, "")
            sentence = f"{subject} {verb} {time} {obj}{tail}."
        elif self.lang == "ru" and rng.random() < 0.5:
            sentence = f"{time[:1].upper()}{time[1:]} {subject[:1].lower()}{subject[1:]} {verb} {obj}."
        else:
            sentence = f"{subject} {verb} {obj} {time}."
        self._fill(b, sentence[:1].upper() + sentence[1:])

    # -- documents --------------------------------------------------------------------------
    def document(self) -> GoldDoc:
        """One news-like document with 1–3 persons named in full, then by surname."""
        d, rng = self.data, self.rng
        self.n += 1
        year = rng.choice((2024, 2025))
        month = rng.randint(1, 11)
        day = rng.randint(1, 28)
        date = f"{year}-{month:02d}-{day:02d}"
        chosen: list[PersonForms] = []
        surnames: set[str] = set()
        for pf in rng.sample(self.persons, k=min(len(self.persons), rng.choice((1, 2, 2, 3)))):
            form = rng.choice(pf.forms)
            key = " ".join(form.surname).casefold()
            if key in surnames:
                continue
            surnames.add(key)
            chosen.append(pf)
        plan: list[tuple[str, Any]] = []
        for pf in chosen:
            form = rng.choice(pf.forms)
            mode = "spelling" if pf.spellings and rng.random() < 0.15 else "full"
            plan.append(("person", (pf, form, mode)))
            for _ in range(rng.choice((1, 2, 2, 3)) if pf.surname_ok else 0):
                plan.append(("person", (pf, form, "surname")))
        for _ in range(rng.choice((0, 1, 1, 2))):
            plan.insert(rng.randint(0, len(plan)), ("country", None))
        b = _Builder()
        city = rng.choice(d.cities)
        dateline = (
            d.dateline.replace("{CITY_UP}", city.upper())
            .replace("{DAY}", str(day))
            .replace("{MONTH}", rng.choice(d.months))
            .replace("{YEAR}", str(year))
            .replace("{MM}", f"{month:02d}")
            .replace("{AGENCY}", rng.choice(AGENCIES[self.lang]))
        )
        b.add(dateline)
        first_of: set[str] = set()
        for kind, payload in plan:
            for _ in range(rng.choice(self.prose)):
                self._prose(b)
                b.add(" ")
            if kind == "country":
                self._fill(b, rng.choice(d.country))
            else:
                pf, form, mode = payload
                if mode != "surname" and pf.id in first_of:
                    mode = "surname"
                first_of.add(pf.id)
                self._fill(b, rng.choice(d.person), (pf, form, mode))
            b.add(" " if rng.random() < 0.8 else "\n\n")
        self._prose(b)
        text = "".join(b.parts)
        return GoldDoc(f"{self.lang}-{self.n:06d}", self.lang, date, text, b.mentions)

    def corpus(self, target_bytes: int) -> list[GoldDoc]:
        """Documents until their UTF-8 text reaches `target_bytes`."""
        docs: list[GoldDoc] = []
        total = 0
        while total < target_bytes:
            doc = self.document()
            docs.append(doc)
            total += len(doc.text.encode("utf-8"))
        return docs


def build(
    gazetteer: Any, lang: str, target_bytes: int, seed: int = 11, prose: Sequence[int] = DENSE_PROSE
) -> list[GoldDoc]:
    """A corpus of at least `target_bytes` UTF-8 bytes in `lang` from the gazetteer's persons;
    `prose`: how many prose sentences may come before each mention's sentence (one is drawn)."""
    return CorpusGenerator(gazetteer, lang, seed, prose=prose).corpus(target_bytes)


def without_names(docs: Sequence[GoldDoc], seed: int = 13) -> list[str]:
    """The documents' texts with every gold mention replaced by a made-up capitalised name of the same
    script: the same prose, tokens and capitals, but nothing a gazetteer knows (c5names' cost on news
    that names none of its people)."""
    rng = random.Random(seed)
    texts = []
    for doc in docs:
        pieces, cursor = [], 0
        for mention in sorted(doc.mentions, key=lambda m: m["start"]):
            pieces.append(doc.text[cursor : mention["start"]])
            cyrillic = not _is_latin(mention["text"])
            pieces.append(" ".join(_coined(rng, cyrillic) for _ in mention["text"].split()))
            cursor = mention["end"]
        pieces.append(doc.text[cursor:])
        texts.append("".join(pieces))
    return texts
