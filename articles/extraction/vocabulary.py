"""The spellings Indonesian news uses for the same office or election, stated once.

Search (both sides of the index), role comparison and the extraction rules all read these, so that
"wako" means wali kota everywhere and "pilbup" is a Pilkada wherever "pilwako" is.
"""

# Each office's short forms as news writes them, and the level of the region it governs.
OFFICE_FORMS = {
    "kota": {
        "wali kota": ("walikota", "walkot", "wako"),
        "wakil wali kota": ("wawali", "wawalkot"),
        "calon wali kota": ("cawalkot", "cawako"),
        "calon wakil wali kota": ("cawawalkot", "cawawali"),
    },
    "kabupaten": {
        "bupati": (),
        "wakil bupati": ("wabup",),
        "calon bupati": ("cabup",),
        "calon wakil bupati": ("cawabup",),
    },
    "provinsi": {
        "gubernur": (),
        "wakil gubernur": ("wagub",),
        "calon gubernur": ("cagub",),
        "calon wakil gubernur": ("cawagub",),
    },
}
# The election of each level, by its short names: all of them are a Pilkada.
ELECTIONS = {
    "kota": ("pilwako", "pilwalkot", "pilwali", "pilwalikota"),
    "kabupaten": ("pilbup",),
    "provinsi": ("pilgub",),
}
ELECTION = "pilkada"
ELECTION_SYNONYMS = ("pemilukada",)
ACTING = {"pj": "penjabat"}  # "Pj Bupati" is "Penjabat Bupati"


def variants():
    """{short form: canonical words}: "wako" → ("wali", "kota"), "pilbup" → ("pilkada",)."""
    found = {}
    for offices in OFFICE_FORMS.values():
        for canonical, forms in offices.items():
            for form in forms:
                found[form] = tuple(canonical.split())
    for forms in ELECTIONS.values():
        for form in forms:
            found[form] = (ELECTION,)
    for form in ELECTION_SYNONYMS:
        found[form] = (ELECTION,)
    for form, canonical in ACTING.items():
        found[form] = (canonical,)
    return found


def level_words():
    """{word: level} for every word that names an office or election of a level: "wako" → "kota"."""
    found = {}
    for level, offices in OFFICE_FORMS.items():
        for canonical, forms in offices.items():
            found[canonical.split()[-1] if level != "kota" else "walikota"] = level
            for form in forms:
                found[form] = level
    for level, forms in ELECTIONS.items():
        for form in forms:
            found[form] = level
    return found


def office_pattern(level):
    """A regex alternation of every way news names the offices and the election of a level."""
    words = set(ELECTIONS[level])
    for canonical, forms in OFFICE_FORMS[level].items():
        words.add(canonical.split()[-1] if level != "kota" else r"wali\s*kota")
        words.update(forms)
    return "|".join(sorted(words, key=len, reverse=True))


def election_names():
    """Every name of a regional election: "pilkada", "pemilukada", "pilbup", "pilwako" …"""
    return (ELECTION, *ELECTION_SYNONYMS, *(form for forms in ELECTIONS.values() for form in forms))


def candidate_forms():
    """Short forms of a candidacy: "cabup", "cawagub", "cawalkot" …"""
    return tuple(
        form
        for offices in OFFICE_FORMS.values()
        for canonical, forms in offices.items()
        if canonical.startswith("calon")
        for form in forms
    )
