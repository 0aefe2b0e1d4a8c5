"""Content checks for data/questions.yaml, the shipped question catalogue.

These tests read the file with plain ``yaml.safe_load`` (not the app's loader) and check what it
says: every question from the Verywell Mind article is there, the extra questions are marked as
going beyond the article and name their source, the red flags and cost roles exist, and the
information sections have the right number of items. A table of checked claims ties each claim
the app shows to the source that says it (see docs/content-review.md); those tests read the
catalogue through the app's loader, so they see the display text a reader sees.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from ketachecklist.core.catalogue import Catalogue, InfoSection, load_catalogue

CATALOGUE_PATH = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"

SET_IDS = ("evaluation", "experience", "administration", "cost")
KINDS = {"rating", "yes_no", "money", "count", "text", "cost"}
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# One (set id, key phrase) pair per Verywell question; the compound third Experience question
# ("Ask about numbers, outcomes, ... registry ..., how they follow outcomes ..., and how they
# coordinate your care ...") is split into its five parts.
ARTICLE_QUESTIONS = [
    # Evaluation (6)
    ("evaluation", "actually evaluating"),  # Who is actually evaluating you ...?
    ("evaluation", "base their evaluation on"),  # What does this person base ... on?
    ("evaluation", "how much time"),  # How much time do they spend on their evaluation?
    ("evaluation", "primary care"),  # ... your primary care physician or therapist?
    ("evaluation", "address substance"),  # How do they address substance abuse?
    ("evaluation", "same physician"),  # ... the same physician who provides treatment?
    # Experience (2 + 5 parts)
    ("experience", "severe mood and anxiety disorders"),  # a psychiatrist who specializes ...
    ("experience", "ketamine infusion experience"),  # extent of ... infusion experience
    ("experience", "how many patients"),  # part 1: numbers
    ("experience", "outcomes do your patients"),  # part 2: outcomes
    ("experience", "registry"),  # part 3: a registry of their own patient data and results
    ("experience", "during a treatment course and afterward"),  # part 4: follow-up
    ("experience", "coordinate my care"),  # part 5: coordination with everyone else
    # Administration and Monitoring (7)
    ("administration", "specifically iv"),  # Is the route ... specifically IV?
    ("administration", "computerized infusion pump"),
    ("administration", "dose adjusted"),  # ... during infusions or throughout the course?
    ("administration", "how often are doses"),
    ("administration", "standardized"),  # Is the adjustment standardized or does it vary?
    ("administration", "vital signs"),  # continuous monitoring of your vital signs
    ("administration", "psychologically during and after"),
    # Cost (2)
    ("cost", "how much does this treatment cost"),  # ... and does your insurance cover it?
    ("cost", "rounds of ketamine"),  # How many rounds of ketamine are recommended?
]

ARTICLE_QUESTION_COUNTS = {"evaluation": 6, "experience": 7, "administration": 7, "cost": 2}

# The extra questions DESIGN.md asks for, each going beyond the article with its own source.
EXTRA_QUESTION_PHRASES = [
    "rems",
    "acls",
    "informed consent",
    "psychotherapy",
    "endpoint",
    "whole course",
    "support person",
]

# Red flags the sources support; each is found by words in its label.
REQUIRED_RED_FLAGS = {
    "vital-sign monitoring": ("vital",),
    "substance use screening": ("substance",),
    "contact with own doctor or therapist": ("doctor", "therapist"),
    "psychiatrist involved": ("psychiatrist",),
}

# Items from the Verywell article (plain text: the section's source) per section; the label's
# contraindications and common effects are added as items with their own source (counted below).
INFORMATION_ITEM_COUNTS = {
    "apa-pretreatment-steps": 3,
    "interfering-conditions": 7,
    "side-effects": 9,
    "warning-signs": 11,
}
LABEL_ITEM_COUNTS = {"interfering-conditions": 3, "side-effects": 7}

ROLE_KINDS = {"cost_details": "cost", "sessions_recommended": "count", "course_price": "money"}


class _DuplicateKeyCheckingLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a repeated key (plain safe_load silently keeps the last)."""


def _construct_mapping_without_duplicates(
    loader: _DuplicateKeyCheckingLoader, node: yaml.MappingNode
) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise AssertionError(f"duplicate key {key!r} on line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_DuplicateKeyCheckingLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_without_duplicates
)


@pytest.fixture(scope="module")
def raw_text() -> str:
    return CATALOGUE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue(raw_text: str) -> dict[str, Any]:
    data = yaml.safe_load(raw_text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def loaded() -> Catalogue:
    return load_catalogue(CATALOGUE_PATH)


@pytest.fixture(scope="module")
def questions(catalogue: dict[str, Any]) -> list[dict[str, Any]]:
    return catalogue["questions"]


@pytest.fixture(scope="module")
def source_ids(catalogue: dict[str, Any]) -> set[str]:
    return {source["id"] for source in catalogue["sources"]}


def information_section(catalogue: Catalogue, section_id: str) -> InfoSection:
    return next(s for s in catalogue.information if s.id == section_id)


def _text(question: dict[str, Any]) -> str:
    return " ".join(question["text"].split()).lower()


def _questions_matching(questions: list[dict[str, Any]], phrase: str) -> list[dict[str, Any]]:
    return [q for q in questions if phrase in _text(q)]


# --------------------------------------------------------------------------- file and header


def test_file_has_no_duplicate_keys(raw_text: str) -> None:
    loader = _DuplicateKeyCheckingLoader(raw_text)
    try:
        assert isinstance(loader.get_single_data(), dict)
    finally:
        loader.dispose()


def test_file_uses_no_anchors_aliases_or_tags(raw_text: str) -> None:
    forbidden = (yaml.AnchorToken, yaml.AliasToken, yaml.TagToken)
    found = [token for token in yaml.scan(raw_text) if isinstance(token, forbidden)]
    assert found == []


def test_file_contains_no_web_addresses(raw_text: str) -> None:
    assert "http" not in raw_text.lower()
    assert "www." not in raw_text.lower()


def test_header(catalogue: dict[str, Any]) -> None:
    assert catalogue["format"] == "ketachecklist-catalogue"
    assert catalogue["schema_version"] == 2
    assert catalogue["id"] == "ketachecklist-standard"
    assert isinstance(catalogue["version"], str)
    assert catalogue["title"].strip()
    disclaimer = catalogue["disclaimer"].lower()
    assert "not medical advice" in disclaimer
    assert "doctor" in disclaimer


def test_sources_are_well_formed(catalogue: dict[str, Any]) -> None:
    ids = [source["id"] for source in catalogue["sources"]]
    assert len(ids) == len(set(ids))
    for source in catalogue["sources"]:
        assert ID_PATTERN.fullmatch(source["id"]), source["id"]
        assert set(source) <= {"id", "title", "publisher", "note", "short"}
        assert source["title"].strip()
        assert source["publisher"].strip()
        assert source["short"].strip(), source["id"]  # items name their source by it
    assert {
        "verywell",
        "draxe",
        "apa-2017",
        "spravato-rems",
        "spravato-label",
        "asa-ketamine-2025",
        "askp3-at-home-2024",
        "ama-informed-consent",
        "samhsa-988",
    } <= set(ids)


def _item_text(item: str | dict[str, str]) -> str:
    return item if isinstance(item, str) else item["text"]


def test_every_source_is_used(catalogue: dict[str, Any]) -> None:
    used = {q["source"] for q in catalogue["questions"]}
    used |= {section["source"] for section in catalogue["information"]}
    used |= {
        item["source"]
        for section in catalogue["information"]
        for item in section["items"]
        if isinstance(item, dict)
    }
    assert {source["id"] for source in catalogue["sources"]} == used


def test_sets(catalogue: dict[str, Any]) -> None:
    assert tuple(s["id"] for s in catalogue["sets"]) == SET_IDS
    for question_set in catalogue["sets"]:
        assert question_set["title"].strip()
        assert question_set["description"].strip()


# ------------------------------------------------------------------------------- questions


def test_question_ids_are_unique_and_well_formed(questions: list[dict[str, Any]]) -> None:
    ids = [q["id"] for q in questions]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for question in questions:
        assert ID_PATTERN.fullmatch(question["id"]), question["id"]
        assert question["id"].startswith(question["set"] + "-"), question["id"]


def test_every_question_is_complete(questions: list[dict[str, Any]], source_ids: set[str]) -> None:
    allowed_keys = {
        "id",
        "set",
        "text",
        "why",
        "reassuring",
        "concerning",
        "kind",
        "source",
        "beyond_article",
        "red_flag",
        "unit",
        "role",
        "applies_to",
    }
    treatments = {"iv_infusion", "spravato", "intramuscular", "oral", "other"}
    for question in questions:
        name = question["id"]
        assert set(question) <= allowed_keys, name
        assert question["set"] in SET_IDS, name
        for key in ("text", "why", "reassuring", "concerning"):
            assert isinstance(question[key], str), (name, key)
            assert question[key].strip(), (name, key)
        assert question["kind"] in KINDS, name
        assert question["source"] in source_ids, name
        assert isinstance(question["beyond_article"], bool), name
        assert set(question.get("applies_to", [])) <= treatments, name


def test_units_only_on_count_questions(questions: list[dict[str, Any]]) -> None:
    for question in questions:
        if "unit" in question:
            assert question["kind"] == "count", question["id"]
            assert question["unit"].strip(), question["id"]


def test_red_flags_are_well_formed(questions: list[dict[str, Any]]) -> None:
    for question in questions:
        if "red_flag" not in question:
            continue
        flag = question["red_flag"]
        assert question["kind"] == "yes_no", question["id"]
        assert set(flag) == {"when", "label"}, question["id"]
        # quoted in the file: a bare no would load as the boolean False
        assert flag["when"] in {"no", "yes"}, question["id"]
        assert isinstance(flag["label"], str), question["id"]
        assert flag["label"].strip(), question["id"]


@pytest.mark.parametrize("flag_name", sorted(REQUIRED_RED_FLAGS))
def test_required_red_flag_exists(questions: list[dict[str, Any]], flag_name: str) -> None:
    keywords = REQUIRED_RED_FLAGS[flag_name]
    labels = [q["red_flag"]["label"].lower() for q in questions if "red_flag" in q]
    assert any(any(word in label for word in keywords) for label in labels), labels


@pytest.mark.parametrize(("set_id", "phrase"), ARTICLE_QUESTIONS)
def test_article_question_present(
    questions: list[dict[str, Any]], set_id: str, phrase: str
) -> None:
    matches = [q for q in _questions_matching(questions, phrase) if q["set"] == set_id]
    assert len(matches) == 1, [q["id"] for q in matches]
    question = matches[0]
    assert question["beyond_article"] is False
    assert question["source"] == "verywell"


def test_article_phrases_point_at_distinct_questions(questions: list[dict[str, Any]]) -> None:
    found = [
        next(q["id"] for q in _questions_matching(questions, phrase) if q["set"] == set_id)
        for set_id, phrase in ARTICLE_QUESTIONS
    ]
    assert len(found) == len(set(found))


def test_article_question_counts_per_set(questions: list[dict[str, Any]]) -> None:
    counts = Counter(q["set"] for q in questions if not q["beyond_article"])
    assert dict(counts) == ARTICLE_QUESTION_COUNTS
    assert sum(ARTICLE_QUESTION_COUNTS.values()) == len(ARTICLE_QUESTIONS)


def test_article_questions_cite_verywell(questions: list[dict[str, Any]]) -> None:
    for question in questions:
        if not question["beyond_article"]:
            assert question["source"] == "verywell", question["id"]


@pytest.mark.parametrize("phrase", EXTRA_QUESTION_PHRASES)
def test_extra_question_present(questions: list[dict[str, Any]], phrase: str) -> None:
    extras = [q for q in _questions_matching(questions, phrase) if q["beyond_article"]]
    assert extras, f"no beyond-article question mentions {phrase!r}"
    for question in extras:
        assert question["source"] != "verywell", question["id"]


def test_questions_never_call_anything_safe(catalogue: dict[str, Any]) -> None:
    safe_word = re.compile(r"\bsafe(ly|ty|r|st)?\b", re.IGNORECASE)
    texts = [
        (q["id"], q[key])
        for q in catalogue["questions"]
        for key in ("text", "why", "reassuring", "concerning")
    ]
    texts += [
        (section["id"], _item_text(item))
        for section in catalogue["information"]
        for item in section["items"]
    ]
    assert [(name, text) for name, text in texts if safe_word.search(text)] == []


# ------------------------------------------------------------------------------------ roles


@pytest.mark.parametrize(("role", "kind"), sorted(ROLE_KINDS.items()))
def test_role_appears_once_with_right_kind(
    questions: list[dict[str, Any]], role: str, kind: str
) -> None:
    holders = [q for q in questions if q.get("role") == role]
    assert len(holders) == 1, [q["id"] for q in holders]
    assert holders[0]["kind"] == kind
    assert holders[0]["set"] == "cost"


def test_only_known_roles(questions: list[dict[str, Any]]) -> None:
    assert {q["role"] for q in questions if "role" in q} <= set(ROLE_KINDS)


def test_sessions_recommended_counts_sessions(questions: list[dict[str, Any]]) -> None:
    holder = next(q for q in questions if q.get("role") == "sessions_recommended")
    assert holder["unit"] == "sessions"


# ------------------------------------------------------------------------------ information


def test_information_sections_name_existing_sources(
    catalogue: dict[str, Any], source_ids: set[str]
) -> None:
    ids = [section["id"] for section in catalogue["information"]]
    assert len(ids) == len(set(ids))
    for section in catalogue["information"]:
        assert set(section) <= {"id", "title", "source", "note", "items"}, section["id"]
        assert ID_PATTERN.fullmatch(section["id"]), section["id"]
        assert section["title"].strip(), section["id"]
        assert section["source"] in source_ids, section["id"]
        for item in section["items"]:
            if isinstance(item, dict):
                assert set(item) == {"text", "source"}, section["id"]
                assert item["source"] in source_ids, (section["id"], item)
            assert isinstance(_item_text(item), str), section["id"]
            assert _item_text(item).strip(), section["id"]


@pytest.mark.parametrize(("section_id", "count"), sorted(INFORMATION_ITEM_COUNTS.items()))
def test_information_section_item_count(
    catalogue: dict[str, Any], section_id: str, count: int
) -> None:
    section = next(s for s in catalogue["information"] if s["id"] == section_id)
    plain = [item for item in section["items"] if isinstance(item, str)]
    assert len(plain) == count
    sourced = [item for item in section["items"] if isinstance(item, dict)]
    assert len(sourced) == LABEL_ITEM_COUNTS.get(section_id, 0)
    assert all(item["source"] == "spravato-label" for item in sourced)


def test_cost_and_course_facts_cover_both_articles(loaded: Catalogue) -> None:
    """Built from both articles (and the label), every fact names its own source."""
    section = information_section(loaded, "cost-and-course-facts")
    assert len(section.items) >= 6
    assert len(section.item_sources) == len(section.items)
    assert {"verywell", "draxe"} <= set(section.item_sources)
    for item, source_id in zip(section.items, section.item_sources, strict=True):
        short = loaded.source(source_id).short  # type: ignore[union-attr]
        assert short in item, item  # the reader sees who says it
    assert any("$350" in i and "$1,000" in i for i in section.items)
    assert any("$495" in i and "$570" in i for i in section.items)


# ------------------------------------------------------------------- claims checked by hand

# Information items checked against their source: (a phrase of the item, the source that says
# it, words the item must also carry, e.g. the year of a price). See docs/content-review.md.
ITEM_CLAIMS = [
    ("until the next day, after a restful sleep", "spravato-label", ("Spravato",)),
    ("twice a week in weeks 1 to 4", "spravato-label", ("weeks 5 to 8", "every 2 weeks")),
    ("at least 2 hours after each dose", "spravato-rems", ("certified",)),
    ("$350 to $1,000", "verywell", ("Verywell Mind", "no date")),
    ("$495 to $570", "draxe", ("2019", "Dr. Axe")),
    ("usually not covered ketamine", "draxe", ("2019", "off-label")),
    ("prior authorization", "spravato-withme", ("Spravato", "FDA-approved")),
    ("6 to 8 infusions over", "verywell", ("3 to 4 weeks",)),
    ("About 25%", "draxe", ("already improved", "45%", "placebo", "esketamine")),
    ("aneurysm", "spravato-label", ("arteriovenous malformation",)),
    ("intracerebral hemorrhage", "spravato-label", ()),
    ("allergy to esketamine or ketamine", "spravato-label", ()),
    ("(dissociation)", "spravato-label", ()),
    ("(vertigo)", "spravato-label", ()),
    ("(nausea)", "spravato-label", ()),
    ("(sedation)", "spravato-label", ()),
    ("(anxiety)", "spravato-label", ()),
    ("40 minutes after a Spravato dose", "spravato-label", ("4 hours",)),
    ("Bladder problems", "spravato-label", ("long-term or heavy use",)),
    ("call or text 988", "samhsa-988", ("911",)),
    ("Uncontrolled high blood pressure", "verywell", ()),
]

# Claims in a question's "why": (question, phrase, the source that says it, how the text names
# that source when it is not the question's own source).
QUESTION_CLAIMS = [
    ("administration-ride-home", "until the next day, after a", "spravato-label", ""),
    (
        "administration-dose-frequency",
        "twice a week in weeks 1 to 4",
        "spravato-label",
        "Spravato label",
    ),
    ("administration-dose-frequency", "6 to 8 IV infusions over 3 to 4 weeks", "verywell", ""),
    ("cost-price-insurance", "$350 to $1,000", "verywell", ""),
    ("cost-price-insurance", "$495 to $570", "draxe", "Dr. Axe gave"),
    ("cost-price-insurance", "prior authorization", "spravato-withme", "maker's program"),
    ("experience-follow-up", "About 25%", "draxe", "Dr. Axe describes"),
    ("experience-follow-up", "about 45%", "draxe", "Dr. Axe describes"),
    ("evaluation-informed-consent", "written down in your record", "ama-informed-consent", ""),
    ("evaluation-informed-consent", "off-label for depression", "verywell", "Verywell says"),
    ("experience-psychiatrist", "other mental health professional", "verywell", ""),
    ("administration-spravato-rems", "at least 2 hours", "spravato-rems", ""),
    ("administration-spravato-rems", "about 40 minutes after", "spravato-label", "The label says"),
    ("administration-blood-pressure-limit", "above 140/90", "spravato-label", ""),
    ("evaluation-medicines", "can add to the", "spravato-label", ""),
    ("evaluation-take-home-in-person", "between face-to-face visits", "askp3-at-home-2024", ""),
    ("evaluation-take-home-in-person", "face to face at", "asa-ketamine-2025", "The ASA says"),
    ("administration-take-home-supply", "used as prescribed", "asa-ketamine-2025", ""),
    ("administration-after-hours", "988", "samhsa-988", "(SAMHSA)"),
    ("cost-defined-endpoint", "defined course", "asa-ketamine-2025", ""),
    ("experience-response-measured", "before treatment starts", "apa-2017", ""),
    ("administration-repeated-use-checks", "long-term or heavy", "spravato-label", ""),
]


def _loaded_items(loaded: Catalogue) -> list[tuple[str, str]]:
    return [
        (item, source_id)
        for section in loaded.information
        for item, source_id in zip(section.items, section.item_sources, strict=True)
    ]


@pytest.mark.parametrize(("phrase", "source_id", "also"), ITEM_CLAIMS)
def test_information_claim_names_the_source_that_says_it(
    loaded: Catalogue, phrase: str, source_id: str, also: tuple[str, ...]
) -> None:
    matches = [(item, src) for item, src in _loaded_items(loaded) if phrase in item]
    assert len(matches) == 1, matches
    item, src = matches[0]
    assert src == source_id, item
    source = loaded.source(source_id)
    assert source is not None
    # the reader sees who says it: in the item, or (for the section's own source) under the list
    section = next(s for s in loaded.information if item in s.items)
    assert source.short in item or section.source == source_id
    for words in also:
        assert words in item, (words, item)


@pytest.mark.parametrize(("question_id", "phrase", "source_id", "named_as"), QUESTION_CLAIMS)
def test_question_claim_names_the_source_that_says_it(
    loaded: Catalogue, question_id: str, phrase: str, source_id: str, named_as: str
) -> None:
    question = loaded.question(question_id)
    said = " ".join(f"{question.text} {question.why}".split())
    assert phrase in said, said
    assert loaded.source(source_id) is not None
    if named_as:
        assert question.source != source_id
        assert named_as in said, said
    else:
        assert question.source == source_id


# Claims that were wrong or unattributed before version 2.0 and must not come back.
RETIRED_CLAIMS = [
    "drive on the day",  # the label says: not until the next day, after a restful sleep
    "not to drive that day",
    "twice a week for four weeks",  # Dr. Axe's schedule, not the label's
    "boosters as needed",
    "10 infusions",  # no recognised schedule; Verywell says 6 to 8 over 3 to 4 weeks
    "skip this question",  # the app marks questions that don't apply by itself
    "no contact with your own doctor",
    "written informed consent",  # AMA 2.1.1 asks for a documented talk, not a signed form
]


def _all_shown_text(loaded: Catalogue) -> str:
    parts = [loaded.disclaimer]
    for q in loaded.questions:
        parts += [q.text, q.why, q.reassuring, q.concerning]
        if q.red_flag is not None:
            parts.append(q.red_flag.label)
    for section in loaded.information:
        parts += [section.title, section.note, *section.items]
    return " ".join(" ".join(parts).split()).lower()


@pytest.mark.parametrize("claim", RETIRED_CLAIMS)
def test_retired_claim_is_gone(loaded: Catalogue, claim: str) -> None:
    assert claim not in _all_shown_text(loaded)


def test_relapse_figure_is_about_esketamine_in_people_who_had_improved(loaded: Catalogue) -> None:
    texts = [q.why for q in loaded.questions] + [i for i, _ in _loaded_items(loaded)]
    relapse = [" ".join(t.split()) for t in texts if "25%" in t]
    assert relapse
    for text in relapse:
        assert "esketamine" in text
        assert "already improved" in text
        assert "45%" in text


def test_ketamine_and_esketamine_are_never_called_the_same(loaded: Catalogue) -> None:
    shown = _all_shown_text(loaded)
    for conflation in ("ketamine (or esketamine)", "contains ketamine", "esketamine (ketamine)"):
        assert conflation not in shown


# ---------------------------------------------------------------- fair red flags, treatments

FAIR_FLAG_WORDING = {
    "experience-psychiatrist": "psychiatrist or other mental health professional",
    "evaluation-informed-consent": "consent conversation written down",
    "evaluation-primary-care": "even with your permission",
}


@pytest.mark.parametrize(("question_id", "words"), sorted(FAIR_FLAG_WORDING.items()))
def test_red_flag_is_phrased_fairly(loaded: Catalogue, question_id: str, words: str) -> None:
    flag = loaded.question(question_id).red_flag
    assert flag is not None
    assert words in flag.label.lower()
    assert "signed" not in flag.label.lower()


def test_monitoring_is_judged_against_the_right_standard(loaded: Catalogue) -> None:
    vital = loaded.question("administration-vital-signs")
    rems = loaded.question("administration-spravato-rems")
    assert [t.value for t in vital.applies_to] == ["iv_infusion", "intramuscular"]
    assert [t.value for t in rems.applies_to] == ["spravato"]
    assert vital.red_flag is not None
    assert vital.red_flag.when is False
    assert rems.red_flag is not None
    assert rems.red_flag.when is False
    assert "continuous" in vital.text.lower()
    assert "40 minutes" in rems.text
    assert "2 hours" in rems.text
    assert "skip" not in f"{rems.text} {rems.why}".lower()


# Questions that only make sense for some treatments, and the treatments they are for.
APPLIES_TO = {
    "administration-infusion-pump": ["iv_infusion"],
    "administration-vital-signs": ["iv_infusion", "intramuscular"],
    "administration-spravato-rems": ["spravato"],
    "administration-acls-emergency": ["iv_infusion", "spravato", "intramuscular"],
    "administration-blood-pressure-limit": ["iv_infusion", "spravato", "intramuscular"],
    "administration-ride-home": ["iv_infusion", "spravato", "intramuscular"],
    "evaluation-take-home-in-person": ["oral"],
    "administration-take-home-supply": ["oral"],
}


def test_applies_to_is_set_where_a_question_fits_only_some_treatments(
    questions: list[dict[str, Any]],
) -> None:
    found = {q["id"]: q["applies_to"] for q in questions if q.get("applies_to")}
    assert found == APPLIES_TO


def test_in_clinic_red_flags_never_fire_for_take_home_only_clinics(loaded: Catalogue) -> None:
    """A flag about what happens in the clinic room is not asked of an at-home prescriber."""
    from ketachecklist.core.treatments import Treatment

    in_clinic = {"administration-acls-emergency", "administration-ride-home"}
    for question_id in in_clinic:
        assert not loaded.question(question_id).applies((Treatment.ORAL,)), question_id


# ------------------------------------------------------------ section 4: the added questions

# (id, set, source) of the questions added in version 2.0, each going beyond the article.
ADDED_QUESTIONS = [
    ("experience-if-not-helping", "experience", "spravato-label"),
    ("cost-maintenance-plan", "cost", "spravato-label"),
    ("administration-after-hours", "administration", "spravato-label"),
    ("experience-response-measured", "experience", "apa-2017"),
    ("administration-blood-pressure-limit", "administration", "spravato-label"),
    ("administration-dissociation-plan", "administration", "spravato-label"),
    ("evaluation-medicines", "evaluation", "spravato-label"),
    ("evaluation-take-home-in-person", "evaluation", "askp3-at-home-2024"),
    ("administration-take-home-supply", "administration", "asa-ketamine-2025"),
    ("administration-repeated-use-checks", "administration", "spravato-label"),
]

ADDED_QUESTION_WORDS = {
    "experience-if-not-helping": ("helping", "next"),
    "cost-maintenance-plan": ("boosters", "cost"),
    "administration-after-hours": ("after hours", "worse"),
    "experience-response-measured": ("phq-9", "madrs"),
    "administration-blood-pressure-limit": ("blood pressure", "put off a session"),
    "administration-dissociation-plan": ("detached", "too much"),
    "evaluation-medicines": (
        "sleeping pills",
        "pain medicines",
        "stimulants",
        "maois",
        "lamotrigine",
    ),
    "evaluation-take-home-in-person": ("at home", "in person"),
    "administration-take-home-supply": ("how much", "store"),
    "administration-repeated-use-checks": ("bladder", "memory"),
}


@pytest.mark.parametrize(("question_id", "set_id", "source_id"), ADDED_QUESTIONS)
def test_added_question(loaded: Catalogue, question_id: str, set_id: str, source_id: str) -> None:
    question = loaded.question(question_id)
    assert question.set_id == set_id
    assert question.beyond_article is True
    assert question.source == source_id
    assert question.red_flag is None  # a question to ask, not yet a sourced warning sign
    text = question.text.lower()
    for words in ADDED_QUESTION_WORDS[question_id]:
        assert words in text, (words, text)


def test_seed_questions_keep_their_ids(questions: list[dict[str, Any]]) -> None:
    """Saved comparisons refer to these ids: version 2.0 only added questions."""
    seed_ids = {
        "evaluation-who-evaluates", "evaluation-basis", "evaluation-time",
        "evaluation-primary-care", "evaluation-substance-use", "evaluation-same-physician",
        "evaluation-informed-consent", "experience-psychiatrist", "experience-extent",
        "experience-numbers", "experience-outcomes", "experience-registry",
        "experience-follow-up", "experience-care-coordination", "experience-psychotherapy",
        "administration-iv-route", "administration-infusion-pump",
        "administration-dose-adjusted", "administration-dose-frequency",
        "administration-adjustment-standardized", "administration-vital-signs",
        "administration-psychological-monitoring", "administration-spravato-rems",
        "administration-acls-emergency", "administration-support-person",
        "administration-ride-home", "cost-price-insurance", "cost-rounds", "cost-whole-course",
        "cost-defined-endpoint",
    }  # fmt: skip
    ids = {q["id"] for q in questions}
    assert seed_ids <= ids
    assert ids - seed_ids == {question_id for question_id, _, _ in ADDED_QUESTIONS}


def test_warning_signs_are_titled_for_what_they_are(loaded: Catalogue) -> None:
    section = information_section(loaded, "warning-signs")
    assert section.title == "Signs that someone may be misusing ketamine"


def test_crisis_line_is_in_the_information(loaded: Catalogue) -> None:
    section = information_section(loaded, "if-you-feel-worse")
    assert any("988" in item and "911" in item for item in section.items)
