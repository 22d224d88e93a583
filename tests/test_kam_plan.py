"""``kam plan CLIENT CUSTOMER_ID``: a commented plan pre-filled from the data, never overwriting."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from kamlib.cli import app
from kamlib.data import load_client
from kamlib.data.plan_template import (
    existing_plan,
    peer_buying_shares,
    plan_figures,
    write_plan,
)
from kamlib.data.plans import load_account_plans
from kamlib.data.problems import Problems
from kamlib.naming import safe_id

runner = CliRunner()
TODAY = dt.date(2026, 7, 1)

# as_of 2026-06-30, window 12 months: 2025-07-01 .. 2026-06-30; the window before:
# 2024-07-01 .. 2025-06-30
SALES = """\
date,customer_id,product_group,net_revenue,contribution_margin,invoice_id,line_no
2026-03-10,K1,Pumps,1000,300,I1,1
2025-09-01,K1,Valves,500,100,I2,1
2026-01-05,K1,Pumps,-100,-30,I3,1
2025-02-01,K1,Pumps,800,200,I4,1
2026-02-01,P1,Pumps,700,70,I5,1
2026-02-01,P1,Seals,300,30,I5,2
2026-04-01,P2,Seals,200,20,I6,1
2026-05-01,M1,Motors,900,90,I7,1
"""
CUSTOMERS = """\
customer_id,name,industry,is_key_account,account_manager
K1,Kappa Retail Ltd,Retail,true,Ann Lee
P1,Pi Stores,Retail,false,Bob Ray
P2,Rho Shops,Retail,false,Bob Ray
M1,Mu Mining,Mining,false,Bob Ray
"""
CONTACTS = """\
customer_id,contact_name,role,influence,attitude,last_contact
K1,Jo Buyer,buyer,4,2,2026-05-01
K1,Di Boss,decider,5,1,
"""


@pytest.fixture
def client(tmp_path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "client.yaml").write_text("name: Tiny Ltd\nlanguage: en\nas_of: 2026-06-30\n")
    (folder / "sales.csv").write_text(SALES)
    (folder / "customers.csv").write_text(CUSTOMERS)
    (folder / "contacts.csv").write_text(CONTACTS)
    return folder


def _load_plans(folder: Path) -> tuple[dict, pd.DataFrame]:
    p = Problems("en")
    plans = load_account_plans(folder, {"K1", "P1", "P2", "M1"}, p)
    return plans, p.frame()


def test_safe_id_keeps_plain_ids_and_marks_changed_ones_with_sha1():
    assert safe_id("010007") == "010007"
    assert safe_id("C-01.x_9") == "C-01.x_9"
    # sha1("A/1") starts with 22e44c46, sha1("K 1") with 3e29bfa8 (hashlib, by hand)
    assert safe_id("A/1") == "A_1-22e44c46"
    assert safe_id("K 1") == "K_1-3e29bfa8"


def test_peer_shares_count_industry_peers_that_buy_each_group():
    sales = pd.read_csv(pd.io.common.StringIO(SALES))
    customers = pd.read_csv(pd.io.common.StringIO(CUSTOMERS))
    got = peer_buying_shares(sales, customers, "K1").set_index("product_group")
    # Retail peers of K1: P1 (Pumps, Seals), P2 (Seals) -> Seals 2/2, Pumps 1/2, Motors 0/2
    assert got["peer_share"].to_dict() == {"Seals": 1.0, "Pumps": 0.5, "Motors": 0.0, "Valves": 0.0}
    assert got["bought"].to_dict() == {
        "Seals": False,
        "Pumps": True,
        "Motors": False,
        "Valves": True,
    }
    # sorted by peer share, then name
    assert list(got.index) == ["Seals", "Pumps", "Motors", "Valves"]


def test_figures_equal_the_data_computed_by_hand(client):
    fig = plan_figures(load_client(client), "K1")
    assert fig.revenue == 1400.0  # 1000 + 500 - 100 in the window
    assert fig.revenue_prior == 800.0  # 2025-02-01 lies in the window before
    assert fig.margin_pct == pytest.approx(370 / 1400)  # (300 + 100 - 30) / 1400
    assert fig.top_groups.to_dict() == {"Pumps": 900.0, "Valves": 500.0}
    # not bought and bought by peers: Seals (2 of 2); Motors (0 of 2) is not named
    assert fig.whitespace.to_dict("list") == {"product_group": ["Seals"], "peer_share": [1.0]}
    assert fig.is_key_account and fig.account_manager == "Ann Lee"


def test_kam_plan_writes_a_commented_plan_that_loads_cleanly(client):
    result = runner.invoke(app, ["plan", str(client), "K1"])
    assert result.exit_code == 0, result.output
    path = client / "account_plans" / "K1.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Account plan for Kappa Retail Ltd (K1)")
    assert "Revenue last 12 months: €1,400; 12 months before: €800; change: +75.0%" in text
    assert "Contribution margin last 12 months: 26.4%" in text
    assert "Top product groups (last 12 months): Pumps €900; Valves €500" in text
    assert "share of peers in Retail buying it: Seals 100.0%" in text
    assert "#   - Jo Buyer, buyer, 4, 2, 2026-05-01" in text
    # Di Boss was never met: marked; roles without a contact are named
    assert "#   - Di Boss, decider, 5, 1, never – not met for more than 6 months" in text
    assert "# Roles without a contact: user, influencer, gatekeeper" in text
    plans, problems = _load_plans(client)
    assert not (problems["severity"] == "error").any(), problems.to_string()
    plan = plans["K1"]
    assert plan["name"] == "Kappa Retail Ltd" and plan["period"] == "2026-07 – 2027-06"
    assert plan["budget"] == {"Pumps": 900.0, "Valves": 500.0}
    assert plan["actions"][0]["responsible"] == "Ann Lee"
    assert plan["actions"][0]["due"] == dt.date(2026, 7, 30)
    # four quarterly reviews, mid-quarter
    assert [r["date"] for r in plan["reviews"]] == [
        dt.date(2026, 8, 15),
        dt.date(2026, 11, 15),
        dt.date(2027, 2, 15),
        dt.date(2027, 5, 15),
    ]
    # the goal skeleton is valid; its missing keys are the SMART warning
    assert problems["column"].tolist() == ["goals[1]"]


def test_comments_follow_the_client_language(client):
    (client / "client.yaml").write_text("name: Tiny\nlanguage: de\nas_of: 2026-06-30\n")
    path = write_plan(load_client(client), "K1", today=TODAY)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Account-Plan für Kappa Retail Ltd (K1)")
    assert "Umsatz letzte 12 Monate: 1.400\xa0€" in text  # no-break space before €


def test_never_overwrites_and_finds_a_plan_under_another_name(client):
    folder = client / "account_plans"
    folder.mkdir()
    other = folder / "kappa-2026.yaml"
    other.write_text("customer_id: K1\ngoals: [Grow]\n")
    before = other.read_bytes()
    result = runner.invoke(app, ["plan", str(client), "K1"])
    assert result.exit_code == 1
    assert "already exists" in result.output and "kappa-2026.yaml" in result.output
    assert other.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["kappa-2026.yaml"]
    # the same name counts even when the file is broken
    (folder / "P1.yaml").write_text("customer_id: [broken\n")
    assert existing_plan(client, "P1") == folder / "P1.yaml"
    assert runner.invoke(app, ["plan", str(client), "P1"]).exit_code == 1
    assert (folder / "P1.yaml").read_text() == "customer_id: [broken\n"


def test_second_call_is_refused(client):
    assert runner.invoke(app, ["plan", str(client), "K1"]).exit_code == 0
    path = client / "account_plans" / "K1.yaml"
    path.write_text(path.read_text() + "# my notes\n")
    before = path.read_bytes()
    assert runner.invoke(app, ["plan", str(client), "K1"]).exit_code == 1
    assert path.read_bytes() == before


def test_unknown_customer_is_a_usage_error_with_one_line(client):
    result = runner.invoke(app, ["plan", str(client), "NOPE"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"No customer NOPE in the customer master of {client}; check the id "
        "(kam plan needs an existing customer)."
    ]
    assert not (client / "account_plans").exists()


def test_missing_folder_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["plan", str(tmp_path / "nope"), "K1"]).exit_code == 2


def test_any_customer_gets_a_plan_with_a_note_when_not_a_key_account(client):
    result = runner.invoke(app, ["plan", str(client), "M1"])
    assert result.exit_code == 0
    assert "not flagged as a key account" in result.output
    plans, _ = _load_plans(client)
    assert plans["M1"]["budget"] == {"Motors": 900.0}


def test_client_data_errors_are_exit_1(client):
    (client / "sales.csv").write_text("nonsense\n1\n")
    result = runner.invoke(app, ["plan", str(client), "K1"])
    assert result.exit_code == 1
    assert "run kam validate" in result.output


def test_plan_folder_linked_outside_is_refused(client, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (client / "account_plans").symlink_to(outside, target_is_directory=True)
    result = runner.invoke(app, ["plan", str(client), "K1"])
    assert result.exit_code == 1
    assert list(outside.iterdir()) == []


HOSTILE_ID = 'K"1: #x'
HOSTILE_NAME = 'Evil "Corp": # not a comment\ncustomer_id: HACK\n- [x]'


def test_hostile_ids_and_names_stay_values(client):
    customers = pd.DataFrame(
        {
            "customer_id": [HOSTILE_ID, "P1"],
            "name": [HOSTILE_NAME, "Pi\u2028Stores"],
            "industry": ["Retail\nbudget: 1", "Retail\nbudget: 1"],
            "is_key_account": ["true", "false"],
            "account_manager": ["'; rm -rf /", "Bob"],
        }
    )
    customers.to_csv(client / "customers.csv", index=False)
    sales = pd.DataFrame(
        {
            "date": ["2026-03-10", "2026-03-11"],
            "customer_id": [HOSTILE_ID, "P1"],
            "product_group": ['Pumps: "x"\n#y', "Seals: 1\n- z"],
            "net_revenue": [100, 50],
            "contribution_margin": [10, 5],
            "invoice_id": ["I1", "I2"],
            "line_no": [1, 1],
        }
    )
    sales.to_csv(client / "sales.csv", index=False)
    (client / "contacts.csv").write_text(
        f'customer_id,contact_name,role,influence,attitude\n"{HOSTILE_ID.replace(chr(34), 2 * chr(34))}",'
        '"Jo\nname: X",buyer,4,2\n'
    )
    loaded = load_client(client)
    result = runner.invoke(app, ["plan", str(client), HOSTILE_ID])
    assert result.exit_code == 0, result.output
    files = list((client / "account_plans").iterdir())
    assert [p.name for p in files] == [f"{safe_id(HOSTILE_ID)}.yaml"]
    assert safe_id(HOSTILE_ID).startswith("K_1___x-")
    p = Problems("en")
    plans = load_account_plans(client, set(loaded.customers["customer_id"]), p)
    assert not (p.frame()["severity"] == "error").any(), p.frame().to_string()
    plan = plans[HOSTILE_ID]
    name = loaded.customers.set_index("customer_id").loc[HOSTILE_ID, "name"]
    assert plan["name"] == name and plan["customer_id"] == HOSTILE_ID
    assert list(plan["budget"]) == list(
        loaded.sales.loc[loaded.sales["customer_id"] == HOSTILE_ID, "product_group"]
    )
    # no client text starts a line of its own: every line is a comment, a key of the
    # template, or a list item / value of one
    text = files[0].read_text(encoding="utf-8")
    for line in text.splitlines():
        assert not line.startswith(("customer_id: HACK", "budget: 1", "name: X", "- [x]", "- z"))


def test_written_atomically_without_leftovers(client):
    write_plan(load_client(client), "K1", today=TODAY)
    names = os.listdir(client / "account_plans")
    assert names == ["K1.yaml"]


def test_a_link_in_place_of_the_plan_file_counts_as_existing(client, tmp_path):
    folder = client / "account_plans"
    folder.mkdir()
    outside = tmp_path / "outside.yaml"
    (folder / "K1.yaml").symlink_to(outside)  # dangling: nothing there yet
    assert runner.invoke(app, ["plan", str(client), "K1"]).exit_code == 1
    assert not outside.exists()


def test_path_characters_in_an_id_stay_inside_the_plan_folder(client):
    customers = CUSTOMERS + "../evil,Evil Ltd,Retail,true,Ann Lee\n"
    (client / "customers.csv").write_text(customers)
    result = runner.invoke(app, ["plan", str(client), "../evil"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in (client / "account_plans").iterdir()] == [f"{safe_id('../evil')}.yaml"]
    assert safe_id("../evil").startswith(".._evil-")
