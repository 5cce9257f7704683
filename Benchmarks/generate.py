#!/usr/bin/env python3
"""Deterministic synthetic data for evq's benchmarks.

    generate.py events N OUT.jsonl [--seed S]     N events in the full JSONL form evq writes
    generate.py articles MEGABYTES OUTDIR [--seed S]   a corpus of synthetic news articles (.txt)

The same arguments always give byte-identical output (Python's random.Random with a fixed
seed; no clock, no hash randomisation), so benchmark runs on different days compare.
"""
import json
import random
import sys
import datetime
import os

TYPES = [  # (type, weight)
    ("release", 20), ("pardon", 5), ("amnesty", 3), ("exchange", 2), ("deportation", 5),
    ("sanctions_eased", 5), ("sanctions_imposed", 8), ("meeting", 15), ("arrest", 15),
    ("sentencing", 10), ("award", 2), ("statement", 8), ("protest", 2),
]
CATEGORY = {
    "release": "releases", "pardon": "releases", "amnesty": "releases", "exchange": "releases",
    "deportation": "deportations", "sanctions_eased": "sanctions", "sanctions_imposed": "sanctions",
    "meeting": "meetings", "arrest": "arrests", "sentencing": "arrests", "award": "awards",
    "statement": "statements",
}
STATUS = [("occurred", 80), ("expected", 10), ("denied", 5), ("hypothetical", 5)]
PRECISION = [("day", 60), ("month", 20), ("year", 8), ("range", 7), ("missing", 5)]
QUALIFIER = [(None, 30), ("exact", 45), ("more_than", 8), ("at_least", 5), ("about", 7), ("at_most", 2), ("unspecified", 3)]
COUNT_WORDS = {"more_than": "more than", "at_least": "at least", "about": "about", "at_most": "up to"}

FIRST = ["Ales", "Maria", "Viktar", "Sviatlana", "Pavel", "Ihar", "Maksim", "Olga", "Andrei", "Natalia",
         "John", "Anna", "Siarhei", "Darya", "Yuri", "Elena", "Mikola", "Iryna", "Dmitry", "Tatsiana",
         "Raman", "Volha", "Uladzimir", "Hanna", "Artsiom", "Kseniya", "Leanid", "Marina", "Yauhen", "Alena"]
LAST_A = ["Bia", "Ka", "Tsi", "Lu", "Pro", "Sa", "Ma", "Ba", "Khar", "Lo", "Ze", "Ra", "Vo", "Ha", "Sta", "Du", "Ne", "Ko", "Pa", "Shu"]
LAST_B = ["lia", "les", "kha", "ro", "ma", "ne", "ze", "ko", "ta", "vi", "da", "ru", "sha", "po", "li", "ni", "ga", "mo", "bu", "che"]
LAST_C = ["tski", "nava", "nouskaya", "shenka", "vich", "nka", "kou", "ryn", "eu", "lski", "ntsau", "shyna", "dzin", "kova", "rak"]

COUNTRIES = ["Belarus", "Lithuania", "Poland", "Ukraine", "Latvia", "Russia", "Germany", "United States", "France",
             "Estonia", "Georgia", "Moldova", "Kazakhstan", "Armenia", "Serbia", "Hungary", "Czechia", "Slovakia"]
CITIES = ["Minsk", "Vilnius", "Warsaw", "Kyiv", "Riga", "Moscow", "Berlin", "Washington", "Paris", "Tallinn",
          "Hrodna", "Brest", "Homel", "Mahiliou", "Vitsebsk", "Navapolatsk", "Pinsk", "Baranavichy", "Barysau",
          "Lida", "Salihorsk", "Maladziechna", "Babruisk", "Orsha", "Zhlobin", "Slutsk", "Kaunas", "Klaipeda",
          "Bialystok", "Lublin", "Daugavpils", "Chernihiv", "Lviv", "Geneva", "Vienna", "Prague", "Budapest"]


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def names(rng, n):
    """n distinct 'First Last' names; no name is a substring of another."""
    out, seen = [], set()
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST_A)}{rng.choice(LAST_B)}{rng.choice(LAST_C)}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def month_days(y, m):
    return (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.date(y, m, 1)).days


def date_of(rng):
    p = pick(rng, PRECISION)
    y = rng.choice([2019, 2020, 2021, 2022, 2023, 2024, 2024, 2025, 2025, 2025, 2026])
    m = rng.randint(1, 12)
    d = rng.randint(1, month_days(y, m))
    text = None
    if p == "missing":
        return {"end": None, "precision": "missing", "start": None, "text": rng.choice([None, "recently", "earlier"])}
    if p == "day":
        s = e = datetime.date(y, m, d)
        text = rng.choice([None, s.strftime("%B %d, %Y"), s.strftime("%A")])
    elif p == "month":
        s, e = datetime.date(y, m, 1), datetime.date(y, m, month_days(y, m))
        text = rng.choice([None, s.strftime("%B %Y")])
    elif p == "year":
        s, e = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    else:
        s = datetime.date(y, m, 1)
        e = s + datetime.timedelta(days=rng.randint(30, 700))
        text = rng.choice([None, "since " + s.strftime("%B %Y")])
    return {"end": e.isoformat(), "precision": p, "start": s.isoformat(), "text": text}


def count_of(rng):
    q = pick(rng, QUALIFIER)
    if q is None:
        return None
    if q == "unspecified":
        return {"qualifier": "unspecified", "text": rng.choice(["hundreds", "dozens", "several"]), "value": None}
    v = max(1, int(rng.lognormvariate(2.6, 1.3)))
    v = min(v, 20000)
    text = f"{COUNT_WORDS[q]} {v}" if q in COUNT_WORDS else (str(v) if rng.random() < 0.7 else None)
    return {"qualifier": q, "text": text, "value": v}


def events(n, out, seed):
    rng = random.Random(seed)
    people = names(rng, 3000)
    places = COUNTRIES + CITIES
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for i in range(n):
            t = pick(rng, TYPES)
            status = pick(rng, STATUS)
            total = rng.random() < 0.03
            ev = {
                "actors": rng.sample(people, rng.randint(1, 4)),
                "attributes": {},
                "category": CATEGORY.get(t, "other"),
                "count": count_of(rng),
                "date": date_of(rng),
                "evidence": [],
                "id": f"e{i:07x}",
                "places": rng.sample(places, rng.choice([0, 1, 1, 1, 2, 2, 3])),
                "sources": sorted(f"article-{rng.randint(0, 99999):05d}.txt" for _ in range(rng.choice([1, 1, 1, 2, 3]))),
                "status": status,
                "total": total,
                "type": t,
            }
            if rng.random() < 0.05:
                ev["attributes"] = {"women": str(rng.randint(1, 20)), "men": str(rng.randint(1, 20))}
            f.write(json.dumps(ev, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
            f.write("\n")


SENTENCES = [
    "{city} authorities released {n} prisoners on {weekday}, according to the human rights group Viasna.",
    "{person} said that {n} people had been pardoned by presidential decree.",
    "The United States eased sanctions on the national airline, {person} told reporters in {city}.",
    "{person} met {other} in {city} on {weekday} to discuss the release of political prisoners.",
    "More than {n} political prisoners remain behind bars in {country}, rights groups say.",
    "Police in {city} detained {n} people after a protest, local media reported.",
    "A court in {city} sentenced {person} to {n} years in prison on charges of extremism.",
    "The European Union imposed new sanctions on {country} over the crackdown.",
    "Another group of prisoners was expected to be released before the holidays, {person} said.",
    "{person} was awarded the prize for human rights work in {city}.",
    "Officials declined to comment on the talks, which lasted several hours.",
    "The released prisoners crossed the border into {country} on {weekday} morning.",
]
BOILERPLATE = ["Related Articles", "Hot this week", "Sign up for our newsletter", "Weather: cloudy, 3°C"]


def articles(megabytes, outdir, seed):
    rng = random.Random(seed)
    people = names(rng, 800)
    os.makedirs(outdir, exist_ok=True)
    target, written, k = megabytes * 1_000_000, 0, 0
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    while written < target:
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 730))
        city = rng.choice(CITIES)
        lines = [f"{rng.choice(people)} and {rng.choice(people)}: talks in {city}", "",
                 f"{city.upper()} (AP) — {day.strftime('%A, %B %d, %Y').replace(' 0', ' ')}", ""]
        for _ in range(rng.randint(6, 14)):
            para = " ".join(
                rng.choice(SENTENCES).format(
                    city=rng.choice(CITIES), country=rng.choice(COUNTRIES), person=rng.choice(people),
                    other=rng.choice(people), n=rng.randint(2, 400), weekday=rng.choice(weekdays))
                for _ in range(rng.randint(2, 5)))
            lines += [para, ""]
        lines += rng.sample(BOILERPLATE, 2)
        text = "\n".join(lines) + "\n"
        with open(os.path.join(outdir, f"article-{k:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode("utf-8"))
        k += 1
    print(f"{k} articles, {written / 1e6:.1f} MB in {outdir}")


def main(argv):
    seed = 20251213
    if "--seed" in argv:
        i = argv.index("--seed")
        seed = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if len(argv) == 3 and argv[0] == "events":
        events(int(argv[1]), argv[2], seed)
    elif len(argv) == 3 and argv[0] == "articles":
        articles(int(argv[1]), argv[2], seed)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
