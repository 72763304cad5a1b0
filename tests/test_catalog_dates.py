"""`archlex catalog` on the law over time, through the real CLI: the start dates the implementing
decisions set, Art 20a with its date of application, the derived deadline of Art 7(2), and the
verified / partial / unverified counts of `list`."""

from __future__ import annotations

import re

from tests.conftest import REPO, run_archlex

LIBRARY = REPO / "model" / "eu"


def test_show_art_20a_gives_its_date_of_application_and_the_amending_act() -> None:
    result = run_archlex("catalog", "show", "2019/817 Art 20a", "--model", str(LIBRARY))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("2019/817 Art 20a  Access to the common identity repository")
    assert "Title not verified (Heading not seen (UNVERIFIED)" in out
    assert "  applies from 2026-06-12, inserted by 2024/1356\n" in out
    assert (
        "  2019/817 Art 20a inserted by Regulation (EU) 2024/1356 Art 23, applying from "
        "2026-06-12  [partial]\n" in out
    )


def test_show_art_7_2_gives_the_deadline_derived_from_the_esp_start() -> None:
    result = run_archlex("catalog", "show", "2019/817 Art 7(2)", "--model", str(LIBRARY))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2019/817 Art 7(2) replaced by Regulation (EU) 2024/1356 Art 23" in out
    assert (
        "deadline: 2028-06-12 (2 years after eu.ESP starts operations on 2026-06-12, set by "
        "Implementing Decision (EU) 2026/1155 Art 1" in out
    )
    assert "applies from: 2026-06-12 (eu.ESP starts operations on 2026-06-12" in out


def test_list_counts_verified_partial_and_unverified_per_regulation() -> None:
    result = run_archlex("catalog", "list", "--model", str(LIBRARY))
    assert result.returncode == 0, result.stderr
    counts = re.findall(
        r"^  articles: (\d+) verified, (\d+) partial, (\d+) unverified; "
        r"obligations: (\d+) verified, (\d+) partial, (\d+) unverified; "
        r"access, MID links and standards: (\d+) verified, (\d+) partial, (\d+) unverified$",
        result.stdout,
        re.MULTILINE,
    )
    assert len(counts) == 2  # 2019/817 and 2019/818
    articles_817 = [int(n) for n in counts[0][:3]]
    assert sum(articles_817) == 80  # 79 articles and Art 20a
    assert int(counts[1][4]) >= 3  # 818 Art 24(5), 37(5), 51(5): only part of the text seen
