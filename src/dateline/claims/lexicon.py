"""Word lists of the claims grammar: number words, hedges, counted nouns, states, speech verbs.

Kept as data so the grammar in ``quantities``/``measure``/``attribution`` stays short.
"""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SCALE_SUFFIX = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "k": 1_000, "tn": 1_000_000_000_000}

# Vague plurals: "dozens" .. "millions". A documented convention: the smallest plural
# (2x) up to just below the next order of magnitude; always approximate.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999), "hundreds of millions": (200_000_000, 999_999_999),
    "millions": (2_000_000, 9_999_999), "billions": (2_000_000_000, 9_999_999_999),
}

# Hedges before a number: (approximate, bound). bound: "lower" = at least, "upper" = at most.
HEDGES: dict[str, tuple[bool, str | None]] = {
    "about": (True, None), "around": (True, None), "approximately": (True, None),
    "roughly": (True, None), "some": (True, None), "nearly": (True, None), "almost": (True, None),
    "an estimated": (True, None), "estimated": (True, None), "close to": (True, None),
    "perhaps": (True, None), "possibly": (True, None), "maybe": (True, None),
    "at least": (False, "lower"), "more than": (True, "lower"), "over": (True, "lower"),
    "upwards of": (True, "lower"), "in excess of": (True, "lower"), "no fewer than": (False, "lower"),
    "well over": (True, "lower"), "well above": (True, "lower"), "above": (True, "lower"),
    "up to": (True, "upper"), "as many as": (True, "upper"), "fewer than": (True, "upper"),
    "less than": (True, "upper"), "under": (True, "upper"), "at most": (False, "upper"),
    "no more than": (False, "upper"), "as much as": (True, "upper"), "as high as": (True, "upper"),
    "topped": (False, "lower"), "exceeded": (False, "lower"), "surpassed": (False, "lower"),
}

# Counted nouns, normalised: what a figure counts. Plural and singular forms.
NOUNS: dict[str, str] = {}
for _canon, _forms in {
    "people": ["people", "persons", "person", "individuals", "residents", "inhabitants",
               "victims", "lives", "casualties", "survivors", "patients", "men",
               "women", "children", "families", "citizens", "nationals", "foreigners",
               "migrants", "refugees", "protesters", "demonstrators", "civilians", "passengers",
               "prisoners", "detainees", "orphans", "students", "volunteers", "doctors", "journalists",
               "martyrs", "nurses", "pilgrims", "hostages", "tourists", "expatriates", "evacuees",
               # people named by age or sex ("an 11-year-old girl", "two female co-workers")
               "girls", "boys", "teenagers", "teens", "youths", "adults", "babies", "infants", "males", "females",
               "crowd"],
    "staff": ["staff", "personnel", "employees", "crew", "members", "workers"],
    "bodies": ["bodies", "corpses", "body"],
    "deaths": ["deaths", "death", "fatalities", "dead"],
    "injuries": ["injuries", "injured", "wounded"],
    "soldiers": ["soldiers", "troops", "marines", "peacekeepers", "servicemen", "police", "officers",
                 "policemen", "guards", "sailors", "airmen", "forces", "deputies"],
    "rebels": ["rebels", "fighters", "militants", "insurgents", "opposition fighters", "militiamen",
               "mercenaries", "gunmen", "loyalists", "defectors"],
    "aircraft": ["aircraft", "planes", "jets", "helicopters", "warplanes", "drones", "aeroplanes", "airplanes"],
    "air strikes": ["sorties", "airstrikes", "air strikes", "strikes", "raids", "air raids"],
    "munitions": ["missiles", "bombs", "rockets", "shells", "mortars"],
    "vehicles": ["tanks", "vehicles", "trucks", "cars", "armoured vehicles"],
    "ships": ["ships", "vessels", "boats", "warships", "ferries", "tankers", "frigates", "ferry boats"],
    "flights": ["flights"],
    "barrels": ["barrels", "barrel", "gallons", "gallon", "litres", "liters"],
    "tonnes": ["tonnes", "tons", "tonne", "ton", "metric tonnes", "metric tons"],
    "buildings": ["buildings", "houses", "homes", "schools", "hospitals", "shelters", "tents",
                  "camps"],
    "countries": ["countries", "nations", "states"],
    "meals": ["meals", "rations", "kits"],
}.items():
    for _f in _forms:
        NOUNS[_f] = _canon

for _plural, _canon in list(NOUNS.items()):
    if _plural.endswith("ies"):
        NOUNS.setdefault(_plural[:-3] + "y", _canon)
    elif _plural.endswith("s") and not _plural.endswith("ss"):
        NOUNS.setdefault(_plural[:-1], _canon)
NOUNS.update({"man": "people", "woman": "people", "child": "people", "person": "people"})
for _w in ("live", "force", "state", "strike", "member"):
    NOUNS.pop(_w, None)

# Physical measures and durations: a number with these is not a claim of the story.
NOT_COUNTS = {
    "years", "year", "decades", "decade", "centuries", "century", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "minute", "seconds", "second", "miles", "mile", "km", "kilometres", "kilometers",
    "metres", "meters", "feet", "ft", "yards", "inches", "mph", "kph", "degrees", "magnitude",
    "am", "pm", "gmt", "bst", "edt", "est", "cet", "percent", "per", "times", "points", "pages",
    "votes", "seats", "mm", "cm", "kg", "kilograms", "pounds", "lb", "acres", "hectares", "sq",
    "square", "mbps", "ghz", "bpd", "thirds", "third", "quarters", "quarter", "halves", "fifths", "tenths",
}

# What happened to those counted; the state is part of the measure.
STATES: list[tuple[str, tuple[str, ...]]] = [
    ("recovered", ("collected", "recovered", "buried", "retrieved", "pulled from the rubble", "pulled out",
                   "removed", "picked up")),
    ("killed", ("killed", "dead", "died", "die", "death toll", "deaths", "death", "lost their lives",
                "perished", "slain", "massacred", "executed", "fatalities", "toll")),
    ("injured", ("injured", "wounded", "hurt", "injuries", "casualties")),
    ("missing", ("missing", "unaccounted")),
    ("homeless", ("homeless", "without shelter", "lost their homes")),
    ("displaced", ("displaced", "fled", "flee", "fleeing", "evacuated", "refugees", "uprooted")),
    ("affected", ("affected",)),
    ("arrested", ("arrested", "detained", "captured", "held", "jailed", "prisoners")),
    ("rescued", ("rescued", "pulled alive", "saved")),
    ("deployed", ("deployed", "sent", "sending", "arrived", "dispatched", "strong")),
]

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "tell", "estimated", "estimates", "estimate",
    "reported", "reports", "report", "confirmed", "confirms", "believes", "believed", "stated",
    "announced", "announces", "claimed", "claims", "added", "counted", "put", "puts", "warned",
    "warns", "insisted", "insists", "quoted", "cited", "suggested", "suggests", "calculated",
    "acknowledged", "admitted", "denied", "denies", "disputed", "disputes", "rejected", "rejects",
    "maintained", "maintains", "declared", "indicated", "promised", "pledged", "predicted",
    "identified", "identifies",  # "police identified the victim as Jane Doe, 47"
)
