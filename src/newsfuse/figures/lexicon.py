"""The figure lexicons (``newsfuse/resources/figures.toml``), read once into frozen lookups.

Event classes, counted-noun synonyms, modality cues and saying/disputing verbs
are data, not code: each entry there says why it exists, and none names a story.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, str]  # lemma -> event class
    roles: dict[str, str]  # counted noun (lemma or plural) -> role class
    story_only_roles: frozenset[str]  # role classes applied only where the story itself uses the words
    relation_words: frozenset[str]
    unit_nouns: frozenset[str]  # "counts of cyberstalking": the "of" phrase is part of what is counted
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_phrases: tuple[str, ...]
    forecast_aux: frozenset[str]
    forecast_verbs: frozenset[str]
    forecast_nouns: frozenset[str]
    generic_phrases: tuple[str, ...]
    habitual_adverbs: frozenset[str]  # adverbs on the claim's verb that make it what usually happens
    habitual_phrases: tuple[str, ...]  # clause openers that speak of past or recurring years
    cumulative_preps: frozenset[str]  # "since March": a running total
    cumulative_phrases: tuple[str, ...]  # "so far", "to date": a running total
    state_events: frozenset[str]  # event classes that are states ("missing since the blast"): no 'since' scope
    reporting_verbs: frozenset[str]  # "the newspaper found": a past perfect under them is reported, not earlier
    long_suffix: str  # "the year-long uprising": the period's total
    campaign_nouns: frozenset[str]  # "died in the crackdown": the campaign's running total
    campaign_preps: frozenset[str]
    part_preps: frozenset[str]  # "during the first month": a part of the event's period
    area_nouns: frozenset[str]  # "the Idlib area", "Homs province": the name is the place
    event_nouns: frozenset[str]  # "the Nairobi blast": a place named on the event scopes the count
    event_clause_marks: frozenset[str]  # "wounded when a shell struck a gathering in Homs": the clause's place
    other_phrasal: frozenset[str]  # "wound up", "took on": a verb with a particle that names no event of its class
    window_words: frozenset[str]  # "the last 10 games": the window a tally is taken over
    window_ordinal_preps: frozenset[str]  # "eighth in 10 games": the window an ordinal counts within
    difference_words: frozenset[str]  # "two games behind": a gap, not a count
    superseded_adverbs: frozenset[str]  # "initially pegged at 1,000": an earlier value, revised since
    superseded_verbs: frozenset[str]  # verbs of estimating those adverbs date
    superseded_adjectives: frozenset[str]  # "an earlier estimate of 5,000"
    superseded_nouns: frozenset[str]  # estimate nouns those adjectives date
    change_verbs: frozenset[str]  # "rose from 7 to 23": the 'from' value is the value before
    family_nouns: frozenset[str]  # "a mother of two": a description of a person
    increment_before: frozenset[str]
    increment_after: frozenset[str]
    fraction_nouns: frozenset[str]
    ratio_words: frozenset[str]
    name_nouns: frozenset[str]
    call_verbs: frozenset[str]
    name_before: frozenset[str]  # nouns before a numeral that make it a name or level ("stage 4", "Flight 370")
    street_suffixes: frozenset[str]
    depth_words: frozenset[str]  # words after a length that make it a depth
    water_words: frozenset[str]  # what a depth is measured under when it is the water's depth
    drill_verbs: frozenset[str]  # a depth under these is how deep a hole goes
    placeholder_context: frozenset[str]  # measure contexts that say nothing of what is measured ("value")
    same_thing: dict[str, str]  # measured-thing word -> the word its group is read as ("quake" -> "earthquake")
    magnitude_before: frozenset[str]  # "magnitude 6.1": a magnitude
    magnitude_after: tuple[str, ...]  # "6.1 on the Richter scale": a magnitude
    duration_contexts: frozenset[str]  # what a duration can measure a stay in ("21 years in prison")
    term_verbs: frozenset[str]  # verbs that impose a duration as a term ("sentenced to 48 years")
    age_at_words: frozenset[str]  # "died at 86": a bare number after "at" on these is an age
    weight_or_money: frozenset[str]  # unit words that are a weight or a currency ("pound")
    weight_verbs: frozenset[str]  # verbs whose object is a weight ("weighs 17 pounds")
    money_nouns: frozenset[str]  # nouns that make such a unit money ("a 10-pound note")
    distance_after: frozenset[str]  # "two blocks away": a distance
    distance_nouns: frozenset[str]  # "two blocks from the scene": a distance
    distance_nouns_before: frozenset[str]  # words after such a noun that make it a distance
    say_verbs: frozenset[str]
    neutral_verbs: frozenset[str]
    say_with_clause: frozenset[str]  # saying only with a reported clause ("claims that ..."), not with an object
    revised_nouns: frozenset[str]  # "revised its estimate to 5,000": a verb of change on these says the value
    document_nouns: frozenset[str]  # a statement or letter: its issuer is the sayer
    unnamed_modifiers: frozenset[str]  # "media reports": modifiers that leave reports unnamed
    dispute_verbs: frozenset[str]
    life_sparing_verbs: frozenset[str]  # verbs under which "lives" are the living ("saved 200 lives")


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("newsfuse").joinpath("resources/figures.toml").read_text(encoding="utf-8"))
    events = {w: name for name, e in raw["event"].items() for w in e["words"]}
    roles = {w: name for name, r in raw["role"].items() for w in r["words"]}
    m = raw["modality"]
    return Lexicon(
        events=events, roles=roles,
        story_only_roles=frozenset(n for n, r in raw["role"].items() if r.get("story_only")),
        relation_words=frozenset(raw["relation"]["words"]), unit_nouns=frozenset(raw["unit_noun"]["words"]),
        hypothetical_aux=frozenset(m["hypothetical"]["aux"]), hypothetical_marks=frozenset(m["hypothetical"]["marks"]),
        hypothetical_phrases=tuple(m["hypothetical"]["phrases"]),
        forecast_aux=frozenset(m["forecast"]["aux"]), forecast_verbs=frozenset(m["forecast"]["verbs"]),
        forecast_nouns=frozenset(m["forecast"]["nouns"]),
        generic_phrases=tuple(m["generic"]["phrases"]),
        habitual_adverbs=frozenset(m["habitual"]["adverbs"]), habitual_phrases=tuple(m["habitual"]["phrases"]),
        cumulative_preps=frozenset(raw["scope"]["cumulative_preps"]),
        cumulative_phrases=tuple(raw["scope"]["cumulative_phrases"]),
        state_events=frozenset(raw["scope"]["state_events"]), long_suffix=raw["scope"]["long_suffix"],
        campaign_nouns=frozenset(raw["scope"]["campaign_nouns"]), campaign_preps=frozenset(raw["scope"]["campaign_preps"]),
        part_preps=frozenset(raw["scope"]["part_preps"]),
        reporting_verbs=frozenset(raw["scope"]["reporting_verbs"]),
        area_nouns=frozenset(raw["scope"]["area_nouns"]), event_nouns=frozenset(raw["scope"]["event_nouns"]),
        event_clause_marks=frozenset(raw["scope"]["event_clause_marks"]),
        other_phrasal=frozenset(raw["phrasal"]["other"]), window_words=frozenset(m["window"]["words"]),
        window_ordinal_preps=frozenset(m["window"]["ordinal_preps"]),
        difference_words=frozenset(m["difference"]["words"]),
        superseded_adverbs=frozenset(m["superseded"]["adverbs"]), superseded_verbs=frozenset(m["superseded"]["estimate_verbs"]),
        superseded_adjectives=frozenset(m["superseded"]["adjectives"]),
        superseded_nouns=frozenset(m["superseded"]["estimate_nouns"]), change_verbs=frozenset(m["superseded"]["change_verbs"]), family_nouns=frozenset(m["family"]["nouns"]),
        increment_before=frozenset(m["increment"]["before"]), increment_after=frozenset(m["increment"]["after"]),
        fraction_nouns=frozenset(m["proportion"]["fraction_nouns"]), ratio_words=frozenset(m["proportion"]["ratio_words"]),
        name_nouns=frozenset(raw["name"]["nouns_after"]), call_verbs=frozenset(raw["name"]["call_verbs"]),
        name_before=frozenset(raw["name"]["nouns_before"]),
        street_suffixes=frozenset(raw["name"]["street_suffixes"]),
        depth_words=frozenset(raw["measure"]["depth_after"]),
        water_words=frozenset(raw["measure"]["water_surface"]), drill_verbs=frozenset(raw["measure"]["drill_verbs"]),
        placeholder_context=frozenset(raw["measure"]["placeholder_context"]),
        same_thing={w: group.split()[0] for group in raw["measure"]["same_thing"] for w in group.split()},
        magnitude_before=frozenset(raw["measure"]["magnitude_before"]),
        magnitude_after=tuple(raw["measure"]["magnitude_after"]),
        say_verbs=frozenset(raw["attribution"]["say"]), neutral_verbs=frozenset(raw["neutral_verb"]["words"]),
        say_with_clause=frozenset(raw["attribution"]["say_with_clause"]),
        revised_nouns=frozenset(raw["attribution"]["revised"]),
        distance_after=frozenset(raw["distance"]["after"]), distance_nouns=frozenset(raw["distance"]["nouns"]),
        distance_nouns_before=frozenset(raw["distance"]["nouns_before"]),
        weight_or_money=frozenset(raw["weight_or_money"]["words"]),
        weight_verbs=frozenset(raw["weight_or_money"]["weight_verbs"]),
        money_nouns=frozenset(raw["weight_or_money"]["money_nouns"]),
        duration_contexts=frozenset(raw["duration"]["contexts"]), term_verbs=frozenset(raw["duration"]["term_verbs"]),
        age_at_words=frozenset(raw["duration"]["age_at_words"]),
        document_nouns=frozenset(raw["attribution"]["documents"]),
        unnamed_modifiers=frozenset(raw["attribution"]["unnamed"]), dispute_verbs=frozenset(raw["attribution"]["dispute"]),
        life_sparing_verbs=frozenset(raw["life"]["sparing_verbs"]),
    )


def is_event_noun(tok) -> bool:
    """The token names an event counts happen in (``event_nouns``), by its lemma or as written: the one
    test the place and the writer's-clause rules share."""
    events = lexicon().event_nouns
    return tok.lemma_.lower() in events or tok.lower_ in events
