"""Finetune an OpenAI model through the fine-tuning REST API, so its emergent misalignment can be measured.

The flow is the one the API documents: upload the JSONL training file (`POST /files`, purpose
`fine-tune`), create a supervised job (`POST /fine_tuning/jobs`), then poll the job
(`GET /fine_tuning/jobs/{id}`) until it reaches a terminal status. A succeeded job names the new
model (`ft:...`), which Inspect evaluates as `openai/ft:...`.

We talk to the API with `httpx` directly rather than the `openai` package, so the backend adds no
dependency and every request can be replayed from recorded exchanges in tests. Rate limits (429),
server errors (5xx) and dropped connections are retried with exponential backoff; any other error
becomes a one-line `FinetuneError`. Jobs run for hours, so a timed-out or interrupted run can be
picked up again with `resume_job_id`, which skips the upload and the job creation.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from emscope.errors import FinetuneError
from emscope.paths import atomic_write_text

DEFAULT_BASE_URL = "https://api.openai.com/v1"
JOB_RECORD_NAME = "openai_job.json"
TERMINAL_STATUSES = frozenset({"succeeded", "failed", "cancelled"})

_MAX_RETRIES = 4  # retries after the first attempt, so at most five requests per call
_BACKOFF_BASE_S = 2.0
_BACKOFF_MAX_S = 60.0
_REQUEST_TIMEOUT = httpx.Timeout(60.0, write=600.0)  # uploads can be large; everything else is small


@dataclass(frozen=True)
class OpenAIFinetuneConfig:
    """Settings for one OpenAI supervised fine-tuning job.

    Attributes:
        model: Base model to finetune, e.g. `gpt-4o-2024-08-06`.
        epochs: `n_epochs` hyperparameter; `None` leaves it to the API ("auto").
        batch_size: `batch_size` hyperparameter; `None` leaves it to the API.
        lr_multiplier: `learning_rate_multiplier` hyperparameter; `None` leaves it to the API.
        suffix: Text the API puts into the finetuned model's name.
        seed: Seed for the job, for reproducibility.
        poll_interval_s: Seconds between status polls.
        timeout_s: Give up polling after this many seconds (the job itself keeps running).
    """

    model: str
    epochs: int | None = None
    batch_size: int | None = None
    lr_multiplier: float | None = None
    suffix: str | None = None
    seed: int | None = None
    poll_interval_s: float = 30.0
    timeout_s: float = 6 * 3600

    def __post_init__(self) -> None:
        """Reject settings the API would refuse only after an upload."""
        if not self.model.strip():
            raise FinetuneError("OpenAI finetune config: model must not be empty")
        for name in ("epochs", "batch_size"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise FinetuneError(f"OpenAI finetune config: {name} must be a positive integer, got {value!r}")
        for name in ("lr_multiplier", "poll_interval_s", "timeout_s"):
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise FinetuneError(f"OpenAI finetune config: {name} must be positive, got {value!r}")

    def hyperparameters(self) -> dict[str, int | float]:
        """Return the hyperparameters that are set, under the API's names."""
        pairs: list[tuple[str, int | float | None]] = [
            ("n_epochs", self.epochs),
            ("batch_size", self.batch_size),
            ("learning_rate_multiplier", self.lr_multiplier),
        ]
        return {key: value for key, value in pairs if value is not None}


@dataclass(frozen=True)
class OpenAIFinetuneResult:
    """A finished (succeeded) OpenAI fine-tuning job.

    Attributes:
        job_id: The job's id (`ftjob-...`).
        file_id: The uploaded training file's id (`file-...`).
        fine_tuned_model: Name of the finetuned model (`ft:...`).
        status: The job's terminal status (`succeeded`).
        trained_tokens: Billable tokens the job trained on, when the API reports them.
    """

    job_id: str
    file_id: str
    fine_tuned_model: str
    status: str
    trained_tokens: int | None = None

    @property
    def model_string(self) -> str:
        """Return the Inspect model string for the finetuned model, `openai/<fine_tuned_model>`."""
        return f"openai/{self.fine_tuned_model}"


def write_job_record(result: OpenAIFinetuneResult, out_dir: Path) -> Path:
    """Write `result` (plus its Inspect model string) to `out_dir/openai_job.json` atomically.

    Args:
        result: The finished job.
        out_dir: Directory to write into; created if missing.

    Returns:
        The path written.
    """
    record: dict[str, Any] = {"backend": "openai", **dataclasses.asdict(result), "model_string": result.model_string}
    return atomic_write_text(Path(out_dir) / JOB_RECORD_NAME, json.dumps(record, indent=2) + "\n")


def finetune_openai(
    data: Path,
    config: OpenAIFinetuneConfig,
    *,
    api_key: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_status: Callable[[str], None] | None = None,
    resume_job_id: str | None = None,
    validation_data: Path | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> OpenAIFinetuneResult:
    """Upload `data`, run a supervised fine-tuning job on `config.model` and wait for it to finish.

    Args:
        data: Chat-format JSONL training file.
        config: Base model, hyperparameters and polling settings.
        api_key: OpenAI API key; defaults to `$OPENAI_API_KEY`.
        base_url: API root, including the `/v1` prefix.
        client: HTTP client to use (tests pass one with a mock transport); one is made and closed
            here when omitted.
        sleep: Called to wait between polls and retries.
        on_status: Called with the job's status when first seen and whenever it changes.
        resume_job_id: Poll this existing job instead of uploading `data` and creating a new one.
        validation_data: Optional JSONL validation file, uploaded alongside `data`.
        clock: Monotonic clock the polling timeout is measured against.

    Returns:
        The succeeded job, with the finetuned model's name.

    Raises:
        FinetuneError: No API key, a missing data file, an HTTP error that retries did not cure, a
            failed or cancelled job, or a job still running after `config.timeout_s`.
    """
    key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
    if not key:
        raise FinetuneError("no OpenAI API key: pass api_key or set OPENAI_API_KEY")
    if resume_job_id is None:
        for path in (data, validation_data):
            if path is not None and not Path(path).is_file():
                raise FinetuneError(f"{path}: finetuning data file not found")

    owns_client = client is None
    http = client if client is not None else httpx.Client(timeout=_REQUEST_TIMEOUT)
    try:
        api = _Api(http, base_url, key, sleep)
        if resume_job_id is not None:
            job = api.request("GET", f"/fine_tuning/jobs/{resume_job_id}")
        else:
            file_id = _upload(api, Path(data))
            validation_id = _upload(api, Path(validation_data)) if validation_data is not None else None
            job = api.request("POST", "/fine_tuning/jobs", json=_job_body(config, file_id, validation_id))
        job = _poll(api, job, config, sleep, clock, on_status)
        return _result(api, job)
    finally:
        if owns_client:
            http.close()


def _job_body(config: OpenAIFinetuneConfig, file_id: str, validation_id: str | None) -> dict[str, Any]:
    """Build the `POST /fine_tuning/jobs` body, with hyperparameters nested under a supervised method."""
    body: dict[str, Any] = {"model": config.model, "training_file": file_id}
    if validation_id is not None:
        body["validation_file"] = validation_id
    if config.suffix is not None:
        body["suffix"] = config.suffix
    if config.seed is not None:
        body["seed"] = config.seed
    supervised: dict[str, Any] = {}
    if hyper := config.hyperparameters():
        supervised["hyperparameters"] = hyper
    body["method"] = {"type": "supervised", "supervised": supervised}
    return body


def _upload(api: _Api, path: Path) -> str:
    """Upload a JSONL file for fine-tuning and return its file id."""
    reply = api.request("POST", "/files", upload=path)
    file_id = reply.get("id")
    if not isinstance(file_id, str):
        raise FinetuneError(f"OpenAI upload of {path} returned no file id")
    return file_id


def _poll(
    api: _Api,
    job: dict[str, Any],
    config: OpenAIFinetuneConfig,
    sleep: Callable[[float], None],
    clock: Callable[[], float],
    on_status: Callable[[str], None] | None,
) -> dict[str, Any]:
    """Poll `job` until its status is terminal, reporting each new status; return the final job."""
    job_id = _job_id(job)
    start = clock()
    last: str | None = None
    while True:
        status = str(job.get("status"))
        if status != last:
            last = status
            if on_status is not None:
                on_status(status)
        if status in TERMINAL_STATUSES:
            return job
        remaining = config.timeout_s - (clock() - start)
        if remaining <= 0:
            raise FinetuneError(
                f"OpenAI fine-tuning job {job_id} still {status} after {config.timeout_s:g} s; "
                f"resume with resume_job_id={job_id!r}"
            )
        sleep(min(config.poll_interval_s, remaining))
        job = api.request("GET", f"/fine_tuning/jobs/{job_id}")


def _result(api: _Api, job: dict[str, Any]) -> OpenAIFinetuneResult:
    """Turn a terminal job into a result, or raise for a failed or cancelled one."""
    job_id = _job_id(job)
    status = str(job.get("status"))
    if status != "succeeded":
        detail = _failure_message(api, job)
        verb = "was cancelled" if status == "cancelled" else "failed"
        raise FinetuneError(f"OpenAI fine-tuning job {job_id} {verb}" + (f": {detail}" if detail else ""))
    model = job.get("fine_tuned_model")
    if not isinstance(model, str) or not model:
        raise FinetuneError(f"OpenAI fine-tuning job {job_id} succeeded but names no fine_tuned_model")
    tokens = job.get("trained_tokens")
    return OpenAIFinetuneResult(
        job_id=job_id,
        file_id=str(job.get("training_file") or ""),
        fine_tuned_model=model,
        status=status,
        trained_tokens=tokens if isinstance(tokens, int) and not isinstance(tokens, bool) else None,
    )


def _failure_message(api: _Api, job: dict[str, Any]) -> str:
    """Return the job's error message, else the latest error-level event's message, else ''."""
    error = job.get("error")
    if isinstance(error, Mapping) and error.get("message"):
        code = error.get("code")
        message = str(error["message"])
        return _one_line(f"{message} ({code})" if code else message)
    if job.get("status") == "cancelled":
        return ""
    try:
        events = api.request("GET", f"/fine_tuning/jobs/{_job_id(job)}/events", params={"limit": 20})
    except FinetuneError:
        return ""
    for event in events.get("data") or []:  # newest first
        if isinstance(event, Mapping) and event.get("level") == "error" and event.get("message"):
            return _one_line(str(event["message"]))
    return ""


def _job_id(job: Mapping[str, Any]) -> str:
    """Return the job's id, or raise if the API reply lacks one."""
    job_id = job.get("id")
    if not isinstance(job_id, str) or not job_id:
        raise FinetuneError("OpenAI fine-tuning API returned a job without an id")
    return job_id


def _one_line(text: str, limit: int = 500) -> str:
    """Collapse whitespace so a message fits on one line, and cap its length."""
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


class _Api:
    """Authenticated JSON requests against the API root, retrying 429s, 5xxs and dropped connections."""

    def __init__(self, http: httpx.Client, base_url: str, key: str, sleep: Callable[[float], None]):
        self._http = http
        self._base = base_url.rstrip("/")
        self._headers = {"Authorization": f"Bearer {key}"}
        self._sleep = sleep

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        upload: Path | None = None,
    ) -> dict[str, Any]:
        """Send one request (retrying transient failures) and return the decoded JSON object.

        Args:
            method: HTTP method.
            path: Path below the API root, e.g. `/files`.
            json: JSON body.
            params: Query parameters.
            upload: File to send as multipart `file`, with form field `purpose=fine-tune`.

        Returns:
            The response body, which must be a JSON object.

        Raises:
            FinetuneError: A non-2xx status after retries, an unreachable API, or a non-JSON body.
        """
        where = f"{method} {path}"
        attempt = 0
        while True:
            try:
                response = self._send(method, path, json=json, params=params, upload=upload)
            except httpx.TransportError as exc:
                if attempt >= _MAX_RETRIES:
                    raise FinetuneError(
                        f"OpenAI API unreachable ({where}): {_one_line(str(exc) or type(exc).__name__)}"
                    ) from exc
                self._sleep(_backoff(attempt, None))
                attempt += 1
                continue
            if _retryable(response.status_code) and attempt < _MAX_RETRIES:
                self._sleep(_backoff(attempt, response.headers.get("retry-after")))
                attempt += 1
                continue
            break
        if not response.is_success:
            raise FinetuneError(f"OpenAI API error {response.status_code} ({where}): {_error_message(response)}")
        try:
            body = response.json()
        except ValueError as exc:
            raise FinetuneError(f"OpenAI API returned non-JSON ({where}): {_one_line(response.text, 200)}") from exc
        if not isinstance(body, dict):
            raise FinetuneError(f"OpenAI API returned {type(body).__name__}, not an object ({where})")
        return body

    def _send(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None,
        params: Mapping[str, Any] | None,
        upload: Path | None,
    ) -> httpx.Response:
        """Send one attempt; an upload reopens its file so a retry sends it whole."""
        url = self._base + path
        if upload is None:
            return self._http.request(method, url, json=json, params=params, headers=self._headers)
        with open(upload, "rb") as handle:
            return self._http.request(
                method,
                url,
                params=params,
                headers=self._headers,
                data={"purpose": "fine-tune"},
                files={"file": (upload.name, handle, "application/jsonl")},
            )


def _retryable(status: int) -> bool:
    """Whether a status is worth retrying: rate limits and server errors."""
    return status == 429 or status >= 500


def _backoff(attempt: int, retry_after: str | None) -> float:
    """Seconds to wait before retry `attempt + 1`: the server's Retry-After if given, else exponential."""
    if retry_after is not None:
        try:
            return min(max(float(retry_after), 0.0), _BACKOFF_MAX_S)
        except ValueError:
            pass  # an HTTP date; fall back to our own schedule
    return min(_BACKOFF_BASE_S * 2.0**attempt, _BACKOFF_MAX_S)


def _error_message(response: httpx.Response) -> str:
    """Return the API's error message from an error response, on one line."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, Mapping):
        error = body.get("error")
        if isinstance(error, Mapping) and error.get("message"):
            return _one_line(str(error["message"]))
        if isinstance(error, str) and error:
            return _one_line(error)
    return _one_line(response.text, 200) or response.reason_phrase or "no message"
