"""The YAML reader: text stays text, positions are exact, and hostile files are refused."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap

import pytest

from archlex.load.yaml_reader import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    UnreadableYamlError,
    parse_yaml,
)


def read(text: str) -> object:
    return parse_yaml(textwrap.dedent(text).encode()).data


def problem(raw: bytes) -> tuple[str, int, int, str]:
    with pytest.raises(UnreadableYamlError) as caught:
        parse_yaml(raw)
    p = caught.value.problem
    return p.rule, p.line, p.column, p.message


@pytest.mark.parametrize(
    "written",
    [
        "NO",
        "no",
        "on",
        "Off",
        "yes",
        "y",
        "0755",
        "0o17",
        "1:20",
        "2019-01-01",
        "1.10",
        "1e3",
        ".inf",
        "0x1F",
        "true",
        "12",
    ],
)
def test_plain_scalars_stay_the_text_the_author_typed(written: str) -> None:
    assert read(f"id: {written}\n") == {"id": written}


def test_null_and_empty_values_are_none_but_quoted_null_is_text() -> None:
    assert read("a: ~\nb:\nc: null\nd: 'null'\n") == {"a": None, "b": None, "c": None, "d": "null"}


def test_every_value_and_key_keeps_its_line_and_column() -> None:
    document = parse_yaml(b"systems:\n  - id: a\n    owner:   police\n  - id: b\n")
    first = document.source.find(("systems", 0, "owner"))[0]
    second = document.source.find(("systems", 1))[0]
    assert (first.line, first.column, first.key_line, first.key_column) == (3, 14, 3, 5)
    assert (second.line, second.column) == (4, 5)
    assert document.source.find(("systems", 1, "nothing")) == (second, False)


def test_repeated_key_is_reported_at_the_second_occurrence_and_the_first_value_kept() -> None:
    document = parse_yaml(b"id: a\nname: x\nid: b\n")
    assert document.data == {"id": "a", "name": "x"}
    [p] = document.problems
    assert (p.rule, p.line, p.column) == ("duplicate-key", 3, 1)
    assert "first at line 1" in p.message


def test_anchors_and_merge_keys_work_and_explicit_keys_win() -> None:
    data = read(
        """\
        base: &cost {currency: EUR, amount: 10}
        wp:
          <<: *cost
          amount: 20
        other: *cost
        """
    )
    assert data == {
        "base": {"currency": "EUR", "amount": "10"},
        "wp": {"currency": "EUR", "amount": "20"},
        "other": {"currency": "EUR", "amount": "10"},
    }


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    rule, _, _, message = problem("\n".join(lines).encode())
    assert rule == "yaml-syntax" and "aliases expand" in message


def test_alias_bomb_stays_within_memory_bound() -> None:
    """In a child process capped at 200 MB of address space beyond its start, the bomb fails
    cleanly instead of exhausting memory."""
    code = textwrap.dedent(
        """
        import resource, sys
        from archlex.load.yaml_reader import parse_yaml, UnreadableYamlError
        lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 9) + "]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
        start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            parse_yaml("\\n".join(lines).encode())
        except UnreadableYamlError as e:
            used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start
            print("refused", used)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        preexec_fn=_limit_memory,
    )
    verdict, used_kib = result.stdout.split()
    assert verdict == "refused"
    assert int(used_kib) < 200 * 1024


def _limit_memory() -> None:
    limit = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_deep_nesting_is_refused_with_a_position() -> None:
    rule, line, _, message = problem(b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5))
    assert (rule, line) == ("yaml-syntax", 1)
    assert f"deeper than {MAX_DEPTH}" in message


def test_libyaml_nesting_limit_is_a_clean_error_too() -> None:
    rule, _, _, _ = problem(b"- " * 2000 + b"x")
    assert rule == "yaml-syntax"


def test_file_over_the_size_limit_is_refused_before_parsing() -> None:
    rule, line, column, message = problem(b"#" * (MAX_FILE_BYTES + 1))
    assert (rule, line, column) == ("yaml-syntax", 1, 1)
    assert "over the limit" in message


def test_non_utf8_byte_is_reported_at_its_line_and_column() -> None:
    # Line 1 is valid UTF-8 with a two-byte letter; line 2 has a Latin-1 byte.
    assert problem(b"name: R\xc4\xabga\ncity: R\xe9zekne\n")[:3] == ("yaml-syntax", 2, 8)


def test_bom_and_crlf_are_accepted() -> None:
    document = parse_yaml(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert document.data == {"a": "1", "b": "2"}
    assert document.source.find(("b",))[0].line == 2


@pytest.mark.parametrize("char", ["\x00", "\x85", "\u2028", "\x1b"])
def test_control_characters_are_refused_at_their_position(char: str) -> None:
    rule, line, column, _ = problem(f"a: 1\nb: x{char}y\n".encode())
    assert (rule, line, column) == ("yaml-syntax", 2, 5)


def test_tab_indentation_gets_a_hint() -> None:
    with pytest.raises(UnreadableYamlError) as caught:
        parse_yaml(b"a:\n\tb: 1\n")
    assert caught.value.problem.hint is not None and "tabs" in caught.value.problem.hint


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['x']",
        "!!binary aGk=",
        "!Ref foo",
        "!!set {a}",
        "!!timestamp 2019-01-01",
    ],
)
def test_tags_beyond_the_core_schema_are_refused(tag: str) -> None:
    rule, line, column, message = problem(f"a: {tag}\n".encode())
    assert (rule, line, column) == ("yaml-syntax", 1, 4)
    assert "not allowed" in message


def test_several_documents_are_refused_with_a_clear_message() -> None:
    _, line, _, message = problem(b"a: 1\n---\nb: 2\n")
    assert line == 2 and "one YAML document" in message


def test_empty_file_is_an_empty_mapping() -> None:
    assert parse_yaml(b"# nothing yet\n").data == {}


def test_complex_keys_are_refused() -> None:
    assert problem(b"? [a, b]\n: 1\n")[0] == "yaml-syntax"


def test_error_at_the_end_of_a_file_without_final_newline_points_inside_the_file() -> None:
    rule, line, column, _ = problem(b"a:\n  - b\n  c: [")
    assert (rule, line) == ("yaml-syntax", 3)
    assert column >= 1
