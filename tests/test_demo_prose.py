"""Demo prose is package data (kamlib/demo/prose/<lang>.yaml): both languages complete."""

from __future__ import annotations

from kamlib.demo import DEMO_CLIENTS
from kamlib.demo.texts import demo_prose

PARTS = [
    "names",
    "people",
    "touchpoints",
    "lost_notes",
    "review_notes",
    "account_plans",
    "client_yaml",
]


def test_both_languages_have_every_part_in_the_same_shape():
    de, en = demo_prose("de"), demo_prose("en")
    assert list(de) == PARTS
    assert list(en) == PARTS
    assert de["lost_notes"].keys() == en["lost_notes"].keys()
    # three notes per loss reason: the generator picks one of three
    assert {len(v) for v in [*de["lost_notes"].values(), *en["lost_notes"].values()]} == {3}
    # one account-plan story per flagged key account but the weak one, same fields everywhere
    assert len(de["account_plans"]) == 5 and len(en["account_plans"]) == 4
    stories = de["account_plans"] + en["account_plans"]
    assert {tuple(sorted(story)) for story in stories} == {tuple(sorted(stories[0]))}
    assert de["review_notes"].keys() == en["review_notes"].keys()
    # touchpoint rows: touchpoint, phase, channel, owner, segment, importance, ist, soll
    assert {len(row) for row in de["touchpoints"] + en["touchpoints"]} == {8}


def test_every_industry_of_a_demo_client_has_name_stems():
    for spec in DEMO_CLIENTS.values():
        stems = demo_prose(spec.language)["names"]["stems"]
        assert set(spec.industries) <= set(stems), spec.key
