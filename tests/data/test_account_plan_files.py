"""Account plan files (METHODOLOGY 6): the model, errors with key paths, SMART warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamlib.data.plans import goal_missing_keys, key_path, load_account_plans
from kamlib.data.problems import Problems

EVERY_KEY = {
    "customer_id",
    "name",
    "period",
    "background",
    "decision_system",
    "swot",
    "competitors",
    "opportunities",
    "goals",
    "budget",
    "actions",
    "reviews",
}


def _load(tmp_path: Path, text: str, lang: str = "en", known=("10001",)):
    folder = tmp_path / "account_plans"
    folder.mkdir(exist_ok=True)
    (folder / "10001.yaml").write_text(text, encoding="utf-8")
    p = Problems(lang)
    plans = load_account_plans(tmp_path, set(known), p)
    return plans, p.frame()


def test_only_customer_id_is_required_and_every_key_is_present(tmp_path):
    plans, problems = _load(tmp_path, "customer_id: 10001\n")
    assert problems.empty
    plan = plans["10001"]  # a YAML number is read as the id text
    assert set(plan) == EVERY_KEY
    # the documented contract: missing scalars None, lists [], budget {}
    assert plan["name"] is None and plan["background"] is None
    assert plan["decision_system"] is None and plan["period"] is None
    assert plan["goals"] == plan["actions"] == plan["reviews"] == []
    assert plan["opportunities"] == plan["competitors"] == []
    assert plan["budget"] == {}
    assert plan["swot"] == {"strengths": [], "weaknesses": [], "opportunities": [], "threats": []}


def test_a_goal_needs_only_its_text_and_may_be_written_as_plain_text(tmp_path):
    plans, problems = _load(
        tmp_path, "customer_id: '10001'\ngoals:\n  - Win line 3\n  - text: Grow spares\n"
    )
    assert (problems["severity"] != "error").all()
    goals = plans["10001"]["goals"]
    assert [g["text"] for g in goals] == ["Win line 3", "Grow spares"]
    assert goals[0] == {
        "text": "Win line 3",
        "metric": None,
        "target": None,
        "due": None,
        "reason": None,
        "links": [],
    }


def test_full_plan_reads_types_and_aliases(tmp_path):
    text = """\
customer_id: "10001"
decision_system: Purchasing decides with the plant
competitors:
  - {name: Rival, strength: 4, threat: 2}
opportunities:
  - {name: Retrofit, value: 80000, probability: 40, fit: 4, effort: 2}
goals:
  - {text: Win the retrofit of line 3, metric: order value, target: 80000, due: 2026-12-31,
     reason: budget approved, links: Retrofit}
budget: {Pumps: 250000, 2024: 1000}
actions:
  - {what: Visit, due: 2026-03-31, status: in_progress}
reviews:
  - {date: 2026-06-30, planned_revenue: 120000, actual_revenue: 98000}
"""
    plans, problems = _load(tmp_path, text)
    assert problems.empty, problems.to_string()
    plan = plans["10001"]
    # percent 40 is read as the fraction 0.4
    assert plan["opportunities"][0]["probability"] == pytest.approx(0.4)
    goal = plan["goals"][0]
    assert goal["due"] == dt.date(2026, 12, 31) and goal["target"] == 80000.0
    assert goal["links"] == ["Retrofit"]  # a single name becomes a list
    assert plan["budget"] == {"Pumps": 250000.0, "2024": 1000.0}  # keys stay names
    assert plan["reviews"][0]["planned"] == 120000.0 and plan["reviews"][0]["actual"] == 98000.0
    assert plan["competitors"][0] == {"name": "Rival", "strength": 4, "threat": 2, "note": None}
    assert plan["actions"][0]["responsible"] is None


@pytest.mark.parametrize(
    ("body", "path", "value", "problem", "hint"),
    [
        (
            "goals:\n  - {text: x, target: viel}\n",
            "goals[1].target",
            "viel",
            "not a number",
            "0.55",
        ),
        ("goals:\n  - {text: x, target: true}\n", "goals[1].target", "True", "not a number", ""),
        ("goals:\n  - x\n  - {text: y, due: bald}\n", "goals[2].due", "bald", "not a date", ""),
        # a bare number is not taken as seconds since 1970
        ("goals:\n  - {text: x, due: 2026}\n", "goals[1].due", "2026", "not a date", "YYYY"),
        (
            "goals:\n  - {text: x, due: 2026-02-30}\n",
            "goals[1].due",
            "2026-02-30",
            "not a date",
            "",
        ),
        ("zeile: 1\n", "zeile", "", "unknown key", "allowed here: customer_id, name"),
        ("goals:\n  - {text: x, deadline: 1}\n", "goals[1].deadline", "", "unknown key", "due"),
        (
            "actions:\n  - {what: x, status: erledigt}\n",
            "actions[1].status",
            "erledigt",
            "not an allowed value",
            "open, in_progress, done, dropped",
        ),
        (
            "opportunities:\n  - {name: a, value: 1, probability: 0.5, fit: 9, effort: 1}\n",
            "opportunities[1].fit",
            "9",
            "not a rating from 1 to 5",
            "",
        ),
        (
            "opportunities:\n  - {name: a, value: 1, probability: 150, fit: 1, effort: 1}\n",
            "opportunities[1].probability",
            "150",
            "not a probability",
            "",
        ),
        (
            "opportunities:\n  - {name: a, value: -5, probability: 0.5, fit: 1, effort: 1}\n",
            "opportunities[1].value",
            "-5",
            "negative amount",
            "",
        ),
        ("opportunities:\n  - {name: a, value: 1}\n", "opportunities[1].probability", "", "", ""),
        (
            "competitors:\n  - {name: R, threat: 0}\n",
            "competitors[1].threat",
            "0",
            "not a rating from 1 to 5",
            "",
        ),
        ("budget: {Pumps: -1}\n", "budget.Pumps", "-1", "negative amount", ""),
        ("goals:\n  - {metric: revenue}\n", "goals[1].text", "", "required key 'text'", ""),
        ("goals:\n  - {text: x, links: {a: 1}}\n", "goals[1].links", "", "not a list", ""),
        ("swot: [a, b]\n", "swot", "", "not a set of keys", ""),
        ("goals:\n  - {text: 12}\n", "goals[1].text", "12", "not text", "quotes"),
    ],
)
def test_each_error_names_file_key_path_value_and_what_to_do(
    tmp_path, body, path, value, problem, hint
):
    plans, problems = _load(tmp_path, "customer_id: '10001'\n" + body)
    assert plans == {}  # the plan is skipped
    errors = problems[problems["severity"] == "error"]
    row = errors[errors["column"] == path]
    assert len(row) == 1, errors.to_string()
    row = row.iloc[0]
    assert row["file"] == "account_plans/10001.yaml"
    assert row["value"] == value
    assert row["message"].startswith(f"{path}: {problem}")
    assert row["message"].endswith("this plan is skipped.")
    assert hint in row["hint"] and row["hint"]


def test_missing_customer_id_is_an_error(tmp_path):
    _, problems = _load(tmp_path, "name: Alpha\n")
    assert problems.loc[0, "column"] == "customer_id"
    assert (
        problems.loc[0, "message"]
        == "customer_id: required key 'customer_id' is missing; this plan is skipped."
    )


def test_the_error_row_is_the_line_of_the_key(tmp_path):
    text = "customer_id: '10001'\ngoals:\n  - text: a\n  - text: b\n    due: bald\n"
    _, problems = _load(tmp_path, text)
    assert problems.loc[0, "row"] == 5  # "due: bald" is on line 5


def test_every_error_of_a_file_gets_its_own_line_up_to_ten(tmp_path):
    goals = "".join(f"  - {{text: g{i}, due: bald}}\n" for i in range(12))
    _, problems = _load(tmp_path, "customer_id: '10001'\ngoals:\n" + goals)
    errors = problems[problems["severity"] == "error"]
    assert errors["column"].tolist()[:10] == [f"goals[{i}].due" for i in range(1, 11)]
    assert errors["message"].tolist()[10] == "2 more errors in this plan file."
    assert len(errors) == 11


def test_python_tags_are_refused_not_run(tmp_path):
    marker = tmp_path / "ran"
    text = f"customer_id: '10001'\ngoals: !!python/object/apply:os.system ['touch {marker}']\n"
    plans, problems = _load(tmp_path, text)
    assert plans == {} and not marker.exists()
    assert "could not determine a constructor" in problems.loc[0, "message"]


def test_a_file_that_is_not_a_mapping_is_an_error(tmp_path):
    _, problems = _load(tmp_path, "- just\n- a list\n")
    assert problems.loc[0, "message"].startswith("The file holds no keys")


def test_errors_in_german(tmp_path):
    _, problems = _load(tmp_path, "customer_id: '10001'\ngoals:\n  - {text: x, due: bald}\n", "de")
    assert problems.loc[0, "message"] == "goals[1].due: kein Datum; dieser Plan wird übersprungen."
    assert problems.loc[0, "hint"] == "Datum als JJJJ-MM-TT schreiben, z. B. 2026-12-31."


def test_key_path_counts_list_items_from_one():
    assert key_path(("goals", 1, "due")) == "goals[2].due"
    assert key_path(("budget", "Pumps")) == "budget.Pumps"
    assert key_path(("customer_id",)) == "customer_id"


SMART_GOAL = {
    "text": "Win line 3",
    "metric": "order value",
    "target": 80000.0,
    "due": dt.date(2026, 12, 31),
    "reason": None,
    "links": ["Retrofit"],
}


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        ({}, {}),
        # measurable needs metric and target; without a target, achievable needs a reason
        ({"metric": None}, {"measurable": ["metric"]}),
        ({"target": None}, {"measurable": ["target"], "achievable": ["reason"]}),
        ({"target": None, "reason": "budget approved"}, {"measurable": ["target"]}),
        ({"links": []}, {"relevant": ["links"]}),
        ({"due": None}, {"time_bound": ["due"]}),
        (
            {"metric": None, "target": None, "due": None, "links": []},
            {
                "measurable": ["metric", "target"],
                "achievable": ["reason"],
                "relevant": ["links"],
                "time_bound": ["due"],
            },
        ),
    ],
)
def test_goal_missing_keys_names_the_letters_that_fail(change, missing):
    assert goal_missing_keys({**SMART_GOAL, **change}) == missing


def test_one_smart_warning_per_incomplete_goal_and_the_plan_is_kept(tmp_path):
    text = """\
customer_id: '10001'
goals:
  - {text: Win line 3, metric: order value, target: 80000, due: 2026-12-31, links: [Retrofit]}
  - {text: Grow spares, metric: revenue, target: 5000}
"""
    plans, problems = _load(tmp_path, text)
    assert len(plans["10001"]["goals"]) == 2
    assert problems["severity"].tolist() == ["warning"]
    row = problems.iloc[0]
    assert (row["column"], row["row"]) == ("goals[2]", 4)
    assert row["message"] == 'Goal 2 ("Grow spares") fails the SMART letters R, T: add links, due.'


def test_smart_warning_in_german(tmp_path):
    _, problems = _load(tmp_path, "customer_id: '10001'\ngoals:\n  - Beziehung verbessern\n", "de")
    assert problems.loc[0, "message"] == (
        "Ziel 1 („Beziehung verbessern“) verfehlt die SMART-Buchstaben M, A, R, T: "
        "metric, target, reason, links, due ergänzen."
    )


def test_unknown_customer_and_second_plan_are_warnings(tmp_path):
    folder = tmp_path / "account_plans"
    folder.mkdir()
    (folder / "a.yaml").write_text("customer_id: '10001'\n")
    (folder / "b.yaml").write_text("customer_id: '10001'\n")
    (folder / "c.yaml").write_text("customer_id: '99999'\n")
    (folder / "_example.yaml").write_text("customer_id: [broken\n")  # not read
    p = Problems("en")
    plans = load_account_plans(tmp_path, {"10001"}, p)
    problems = p.frame()
    assert list(plans) == ["10001"]
    assert problems["file"].tolist() == ["account_plans/b.yaml", "account_plans/c.yaml"]
    assert (problems["severity"] == "warning").all()


@pytest.mark.parametrize(("lang", "name"), [("de", "_beispiel.yaml"), ("en", "_example.yaml")])
def test_kam_new_example_has_every_key_and_loads_with_one_weak_goal(tmp_path, lang, name):
    from kamlib.data.templates import write_client_skeleton

    write_client_skeleton(tmp_path / "c", name="C", lang=lang)
    example = tmp_path / "c" / "account_plans" / name
    text = example.read_text(encoding="utf-8")
    plans, problems = _load(tmp_path, text, lang)
    plan = plans["10001"]
    # every key of the model is written in the example, and every goal key
    for key in EVERY_KEY:
        assert f"\n{key}:" in "\n" + text, key
    assert set(plan["goals"][0]) == {"text", "metric", "target", "due", "reason", "links"}
    assert all(plan["goals"][0].values()) and all(plan["competitors"][0].values())
    # the second goal is the weak example: one SMART warning, no error
    assert problems["severity"].tolist() == ["warning"]
    assert problems.loc[0, "column"] == "goals[2]"
