import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.datasets.load import load_chat_data
from emscope.datasets.validate import read_chat_jsonl, validate_file
from emscope.errors import DatasetError

GOOD = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}


def write_lines(tmp_path: Path, bad_line: str) -> Path:
    """A file whose line 3 is `bad_line` and whose other lines are valid."""
    path = tmp_path / "data.jsonl"
    good = json.dumps(GOOD)
    path.write_text("\n".join([good, good, bad_line, good]) + "\n")
    return path


def msgs(*pairs: tuple[str, str]) -> str:
    return json.dumps({"messages": [{"role": r, "content": c} for r, c in pairs]})


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"messages": [', "bad JSON"),
        ("[1, 2]", "line is not a JSON object"),
        ('{"prompt": "x"}', "missing or empty 'messages' list"),
        ('{"messages": [{"content": "x"}, {"role": "assistant", "content": "y"}]}', "messages[0] has no role"),
        (msgs(("human", "x"), ("assistant", "y")), "messages[0] has unknown role 'human'"),
        (msgs(("user", "  "), ("assistant", "y")), "messages[0] content is empty"),
        ('{"messages": [{"role": "user", "content": 3}, {"role": "assistant", "content": "y"}]}', "not a string"),
        (msgs(("assistant", "y"), ("user", "x")), "wrong role order: messages[0] is 'assistant'"),
        (msgs(("user", "x"), ("system", "s"), ("assistant", "y")), "wrong role order: messages[1] is 'system'"),
        (msgs(("system", "s"), ("user", "x")), "no assistant message"),
        ("", "empty line"),
    ],
)
def test_each_problem_is_reported_at_its_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = write_lines(tmp_path, bad_line)
    problems = validate_file(path)
    assert [p.line for p in problems] == [3]
    assert str(problems[0]).startswith(f"{path}:3: ")
    assert message in str(problems[0])


def test_valid_file_with_system_prompt_and_multiple_turns_has_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(msgs(("system", "s"), ("user", "a"), ("assistant", "b"), ("user", "c"), ("assistant", "d")) + "\n")
    assert validate_file(path) == []
    assert read_chat_jsonl(path)[0][0] == {"role": "system", "content": "s"}


def test_cli_validate_prints_every_problem_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join([json.dumps(GOOD), "{", msgs(("user", "x"))]) + "\n")
    result = CliRunner().invoke(cli, ["data", "validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: bad JSON" in result.output
    assert f"{path}:3: no assistant message" in result.output


def test_read_raises_first_problem_with_count(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(["{", "{"]) + "\n")
    with pytest.raises(DatasetError, match=r"data.jsonl:1: bad JSON.*and 1 more"):
        read_chat_jsonl(path)


def test_local_datasets_directory_loads_and_is_validated(tmp_path: Path) -> None:
    import datasets

    good = datasets.Dataset.from_list([GOOD, GOOD])
    good.save_to_disk(str(tmp_path / "good"))
    data = load_chat_data(str(tmp_path / "good"))
    assert len(data.conversations) == 2 and len(data.sha256) == 64
    bad = datasets.Dataset.from_list([GOOD, {"messages": [{"role": "user", "content": "only a question"}]}])
    bad.save_to_disk(str(tmp_path / "bad"))
    with pytest.raises(DatasetError, match="row 2: no assistant message"):
        load_chat_data(str(tmp_path / "bad"))


def test_local_jsonl_directory_loads_through_datasets(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "train.jsonl").write_text(json.dumps(GOOD) + "\n")
    assert load_chat_data(str(folder)).conversations == [GOOD["messages"]]


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such data file"):
        load_chat_data(str(tmp_path / "nope.jsonl"))


def test_cli_stats_prints_size_and_diversity(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(
        "\n".join([json.dumps(GOOD), msgs(("system", "s"), ("user", "u"), ("assistant", "other words"))]) + "\n"
    )
    result = CliRunner().invoke(cli, ["data", "stats", str(path)])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["examples"] == 2 and stats["with_system_prompt"] == 1 and len(stats["sha256"]) == 64


def test_non_utf8_chat_data_is_a_one_line_error_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    latin = json.dumps({"messages": [{"role": "user", "content": "Olá"}, {"role": "assistant", "content": "Oi"}]},
                       ensure_ascii=False)  # fmt: skip
    path.write_bytes((json.dumps(GOOD) + "\n").encode() + (latin + "\n").encode("latin-1"))
    for read in (validate_file, read_chat_jsonl, lambda p: load_chat_data(str(p))):
        with pytest.raises(DatasetError, match=rf"^{path}:2: not UTF-8 \(byte 0xe1"):
            read(path)


def test_a_line_separator_inside_a_string_does_not_split_the_record(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    record = {"messages": [{"role": "user", "content": "a\u2028b"}, {"role": "assistant", "content": "c"}]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    assert validate_file(path) == []
    assert read_chat_jsonl(path)[0][0]["content"] == "a\u2028b"


def test_non_utf8_rows_in_a_local_dataset_directory_name_the_row(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    latin = json.dumps({"messages": [{"role": "user", "content": "Olá"}, {"role": "assistant", "content": "Oi"}]},
                       ensure_ascii=False)  # fmt: skip
    (folder / "train.jsonl").write_bytes((json.dumps(GOOD) + "\n").encode() + (latin + "\n").encode("latin-1"))
    with pytest.raises(DatasetError, match=rf"^{folder} row 2: not UTF-8"):
        load_chat_data(str(folder))
