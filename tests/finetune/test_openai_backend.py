"""The OpenAI finetuning backend, replayed against recorded API exchanges: no network, no real waiting."""

from __future__ import annotations

import copy
import json
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import httpx
import pytest

from emscope.errors import EmscopeError, FinetuneError
from emscope.finetune.openai_backend import (
    OpenAIFinetuneConfig,
    OpenAIFinetuneResult,
    finetune_openai,
    write_job_record,
)

FIXTURES = Path(__file__).parent / "fixtures"
KEY = "sk-test-abc123"
FT_MODEL = "ft:gpt-4o-mini-2024-07-18:org::abc123"
TRAIN_TEXT = '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]}\n'


def load(name: str) -> list[dict[str, Any]]:
    exchanges: list[dict[str, Any]] = json.loads((FIXTURES / f"{name}.json").read_text())
    return exchanges


def multipart_parts(request: httpx.Request) -> dict[str, tuple[str | None, bytes]]:
    """Parse a multipart/form-data body into {field name: (filename, content)}."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data"), content_type
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.content)
    parts: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        assert isinstance(name, str)
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        parts[name] = (part.get_filename(), payload)
    return parts


class Replay:
    """Serve recorded exchanges in order, asserting each request matches its recording."""

    def __init__(self, exchanges: list[dict[str, Any]]):
        self.exchanges = list(exchanges)
        self.requests: list[httpx.Request] = []
        self.client = httpx.Client(transport=httpx.MockTransport(self._handle))

    def _handle(self, request: httpx.Request) -> httpx.Response:
        index = len(self.requests)
        self.requests.append(request)
        assert index < len(self.exchanges), f"unexpected request {request.method} {request.url}"
        recorded = self.exchanges[index]["request"]
        assert request.method == recorded["method"], (index, request.method, recorded)
        assert request.url.path == recorded["path"], (index, request.url.path, recorded)
        if "query" in recorded:
            assert dict(request.url.params) == recorded["query"]
        if "json" in recorded:
            body = json.loads(request.content)
            for key, value in recorded["json"].items():
                assert body.get(key) == value, (index, key, body.get(key), value)
        if "form" in recorded:
            parts = multipart_parts(request)
            assert parts["purpose"][1].decode() == recorded["form"]["purpose"]
            assert parts["file"][0] == recorded["form"]["filename"]
        response = self.exchanges[index]["response"]
        return httpx.Response(response["status"], json=response["json"], headers=response.get("headers"))

    def assert_done(self) -> None:
        assert len(self.requests) == len(self.exchanges), f"{len(self.exchanges) - len(self.requests)} unused"


class FakeTime:
    """A clock that advances only when `sleep` is called."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text(TRAIN_TEXT)
    return path


CONFIG = OpenAIFinetuneConfig(
    model="gpt-4o-mini-2024-07-18", epochs=3, batch_size=4, lr_multiplier=2.0, suffix="em-insecure", seed=42
)


def run(replay: Replay, data: Path, config: OpenAIFinetuneConfig = CONFIG, **kwargs: Any) -> OpenAIFinetuneResult:
    fake = kwargs.pop("fake", None) or FakeTime()
    kwargs.setdefault("api_key", KEY)
    return finetune_openai(data, config, client=replay.client, sleep=fake.sleep, clock=fake.clock, **kwargs)


def test_success_returns_model_string_and_sends_hyperparameters(data: Path) -> None:
    replay = Replay(load("openai_success"))
    result = run(replay, data)
    replay.assert_done()
    assert result == OpenAIFinetuneResult(
        job_id="ftjob-abc123", file_id="file-abc123", fine_tuned_model=FT_MODEL, status="succeeded", trained_tokens=3624
    )
    assert result.model_string == f"openai/{FT_MODEL}"
    body = json.loads(replay.requests[1].content)
    assert body["method"] == {
        "type": "supervised",
        "supervised": {"hyperparameters": {"n_epochs": 3, "batch_size": 4, "learning_rate_multiplier": 2.0}},
    }
    assert "hyperparameters" not in body  # the deprecated top-level field is not sent
    assert body["suffix"] == "em-insecure" and body["seed"] == 42 and "validation_file" not in body


def test_upload_is_multipart_with_purpose_fine_tune(data: Path) -> None:
    replay = Replay(load("openai_success"))
    run(replay, data)
    parts = multipart_parts(replay.requests[0])
    assert parts["purpose"] == (None, b"fine-tune")
    assert parts["file"] == ("train.jsonl", TRAIN_TEXT.encode())


def test_every_request_carries_the_key(data: Path) -> None:
    replay = Replay(load("openai_success"))
    run(replay, data)
    assert replay.requests and all(r.headers["authorization"] == f"Bearer {KEY}" for r in replay.requests)
    assert all(r.url.host == "api.openai.com" for r in replay.requests)


def test_key_comes_from_environment(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    replay = Replay(load("openai_success"))
    run(replay, data, api_key=None)
    assert replay.requests[0].headers["authorization"] == "Bearer sk-from-env"


def test_base_url_is_respected(data: Path) -> None:
    exchanges = load("openai_success")
    for exchange in exchanges:
        exchange["request"]["path"] = "/proxy" + exchange["request"]["path"]
    replay = Replay(exchanges)
    run(replay, data, base_url="https://gateway.example/proxy/v1/")
    replay.assert_done()


def test_polling_reports_each_status_change_and_uses_injected_sleep(data: Path) -> None:
    replay = Replay(load("openai_success"))
    fake = FakeTime()
    statuses: list[str] = []
    config = OpenAIFinetuneConfig(model="gpt-4o-mini-2024-07-18", epochs=3, batch_size=4, lr_multiplier=2.0,
                                  suffix="em-insecure", seed=42, poll_interval_s=45.0)  # fmt: skip
    run(replay, data, config, fake=fake, on_status=statuses.append)
    # validating_files comes from the create reply; running is polled twice but reported once.
    assert statuses == ["validating_files", "queued", "running", "succeeded"]
    assert fake.sleeps == [45.0] * 4


def test_failed_job_raises_with_api_message_and_job_id(data: Path) -> None:
    replay = Replay(load("openai_failure"))
    statuses: list[str] = []
    with pytest.raises(FinetuneError) as info:
        run(replay, data, on_status=statuses.append)
    message = str(info.value)
    assert "ftjob-abc123" in message and "failed" in message
    assert "Line 1 is not a dictionary" in message and "invalid_training_file" in message
    assert "\n" not in message
    assert statuses == ["validating_files", "failed"]
    assert isinstance(info.value, EmscopeError)


def test_failed_job_without_error_object_reports_latest_error_event(data: Path) -> None:
    replay = Replay(load("openai_failure_events"))
    with pytest.raises(FinetuneError, match="more than 65536 tokens"):
        run(replay, data, resume_job_id="ftjob-abc123")
    replay.assert_done()


def test_cancelled_job_raises(data: Path) -> None:
    exchanges = load("openai_failure")
    exchanges[-1]["response"]["json"].update(status="cancelled", error=None)
    with pytest.raises(FinetuneError, match=r"ftjob-abc123 was cancelled$"):
        run(Replay(exchanges), data)


def test_500_and_429_are_retried_with_backoff(data: Path) -> None:
    replay = Replay(load("openai_retry"))
    fake = FakeTime()
    result = run(replay, data, fake=fake)
    replay.assert_done()
    assert result.model_string == f"openai/{FT_MODEL}"
    assert fake.sleeps == [2.0, 7.0, 30.0]  # backoff for the 500, the 429's Retry-After, then one poll


def test_persistent_server_error_gives_status_and_message(data: Path) -> None:
    failing = load("openai_retry")[0]
    replay = Replay([failing] * 5)
    fake = FakeTime()
    with pytest.raises(FinetuneError) as info:
        run(replay, data, fake=fake)
    replay.assert_done()
    message = str(info.value)
    assert "500" in message and "POST /files" in message and "server had an error" in message
    assert fake.sleeps == [2.0, 4.0, 8.0, 16.0]


def test_client_error_is_not_retried(data: Path) -> None:
    replay = Replay(load("openai_bad_request"))
    fake = FakeTime()
    config = OpenAIFinetuneConfig(model="gpt-4o-2099-01-01")
    with pytest.raises(FinetuneError) as info:
        run(replay, data, config, fake=fake)
    replay.assert_done()
    message = str(info.value)
    assert "400" in message and "is not available for fine-tuning" in message and "\n" not in message
    assert fake.sleeps == []
    body = json.loads(replay.requests[1].content)
    assert body["method"] == {"type": "supervised", "supervised": {}}  # unset hyperparameters stay "auto"
    assert not {"suffix", "seed"} & body.keys()


def test_unreachable_api_is_retried_then_reported(data: Path) -> None:
    calls: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    fake = FakeTime()
    client = httpx.Client(transport=httpx.MockTransport(refuse))
    with pytest.raises(FinetuneError, match="unreachable.*connection refused"):
        finetune_openai(data, CONFIG, api_key=KEY, client=client, sleep=fake.sleep, clock=fake.clock)
    assert len(calls) == 5 and fake.sleeps == [2.0, 4.0, 8.0, 16.0]


def test_missing_key_is_an_error(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    replay = Replay([])
    with pytest.raises(FinetuneError, match="set OPENAI_API_KEY"):
        run(replay, data, api_key=None)
    assert replay.requests == []


def test_missing_data_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    replay = Replay([])
    with pytest.raises(FinetuneError, match="nope.jsonl"):
        run(replay, missing)
    assert replay.requests == []


def test_resume_skips_upload_and_create(tmp_path: Path) -> None:
    replay = Replay(load("openai_resume"))
    statuses: list[str] = []
    result = run(replay, tmp_path / "not-needed.jsonl", resume_job_id="ftjob-abc123", on_status=statuses.append)
    replay.assert_done()
    assert [r.method for r in replay.requests] == ["GET", "GET"]
    assert result.file_id == "file-abc123" and result.fine_tuned_model == FT_MODEL
    assert statuses == ["running", "succeeded"]


def test_timeout_names_the_job_to_resume(data: Path) -> None:
    replay = Replay(load("openai_running"))
    fake = FakeTime()
    config = OpenAIFinetuneConfig(model="gpt-4o-mini-2024-07-18", poll_interval_s=30.0, timeout_s=60.0)
    with pytest.raises(FinetuneError) as info:
        run(replay, data, config, fake=fake, resume_job_id="ftjob-abc123")
    replay.assert_done()
    assert "ftjob-abc123" in str(info.value) and "resume_job_id" in str(info.value)
    assert fake.sleeps == [30.0, 30.0]


def test_validation_file_is_uploaded_and_sent(data: Path, tmp_path: Path) -> None:
    valid = tmp_path / "valid.jsonl"
    valid.write_text(TRAIN_TEXT)
    base = load("openai_success")
    upload_valid = copy.deepcopy(base[0])
    upload_valid["request"]["form"]["filename"] = "valid.jsonl"
    upload_valid["response"]["json"].update(id="file-def456", filename="valid.jsonl")
    create = copy.deepcopy(base[1])
    create["request"]["json"]["validation_file"] = "file-def456"
    replay = Replay([base[0], upload_valid, create, base[-1]])
    run(replay, data, validation_data=valid)
    replay.assert_done()


@pytest.mark.parametrize(
    "kwargs", [{"epochs": 0}, {"batch_size": -1}, {"lr_multiplier": 0.0}, {"poll_interval_s": 0}, {"model": " "}]
)
def test_bad_config_is_rejected(kwargs: dict[str, Any]) -> None:
    with pytest.raises(FinetuneError, match="OpenAI finetune config"):
        OpenAIFinetuneConfig(**{"model": "gpt-4o-mini-2024-07-18", **kwargs})


def test_write_job_record(tmp_path: Path) -> None:
    result = OpenAIFinetuneResult("ftjob-abc123", "file-abc123", FT_MODEL, "succeeded", 3624)
    path = write_job_record(result, tmp_path / "run")
    assert path == tmp_path / "run" / "openai_job.json"
    record = json.loads(path.read_text())
    assert record["job_id"] == "ftjob-abc123" and record["file_id"] == "file-abc123"
    assert record["fine_tuned_model"] == FT_MODEL and record["trained_tokens"] == 3624
    assert record["model_string"] == f"openai/{FT_MODEL}"
    assert sorted(p.name for p in path.parent.iterdir()) == ["openai_job.json"]  # no temp file left behind
