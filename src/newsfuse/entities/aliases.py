"""When two names can be the same entity: keys, acronyms, spelling variants.

Pure string functions over names, used by ``alias_clusters`` to merge
mentions across outlets. Each rule exists because a real cluster forced it:

- ``name_key`` folds what outlets vary without changing the referent:
  accents ("Saïd"/"Said"), hyphens and the "al-"/"al "/"el " article
  ("al-Qaeda"/"Al Qaeda"/"Qaeda"), dots ("U.S."), plural slips ("US Mineral
  Management Services"), corporate suffixes ("Transocean Ltd.", "BP PLC"),
  the country prefix of an agency ("the US Coast Guard"/"the Coast Guard")
  and common transliterations ("Abdul"/"Abdel").
- ``is_acronym_of`` links "MMS", "NOAA", "NYSE", "U.S." to their long forms.
- ``similar_names`` accepts spelling variants of the same length in tokens
  ("In Amenas"/"Ain Amenas") but, for people, only when the surname keys
  are equal, so "Mary Landry" never joins "Mary Landrieu".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

import jellyfish
from gender_guesser.detector import Detector
from nicknames import NickNamer
from rapidfuzz import fuzz

from ..words import resource_rows

#: Whole-name similarity (rapidfuzz ``ratio``, 0-100) above which two keys
#: with the same token count are taken as spelling variants. Calibrated on
#: both labelled clusters: "in amena"/"ain amena" scores 94 (same town,
#: in-amenas); "mary landry"/"mary landrieu" 87 and "stanley murray"/"chad
#: murray" 61 (different people, deepwater-horizon) stay below it.
SIMILAR_NAME_RATIO = 90

#: First-name similarity for two person names whose surnames match
#: ("Omar Abdul Rahman"/"Omar Abdel-Rahman" fold to equal keys anyway;
#: this admits "Mohammed"/"Mohamed"-type variants not in the table below).
SIMILAR_FIRST_NAME_RATIO = 80

#: A misspelt surname within one article ("Etkins" for "Etkin", deepwater-horizon)
#: scores 91; "Landry"/"Landrieu" 71.
SIMILAR_SURNAME_RATIO = 90

#: Surnames whose metaphone keys agree and whose spelling is this close (rapidfuzz ratio) are
#: variants of one name ("zelensky"/"zelenskyy" 94, "zelenskiy"/"zelensky" 94); "landry"/
#: "landrieu" share a key but score 71 and are two people (deepwater-horizon).
PHONETIC_SURNAME_RATIO = 85
#: Given names that start alike for this many letters and whose metaphone keys extend one
#: another are one name's forms ("Randy"/"Randall", "Stan"/"Stanley").
GIVEN_NAME_PREFIX = 3

FUNCTION_WORDS = frozenset({"of", "and", "&", "the", "for", "in", "on", "de", "du", "des", "la", "le"})
LEADING_ARTICLES = frozenset({"al", "el", "the"})
CORPORATE_SUFFIXES = frozenset({"plc", "ltd", "inc", "corp", "co", "llc", "sa", "ag", "nv", "limited", "corporation"})
#: Country prefixes that outlets add to or drop from an agency's name.
COUNTRY_PREFIXES = frozenset({"us", "u s", "uk", "british", "american"})

#: Transliteration variants that fuzzy ratios on short tokens cannot be trusted with.
TRANSLITERATIONS = {
    "abdul": "abd", "abdel": "abd", "abdal": "abd", "abdoul": "abd",
    "mohammed": "mohamed", "muhammad": "mohamed", "mohammad": "mohamed", "muhammed": "mohamed",
    "mohamad": "mohamed", "mahomed": "mohamed",
    "qaida": "qaeda", "qa'ida": "qaeda",
    "gadhafi": "gaddafi", "qaddafi": "gaddafi", "kadhafi": "gaddafi", "qadhafi": "gaddafi",
}

_SPLIT = re.compile(r"[\s\-‐–—_/]+")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, accents off, typographic apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=65536)
def key_tokens(text: str) -> tuple[str, ...]:
    """The tokens of a name that identify it (see the module docstring for each fold)."""
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold(text))
    raw = [t.strip(".,'\"()[]") for t in _SPLIT.split(folded.replace(".", " ").strip())]
    tokens = [t[:-2] if t.endswith("'s") else t for t in raw if t]
    while len(tokens) > 1 and tokens[0] in LEADING_ARTICLES:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in CORPORATE_SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) >= 3 and tokens[0] in COUNTRY_PREFIXES:
        tokens = tokens[1:]
    tokens = _after_titles(tokens)
    # Function words inside a name vary ("Minerals and Management Service"); a leading one is the name ("In Amenas").
    tokens = tokens[:1] + [t for t in tokens[1:] if t not in FUNCTION_WORDS]
    tokens = [TRANSLITERATIONS.get(t, t) for t in tokens]
    return tuple(_singular(t) for t in tokens)


@lru_cache(maxsize=1)
def _given_names() -> Detector:
    """The first-name dictionary of gender-guesser (about 40,000 given names of many countries): read
    once, on the first question."""
    return Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """A capitalised word the first-name dictionary knows ("Brock", "Hosni", "Kirsten"). An acronym
    ("AP") or a word in capitals is no given name, whatever the dictionary holds."""
    return word[:1].isupper() and not word.isupper() and word.isalpha() and _given_names().get_gender(word) != "unknown"


def person_shaped(form: str) -> bool:
    """Two or three capitalised words opening with a given name ("Brock Turner", "Donald Trump"): a
    person's name, whatever type the tagger gave it. The small model calls many surnames and some
    full names ORG (report and tune splits: "Brock Turner", "Donald Trump" typed ORG)."""
    words = form.split()
    return 2 <= len(words) <= 3 and is_given_name(words[0]) and all(w[:1].isupper() for w in words)


def _word_list(name: str) -> frozenset[str]:
    """The first column of a word list in ``resources`` (word<TAB>reason)."""
    return frozenset(row[0].strip() for row in resource_rows(name))


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Role words written before a name (resources/person_titles.tsv, one reason per entry)."""
    return _word_list("person_titles.tsv")


@lru_cache(maxsize=1)
def surname_particles() -> frozenset[str]:
    """Words that open a two-word surname (resources/surname_particles.tsv, one reason per entry)."""
    return _word_list("surname_particles.tsv")


def particle_surname(tokens: Sequence[str]) -> bool:
    """A surname particle and one word ("lo presti", "de france"): a surname alone, not a given name
    and a surname."""
    return len(tokens) == 2 and tokens[0] in surname_particles()


def _alias_table(name: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {place_words(r[0]): place_words(r[1]) for r in resource_rows(name) if len(r) >= 2}


@lru_cache(maxsize=1)
def place_aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """A country's other name -> its name, as ``place_words`` (resources/place_aliases.tsv)."""
    return _alias_table("place_aliases.tsv")


@lru_cache(maxsize=1)
def org_aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """An institution's short name -> its name, as ``place_words`` (resources/org_aliases.tsv)."""
    return _alias_table("org_aliases.tsv")


@lru_cache(maxsize=1)
def distinct_short_names() -> frozenset[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(short name, longer name) pairs where the short name is another institution's, never a clipped
    form of the longer one: "House" is not "White House" (resources/distinct_short_names.tsv)."""
    return frozenset(_alias_table("distinct_short_names.tsv").items())


#: Generic head words of organisation, place and facility names ("... University", "Gulf of ...").
HEAD_HINTS: Mapping[str, str] = {
    **dict.fromkeys(
        "university department service agency administration guard party ministry council committee company "
        "campaign club brigade battalion press exchange bank institute association union network corp plc "
        "ltd inc brother holding".split(), "ORG"),
    **dict.fromkeys("gulf sea sound bay ocean desert river mountain coast peninsula island islands lake valley "
                    "strait".split(), "LOC"),
    **dict.fromkeys("airport station tower bridge".split(), "FAC"),
    **dict.fromkeys("war".split(), "EVENT"),
}


def place_words(text: str) -> tuple[str, ...]:
    """A place name's words as written, folded, without dots or a leading "the" ("The U.S." ->
    ("us",)): the form ``place_aliases`` are matched on, with no plural slip."""
    words = [w.strip(".,'\"()") for w in fold(text).replace(".", "").split()]
    words = [w for w in words if w]
    return tuple(words[1:] if words[:1] == ["the"] else words)


def _after_titles(tokens: list[str]) -> list[str]:
    """A name without the role words written before it: "Coast Guard Adm. Thad Allen" -> "thad allen",
    "Director James Comey" -> "james comey", and a role before a surname alone ("President Obama",
    "Dr Murray", "Inspector Gaskin") -> the surname, which then joins a full name as a surname does
    (the report splits: each stayed apart from the full name). A role word that titles the next one
    ("Vice President", "Prime Minister") is no name's title."""
    titles = person_titles()
    last = max((k for k, t in enumerate(tokens[:-1]) if t in titles), default=None)
    if last is None or tokens[last + 1] in titles:
        return tokens
    rest = tokens[last + 1 :]
    if len(rest) == 1 and rest[0] in HEAD_HINTS:
        return tokens  # "Police Department", "Justice Department": an organisation, no titled surname
    return rest if len(rest) >= 2 or len(tokens) == 2 else tokens


def _singular(token: str) -> str:
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def name_key(text: str) -> str:
    state = US_STATE_ABBREVIATIONS.get(text.strip())
    return state.lower() if state else " ".join(key_tokens(text))


#: AP-style US state abbreviations ("Monterey, La.", "D-Fla."); with the dot
#: only, so the Spanish/French article "La" is never read as Louisiana.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington", "Wis.": "Wisconsin", "W.Va.": "West Virginia",
    "Wyo.": "Wyoming",
}


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text.strip()))


@lru_cache(maxsize=65536)
def initials(text: str, *, with_function_words: bool = False) -> str:
    words = [w for w in _SPLIT.split(text.strip()) if w]
    words = [w for w in words if fold(w) not in CORPORATE_SUFFIXES | {"the"}]
    if not with_function_words:
        words = [w for w in words if fold(w) not in FUNCTION_WORDS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


@lru_cache(maxsize=65536)
def is_acronym_of(short: str, long: str) -> bool:
    """ "NOAA" of "National Oceanic and Atmospheric Administration", "U.S." of "United States"."""
    if not is_acronym(short) or is_acronym(long) or len(_SPLIT.split(long.strip())) < 2:
        return False
    letters = acronym_letters(short)
    if len(letters) == 2:  # "UK" is not "University of Kinshasa": two letters must account for every word
        return letters == initials(long, with_function_words=True)
    full = expansion_initials(long)
    # A partial expansion without its generic last word: "New York Police" of "NYPD".
    return letters in full or (len(letters) >= PARTIAL_ACRONYM_LETTERS and letters[:-1] in full)


def acronym_letters(short: str) -> str:
    """The letters an acronym spells: "U.S." -> "US"."""
    return short.replace(".", "").upper()


@lru_cache(maxsize=65536)
def expansion_initials(long: str) -> frozenset[str]:
    """Every run of initials an acronym of ``long`` may spell (with and without function words,
    and without a leading "US"/"UK"). ``is_acronym_of`` accepts only letters in this set or,
    for a partial expansion, letters whose first ones are in it; alias blocking indexes it."""
    words = long.split()
    forms = [long] + ([" ".join(words[1:])] if len(words) > 2 and fold(words[0]).replace(".", "") in {"us", "uk"} else [])
    return frozenset(i for f in forms for i in (initials(f), initials(f, with_function_words=True)))


#: Shortest acronym matched by a partial expansion (all letters but the last).
PARTIAL_ACRONYM_LETTERS = 4


def similar_names(a: str, b: str, *, person: bool) -> bool:
    """Spelling variants of one name (same token count, near-identical keys)."""
    ka, kb = key_tokens(a), key_tokens(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) != len(kb) or len(ka) < 2 and len(ka[0]) < 5:
        return False
    if re.findall(r"\d+", " ".join(ka)) != re.findall(r"\d+", " ".join(kb)):
        return False  # "BBC Radio 1" and "BBC Radio 5", "Apollo 11" and "Apollo 13": numbers tell them apart
    if contrasted(ka, kb):
        return False  # "Eastern Europe" and "Western Europe", "World War I" and "World War II"
    if person:
        if _initials_differ(ka[1:-1], kb[1:-1]):
            return False  # "George W. Bush" and "George H.W. Bush": father and son (report7 split)
        return same_surname(ka[-1], kb[-1]) and (
            fuzz.ratio(" ".join(ka[:-1]), " ".join(kb[:-1])) >= SIMILAR_FIRST_NAME_RATIO
            or (len(ka) == 2 and given_name_forms(ka[0], kb[0])))
    return fuzz.ratio(" ".join(ka), " ".join(kb)) >= SIMILAR_NAME_RATIO


@lru_cache(maxsize=1)
def contrast_words() -> dict[str, str]:
    """Word -> its contrast group (resources/contrast_words.tsv, one reason per entry)."""
    return {f[0]: f[1] for f in resource_rows("contrast_words.tsv")}


def contrasted(ka: Sequence[str], kb: Sequence[str]) -> bool:
    """Two names of as many tokens that differ, at some position, by two words of one contrast group:
    "Eastern Europe" and "Western Europe" are two regions, not one name spelt two ways (report14
    split: merged as spelling variants, edit distance two)."""
    groups = contrast_words()
    return len(ka) == len(kb) and any(
        x != y and (group := groups.get(x.lower())) is not None and group == groups.get(y.lower())
        for x, y in zip(ka, kb, strict=True))


def _initials_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Both names give middle initials and they are not the same initials."""
    return bool(a) and bool(b) and a != b and all(len(t) <= 3 for t in a + b)


@lru_cache(maxsize=65536)
def phonetic(token: str) -> str:
    """Metaphone key of one name token (jellyfish), for spelling and transliteration variants."""
    return jellyfish.metaphone(token) if token.isalpha() else token


def same_surname(a: str, b: str) -> bool:
    """Equal, or one surname spelt two ways: same metaphone key and near-identical letters."""
    return a == b or (phonetic(a) == phonetic(b) and fuzz.ratio(a, b) >= PHONETIC_SURNAME_RATIO)


@lru_cache(maxsize=1)
def _nick_namer() -> NickNamer:
    """The ``nicknames`` package's hand-curated table of English given names and their familiar
    forms: read once, on the first question."""
    return NickNamer()


@lru_cache(maxsize=4096)
def familiar_form(a: str, b: str) -> bool:
    """One given name is a familiar form of the other in the curated table ("katie"/"kathryn",
    "hank"/"henry", "bob"/"robert"), whatever their spelling shares (report17, report: "Katie
    Jenkin" apart from "Kathryn Jenkin", "Hank Paulson" from "Henry M. Paulson Jr.")."""
    table = _nick_namer()
    return a in table.nicknames_of(b) or b in table.nicknames_of(a)


def given_name_forms(a: str, b: str) -> bool:
    """A given name and its short or familiar form ("randy"/"randall"): same opening letters,
    one metaphone key extending the other; or a pair the table of familiar forms holds."""
    if a == b or familiar_form(a, b):
        return True
    if len(a) < GIVEN_NAME_PREFIX or len(b) < GIVEN_NAME_PREFIX or a[:GIVEN_NAME_PREFIX] != b[:GIVEN_NAME_PREFIX]:
        return False
    pa, pb = phonetic(a), phonetic(b)
    return pa.startswith(pb) or pb.startswith(pa)


def is_short_form(short: str, full: str) -> bool:
    """ "Belmokhtar" of "Mokhtar Belmokhtar", "Le Drian" of "Jean-Yves Le Drian", "Etkins" of "... Etkin"."""
    ks, kf = short_form_tokens(short), full_name_tokens(full)
    if not ks or len(ks) >= len(kf) or (place_words(short), place_words(full)) in distinct_short_names():
        return False
    if kf[-len(ks) :] == ks:
        return True
    return len(ks) == 1 and len(ks[0]) >= 5 and fuzz.ratio(ks[0], kf[-1]) >= SIMILAR_SURNAME_RATIO


def short_form_tokens(short: str) -> tuple[str, ...]:
    """The key tokens ``is_short_form`` compares of a short form."""
    ks = key_tokens(short)
    return tuple(t for t in ks if t not in FUNCTION_WORDS) or ks  # "Le Drian": the particle is inner in the full name


def full_name_tokens(full: str) -> tuple[str, ...]:
    """The key tokens ``is_short_form`` compares of a full name (without "Sr."/"Jr.")."""
    return _strip_generation(key_tokens(full))


def is_place_short_form(short: str, full: str) -> bool:
    """ "Gulf" of "Gulf of Mexico" (the head of an "X of Y" name), "Amenas" of "In Amenas" (the
    name without a leading particle); never "Africa" of "North Africa" or "China" of "Air China"."""
    ks, kf = key_tokens(short), key_tokens(full)
    words = fold(full).split()
    if len(ks) != 1 or len(kf) < 2:
        return False
    if 3 <= len(words) <= 4 and words[1] == "of" and ks[0] == kf[0]:
        return True
    return kf[-1] == ks[0] and all(len(t) <= PLACE_PREFIX_CHARS for t in kf[:-1])


#: Longest leading word a place name may drop ("In Amenas" -> "Amenas", "El Paso" -> "Paso").
#: "Air China" is not China (MEANTIME airbus) and "North Africa" not Africa (in-amenas), so 2.
PLACE_PREFIX_CHARS = 2


def conflicting_people(a: str, b: str) -> bool:
    """Two full names with one surname and different first names: different people.

    "Stanley Murray"/"Chad Murray", "Carolyn Kemp"/"Roy Wyatt Kemp"
    (deepwater-horizon). A suffix ("Sr.", "Jr.") also separates father and son ("Donald Trump Jr.",
    "Karl Kleppinger Sr."), but for a "Jr." written with a middle initial, the formal style of a name
    its bearer goes by plainly ("Eric H. Holder Jr." and "Eric Holder", report16).
    """
    ka, kb = key_tokens(a), key_tokens(b)
    if len(ka) < 2 or len(kb) < 2 or particle_surname(ka) or particle_surname(kb):
        return False  # "Lo Presti" is a surname alone, no "Lo" of the family
    if _generation(ka) != _generation(kb) and not (_formal_junior(ka, kb) or _formal_junior(kb, ka)):
        return True
    ka, kb = _strip_generation(ka), _strip_generation(kb)
    if ka[-1] != kb[-1]:
        return False
    return fuzz.ratio(ka[0], kb[0]) < SIMILAR_FIRST_NAME_RATIO and not given_name_forms(ka[0], kb[0])


_GENERATIONS = frozenset({"sr", "jr", "ii", "iii", "iv"})


def _formal_junior(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """``a`` is first name, middle initial(s), surname and "Jr."; ``b`` the plain first and last name."""
    return len(a) >= 4 and a[-1] == "jr" and all(len(t) == 1 for t in a[1:-2]) and len(b) == 2


def _generation(tokens: tuple[str, ...]) -> str:
    return tokens[-1] if tokens[-1] in _GENERATIONS else ""


def _strip_generation(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tokens[:-1] if len(tokens) > 2 and tokens[-1] in _GENERATIONS else tokens
