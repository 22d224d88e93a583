"""Every kit text exists in German and English with the same placeholders and plural
forms, and every key the analysis or the config can produce has its text
(cross-check against kamlib.config criteria tables)."""

import re
import string

import pytest

from kamlib.analysis.recommendations import CUSTOMER_TYPES, MATRIX_FIELDS, PROGRAM_KEYS, ZONE_KEYS
from kamlib.config import (
    ATTRACTIVENESS_CRITERIA,
    CUSTOMER_TYPE_CRITERIA,
    KEY_ACCOUNT_CRITERIA,
    POTENTIAL_CRITERIA,
)
from kamlib.i18n import LANGUAGES
from kamlib.messages import catalogue, languages

DE, EN = catalogue("de"), catalogue("en")
ALL_KEYS = sorted(DE.keys() | EN.keys())


def _other(entry):
    return entry if isinstance(entry, str) else entry["other"]


# the portfolio texts as {key: {"de": text, "en": text}} ("other" form of plurals)
MESSAGES = {k: {"de": _other(DE[k]), "en": _other(EN[k])} for k in DE if k in EN}
PORTFOLIO_KEYS = sorted(k for k in MESSAGES if k.startswith("portfolio."))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(entry) -> dict[str, str]:
    return {"other": entry} if isinstance(entry, str) else entry


def test_the_kit_ships_a_catalogue_for_every_language_the_commands_offer():
    assert languages() == LANGUAGES == ("de", "en")


def test_german_and_english_have_the_same_keys():
    assert sorted(DE.keys() - EN.keys()) == []
    assert sorted(EN.keys() - DE.keys()) == []


@pytest.mark.parametrize("key", ALL_KEYS)
def test_every_text_is_non_empty_in_both_languages(key):
    for entry in (DE[key], EN[key]):
        assert all(text.strip() for text in _forms(entry).values()), key


@pytest.mark.parametrize("key", ALL_KEYS)
def test_german_and_english_use_the_same_placeholders_and_plural_forms(key):
    de, en = _forms(DE[key]), _forms(EN[key])
    # de and en share CLDR's plural categories (one, other)
    assert de.keys() == en.keys(), key
    for form in de:
        assert _placeholders(de[form]) == _placeholders(en[form]), (key, form)


def test_plural_texts_offer_exactly_one_and_other():
    plural = [k for k, v in DE.items() if isinstance(v, dict)]
    assert "data.q_credit" in plural and "portfolio.find.upside" in plural
    assert all(set(DE[k]) == {"one", "other"} for k in plural)


def test_all_keys_carry_the_portfolio_prefix():
    assert all(k.startswith("portfolio.") for k in PORTFOLIO_KEYS)


def test_all_nine_abc_xyz_fields_have_a_recommendation_and_a_title():
    assert len(MATRIX_FIELDS) == 9
    for field in (*MATRIX_FIELDS, "new", "no_revenue"):
        assert f"portfolio.rec.{field}" in MESSAGES
        assert f"portfolio.rec.{field}.title" in MESSAGES


def test_recommendations_name_the_methodology_examples():
    # METHODOLOGY.md 1: AX framework contracts, AZ why erratic, CX webshop/EDI, CZ minimum order value
    assert "Rahmenvertr" in MESSAGES["portfolio.rec.AX"]["de"]
    assert "framework contract" in MESSAGES["portfolio.rec.AX"]["en"]
    assert "why demand" in MESSAGES["portfolio.rec.AZ"]["en"]
    assert (
        "EDI" in MESSAGES["portfolio.rec.CX"]["de"]
        and "webshop" in MESSAGES["portfolio.rec.CX"]["en"]
    )
    assert "Mindestbestellwert" in MESSAGES["portfolio.rec.CZ"]["de"]


def test_all_four_zones_have_a_description_and_a_full_strategy_card():
    assert ZONE_KEYS == ("protect", "develop", "maintain", "withdraw")
    for zone in ZONE_KEYS:
        assert f"portfolio.zone.{zone}" in MESSAGES
        for topic in ("care", "sell", "pricing", "binding"):
            assert f"portfolio.zone.{zone}.{topic}" in MESSAGES, (zone, topic)


def test_every_potential_and_attractiveness_criterion_has_a_program_and_a_label():
    for criterion in (*POTENTIAL_CRITERIA, *ATTRACTIVENESS_CRITERIA):
        assert f"portfolio.program.{criterion}" in MESSAGES, criterion
        assert f"portfolio.program.{criterion}.desc" in MESSAGES, criterion
        assert f"portfolio.criterion.{criterion}" in MESSAGES, criterion


def test_every_program_key_the_analysis_can_return_has_a_text():
    for key in PROGRAM_KEYS:
        assert f"portfolio.program.{key}" in MESSAGES


def test_every_key_account_and_customer_type_criterion_has_a_label():
    for criterion in (*KEY_ACCOUNT_CRITERIA, *CUSTOMER_TYPE_CRITERIA):
        assert f"portfolio.criterion.{criterion}" in MESSAGES, criterion


def test_every_customer_type_has_a_name_and_description():
    for key in CUSTOMER_TYPES:
        assert f"portfolio.type.{key}" in MESSAGES
        assert f"portfolio.type.{key}.desc" in MESSAGES


def test_seed_003_program_names_are_used():
    assert MESSAGES["portfolio.program.share_of_wallet"]["de"] == "Share-of-Wallet-Kampagne"
    assert MESSAGES["portfolio.program.processes"]["de"] == "Prozesse nicht im Griff"
    assert MESSAGES["portfolio.program.decision_access"]["en"] == "No access to decision makers"


def test_german_texts_use_real_umlauts_not_ascii_substitutes():
    substitutes = re.compile(
        r"\b\w*(fuer|ueber|Rueck|moeglich|koennen|Groesse|Pruef|Aend)\w*", re.I
    )
    bad = {k: v["de"] for k, v in MESSAGES.items() if substitutes.search(v["de"])}
    assert not bad


def test_no_singular_variant_keys_remain_beside_plural_forms():
    # the old "<key>.one" convention is replaced by plural forms inside one entry
    assert [k for k in ALL_KEYS if k.endswith(".one")] == []
