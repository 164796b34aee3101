"""Synthetic gazetteers of N persons, written as c5names YAML, for the scale benchmarks.

Every person has a native Cyrillic name (given + patronymic + surname, in the naming style of one of
Russia, Kazakhstan, Kyrgyzstan, Uzbekistan, Tajikistan or Turkmenistan: -ов/-ев/-ова/-ин, Kazakh -ұлы,
Kyrgyz "уулу", Tajik -зода …), an English display name and exonym, a gender, a birth date and one to
three offices. Given names and surname roots come from lists of real Central Asian and Russian names
plus syllable-built roots, so surnames collide as they do in real data (many namesakes) while the
vocabulary of keys keeps growing with N. Everything is drawn from a `random.Random(seed)`, so the
same N and seed always give byte-identical files.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

PERSONS_PER_FILE = 5_000

# -- name material ---------------------------------------------------------------------------------
MALE_GIVEN: dict[str, list[str]] = {
    "ru": "Сергей Алексей Дмитрий Игорь Андрей Михаил Пётр Николай Владимир Виктор Юрий Олег Евгений Павел "
    "Константин Геннадий Вадим Руслан Ильдар Рамиль Тимур Денис Максим Роман Артём Григорий Борис".split(),
    "kk": "Нұрлан Ерлан Асхат Дамир Қайрат Марат Серік Дәурен Арман Бауыржан Асылбек Мұрат Нұрсұлтан Болат "
    "Талғат Жандос Нұржан Азамат Ерболат Әсет Ғалым Ақан Қасым Бақыт Олжас Ермек Серікжан".split(),
    "ky": "Айбек Бакыт Алмаз Улан Садыр Камчыбек Темир Адилет Бектур Чыңгыз Кубанычбек Нурбек Эрлан "
    "Жыргалбек Мирлан Сооронбай Жээнбек Акылбек Өмүрбек Түгөлбай Үсөн Алмазбек Курманбек Таалайбек".split(),
    "uz": "Шавкат Баҳтиёр Азиз Рустам Фаррух Жасур Ойбек Улуғбек Шуҳрат Ботир Дилшод Сардор Отабек Жаҳонгир "
    "Анвар Акмал Баҳодир Бекзод Алишер Зафар Ўткир Ғайрат Ҳамид Абдулла Искандар Санжар Равшан".split(),
    "tg": "Эмомали Рустам Фирдавс Фаридун Шерали Хуршед Ҷамшед Далер Раҳмон Суҳроб Парвиз Баҳром Қодир "
    "Ғафур Кохир Сироҷиддин Муҳриддин Бахтовар Зоир Абдуқодир Нуриддин Шоҳин Ҷонибек".split(),
    "tk": "Гурбангулы Сердар Мердан Довлет Батыр Байрам Мекан Аман Рашид Сапармурат Чарымурат Ширали "
    "Агаджан Ораз Бегенч Мыратберди Худайберди Язмурат Гельдимурат Какаджан".split(),
}
FEMALE_GIVEN: dict[str, list[str]] = {
    "ru": "Наталья Елена Ольга Светлана Марина Ирина Татьяна Анна Валентина Людмила Ксения Вероника".split(),
    "kk": "Айгерім Айжан Асель Динара Жанна Дана Гүлшат Әйгерім Сәуле Мөлдір Ақмарал Назерке".split(),
    "ky": "Бермет Чолпон Жылдыз Айнура Гүлнара Айпери Нуржамал Роза Асел Мээрим Айзада".split(),
    "uz": "Дилноза Нигора Малика Севара Шаҳноза Феруза Моҳира Гулнора Мунира Зарина Ҳилола Дилором".split(),
    "tg": "Мадина Тахмина Сабина Зарина Гулрухсор Манижа Фарзона Ҷамила Озода Нигина Шаҳло".split(),
    "tk": "Таджигуль Огулджан Огулгерек Бахар Джемал Гулшат Майса Акджагуль Энеджан Сельби".split(),
}
SURNAME_ROOTS: dict[str, list[str]] = {
    "ru": "Иван Петр Смирн Кузнец Сокол Лебед Козл Новик Мороз Волк Зайц Павл Семён Голуб Виноград Беляк "
    "Орл Медвед Тихон Фёдор Громык Макар Никит Ершов".split(),
    "kk": "Тока Назарбай Сагинтай Бектен Қасым Жақып Сәрсен Төлеу Әбіл Мамин Ахмет Нұрғали Жұмағали "
    "Бекмұхамбет Сұлтанғази Оспан Ержан Қожахмет Әбдірахман".split(),
    "ky": "Жапар Ташы Атамбай Жээнбек Кулуба Касымали Бакир Осмон Турсунбай Сатыбалды Мамыт Үсөн Акаев "
    "Омурбек Байсал Дүйшөн Кадыр Нурмат Асанбек".split(),
    "uz": "Карим Юсуп Раҳим Аҳмед Исмоил Абдулла Мирзиё Ари Саид Усмон Эргаш Тоҳтасин Ҳамид Азим Норм "
    "Ғулом Рашид Қодир Хўжа Раҳмат Собир Икром".split(),
    "tg": "Раҳмон Расул Қодир Саид Муҳриддин Ғафур Насрулло Шариф Назар Султон Ҳасан Ҷалол Давлат".split(),
    "tk": "Бердымухамед Ниязов Мередов Атаджан Гельдимурад Мамед Байрам Аманнияз Ораз Хыдыр Бегенч".split(),
}
SYLLABLES = (
    "ба бек ту ра нур жан тал мур ас ыл ер да ку ман са ли хан ши зо до ров гул ай ка ри мо та на ма ха "
    "ди ша ке ро ус ар ом ат иб ур оз ам ин ал бо жу"
).split()

STYLE_WEIGHTS = {"ru": 2, "kk": 3, "ky": 2, "uz": 3, "tg": 2, "tk": 1}
COUNTRY_OF_STYLE = {
    "ru": "russia",
    "kk": "kazakhstan",
    "ky": "kyrgyzstan",
    "uz": "uzbekistan",
    "tg": "tajikistan",
    "tk": "turkmenistan",
}
COUNTRIES = {
    "kazakhstan": ("Kazakhstan", ["Kazakhstan", "Казахстан", "Kasachstan"]),
    "kyrgyzstan": ("Kyrgyzstan", ["Kyrgyzstan", "Киргизия", "Kirgisistan"]),
    "uzbekistan": ("Uzbekistan", ["Uzbekistan", "Узбекистан", "Usbekistan"]),
    "tajikistan": ("Tajikistan", ["Tajikistan", "Таджикистан", "Tadschikistan"]),
    "turkmenistan": ("Turkmenistan", ["Turkmenistan", "Туркмения", "Turkmenien"]),
    "russia": ("Russia", ["Russia", "Россия", "Russland"]),
}
OFFICES = [
    ("Minister of Agriculture of {c}", "minister"),
    ("Minister of Finance of {c}", "minister"),
    ("Minister of Energy of {c}", "minister"),
    ("Minister of Health of {c}", "minister"),
    ("Deputy Prime Minister of {c}", "deputy_head_of_government"),
    ("Governor of a region of {c}", "governor"),
    ("Mayor of the capital of {c}", "mayor"),
    ("Member of Parliament of {c}", "legislator"),
    ("Ambassador of {c}", "diplomat"),
    ("Chair of the Central Bank of {c}", "official"),
    ("Prosecutor General of {c}", "official"),
]

_EN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i", "ў": "o", "ҳ": "h", "ӣ": "i", "ӯ": "u", "ҷ": "j",
}  # fmt: skip


def english(word: str) -> str:
    """A simple BGN/PCGN-like English romanisation (independent of the engine's own rules)."""
    out = []
    for pos, ch in enumerate(word):
        low = ch.lower()
        piece = _EN.get(low, low)
        if low == "е" and (pos == 0 or word[pos - 1].lower() in "аеёиоуыэюяәөұүі"):
            piece = "ye"
        out.append(piece.capitalize() if ch.isupper() else piece)
    return "".join(out)


def slug(text: str) -> str:
    """Lowercase ASCII slug (letters, digits, single hyphens)."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# -- people ----------------------------------------------------------------------------------------
@dataclass
class Person:
    """One synthetic person, already in the shape of the YAML entity."""

    id: str
    style: str
    gender: str
    given: str
    patronymic: str | None
    surname: str
    en_given: str
    en_surname: str
    birth: str
    offices: list[tuple[str, str, str, str, str | None]]  # role, kind, country, start, end


def _root(rng: random.Random, style: str) -> str:
    if rng.random() < 0.55:
        return rng.choice(SURNAME_ROOTS[style])
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
    return word.capitalize()


def _surname(rng: random.Random, style: str, female: bool) -> str:
    root = _root(rng, style)
    roll = rng.random()
    if style == "tg" and roll < 0.6:
        return root + "зода"
    if style == "kk" and roll < 0.1:
        return root + ("қызы" if female else "ұлы")
    if style == "ky" and roll < 0.08:
        return root + (" кызы" if female else " уулу")
    if roll < 0.12 and root[-1] not in "аеиоуыэюяёӣ":
        return root + ("ина" if female else "ин")
    if root.endswith("й"):
        stem, end = root[:-1], "ев"
    elif root[-1] in "аеиоуыэюяёжшчщцӣь":
        stem, end = root.rstrip("ь"), "ев"
    else:
        stem, end = root, "ов"
    return stem + end + ("а" if female else "")


def _patronymic(rng: random.Random, style: str, female: bool) -> str | None:
    father = rng.choice(MALE_GIVEN[style])
    roll = rng.random()
    if style == "tg" and roll < 0.5:
        return None
    if style == "kk" and roll < 0.4:
        return father + ("қызы" if female else "ұлы")
    if style == "ky" and roll < 0.4:
        return father + (" кызы" if female else " уулу")
    if style == "uz" and roll < 0.3:
        return father + (" қизи" if female else " ўғли")
    if father.endswith("й"):
        return father[:-1] + ("евна" if female else "евич")
    if father[-1] in "аеиоуыэюяёӣь":
        return father.rstrip("ь") + ("евна" if female else "евич")
    return father + ("овна" if female else "ович")


def _date(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def people(n: int, seed: int = 7) -> list[Person]:
    """N persons, deterministic for a given seed."""
    rng = random.Random(seed)
    styles = list(STYLE_WEIGHTS)
    weights = list(STYLE_WEIGHTS.values())
    out: list[Person] = []
    for k in range(n):
        style = rng.choices(styles, weights)[0]
        female = rng.random() < 0.22
        given = rng.choice((FEMALE_GIVEN if female else MALE_GIVEN)[style])
        surname = _surname(rng, style, female)
        patronymic = _patronymic(rng, style, female)
        en_given = english(given)
        en_surname = " ".join(english(w) for w in surname.split())
        offices = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            role, kind = rng.choice(OFFICES)
            country = COUNTRY_OF_STYLE[style] if rng.random() < 0.9 else rng.choice(list(COUNTRIES))
            start_year = rng.randint(1995, 2024)
            end = _date(rng, start_year + 1, 2025) if rng.random() < 0.6 and start_year < 2025 else None
            start = _date(rng, start_year, start_year)
            if end and end < start:
                end = None
            offices.append((role.format(c=COUNTRIES[country][0]), kind, country, start, end))
        out.append(
            Person(
                id=f"{slug(en_surname)}-{slug(en_given)}-{k:06d}",
                style=style,
                gender="female" if female else "male",
                given=given,
                patronymic=patronymic,
                surname=surname,
                en_given=en_given,
                en_surname=en_surname,
                birth=_date(rng, 1940, 1995),
                offices=offices,
            )
        )
    return out


# -- YAML ------------------------------------------------------------------------------------------
def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def person_yaml(p: Person) -> str:
    """One entity in the gazetteer format of c5names/schema.py."""
    lines = [
        f"  - id: {p.id}",
        "    type: person",
        f"    name: {_q(p.en_given + ' ' + p.en_surname)}",
        f"    gender: {p.gender}",
        f"    birth_date: {_q(p.birth)}",
        "    names:",
        f"      - given: {_q(p.en_given)}",
        f"        surname: {_q(p.en_surname)}",
        "        lang: en",
        "        script: Latn",
        "        kind: exonym",
        f"      - given: {_q(p.given)}",
    ]
    if p.patronymic:
        lines.append(f"        patronymic: {_q(p.patronymic)}")
    lines += [
        f"        surname: {_q(p.surname)}",
        f"        lang: {p.style}",
        "        script: Cyrl",
        "        kind: native",
        "    offices:",
    ]
    for role, kind, country, start, end in p.offices:
        lines += [f"      - role: {_q(role)}", f"        kind: {kind}", f"        country: {country}"]
        lines.append(f"        start: {_q(start)}")
        if end:
            lines.append(f"        end: {_q(end)}")
    return "\n".join(lines) + "\n"


def countries_yaml() -> str:
    """The country entities that the synthetic offices refer to."""
    lines = ["version: 1", "entities:"]
    for cid, (name, forms) in COUNTRIES.items():
        lines += [f"  - id: {cid}", "    type: country", f"    name: {_q(name)}", "    aliases:"]
        lines += [f"      - form: {_q(form)}" for form in forms]
    return "\n".join(lines) + "\n"


def write_gazetteer(folder: Path, n: int, seed: int = 7) -> list[Person]:
    """Write countries.yaml and persons-NNN.yaml (5,000 persons a file) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "countries.yaml").write_text(countries_yaml(), encoding="utf-8")
    persons = people(n, seed)
    for part, first in enumerate(range(0, n, PERSONS_PER_FILE)):
        chunk = persons[first : first + PERSONS_PER_FILE]
        text = "version: 1\nentities:\n" + "".join(person_yaml(p) for p in chunk)
        (folder / f"persons-{part:03d}.yaml").write_text(text, encoding="utf-8")
    return persons
