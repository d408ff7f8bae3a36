"""The local Gemini-compatible server itself: wire format, both API versions, lifecycle."""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from mockmate_desktop.domain.gemini_schemas import SummaryOut
from tests.support.fake_gemini import FakeGeminiServer, Fault


def post(
    server: FakeGeminiServer, path: str, body: dict[str, object], key: str | None = None
) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        server.base_url + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "x-goog-api-key": key or server.api_key},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_v1beta_path_answers_like_the_real_api(fake_gemini: FakeGeminiServer) -> None:
    status, body = post(
        fake_gemini,
        "/v1beta/models/gemini-flash-latest:generateContent",
        {
            "contents": [{"role": "user", "parts": [{"text": "hello"}]}],
            "generationConfig": {
                "responseSchema": {"type": "OBJECT", "properties": {"overall_score": {"type": "INTEGER"}}}
            },
        },
    )
    assert status == 200
    candidate = body["candidates"][0]
    assert candidate["finishReason"] == "STOP" and candidate["content"]["role"] == "model"
    assert "overall_score" in json.loads(candidate["content"]["parts"][0]["text"])
    assert body["usageMetadata"]["totalTokenCount"] > 0 and body["modelVersion"] == "gemini-flash-latest"
    assert fake_gemini.generate_requests()[0].version == "v1beta"


def test_invalid_key_error_has_the_real_shape(fake_gemini: FakeGeminiServer) -> None:
    status, body = post(fake_gemini, "/v1/models/m:generateContent", {"contents": []}, key="wrong")
    assert status == 400
    assert body["error"]["status"] == "INVALID_ARGUMENT"
    assert body["error"]["details"][0]["reason"] == "API_KEY_INVALID"


def test_faults_are_served_in_order_then_normal_answers(fake_gemini: FakeGeminiServer) -> None:
    fake_gemini.push(Fault.RATE_LIMIT, Fault.UNAVAILABLE)
    codes = [post(fake_gemini, "/v1/models/m:generateContent", {"contents": []})[0] for _ in range(3)]
    assert codes == [429, 503, 200]


def test_unknown_path_is_404(fake_gemini: FakeGeminiServer) -> None:
    assert post(fake_gemini, "/v1/models/m:countTokens", {})[0] == 404


def test_models_get_for_diagnostics(fake_gemini: FakeGeminiServer) -> None:
    request = urllib.request.Request(
        fake_gemini.base_url + "/v1/models/gemini-2.5-flash", headers={"x-goog-api-key": fake_gemini.api_key}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.loads(response.read())["name"] == "models/gemini-2.5-flash"


def test_answers_fit_our_schemas_from_the_schema_the_sdk_sends(fake_gemini: FakeGeminiServer) -> None:
    from google.genai import _transformers

    schema = _transformers.t_schema(None, SummaryOut)  # what the SDK sends for this model
    assert schema is not None
    wire = json.loads(schema.model_dump_json(exclude_none=True))
    wire["type"] = "OBJECT"
    text = (
        '<<<DATA label="q1_question" tag="a">>>\nWhat is Go?\n<<<END DATA label="q1_question" tag="a">>>\n'
        '<<<DATA label="q1_answer" tag="b">>>\nGo is a compiled language I used for 4 years.\n'
        '<<<END DATA label="q1_answer" tag="b">>>'
    )
    status, body = post(
        fake_gemini,
        "/v1/models/m:generateContent",
        {
            "contents": [{"role": "user", "parts": [{"text": text}]}],
            "generationConfig": {"responseSchema": {k: v for k, v in wire.items() if k != "title"}},
        },
    )
    assert status == 200
    SummaryOut.model_validate_json(body["candidates"][0]["content"]["parts"][0]["text"])


def test_stopping_frees_the_port_and_releases_hanging_requests() -> None:
    server = FakeGeminiServer(hang_max_s=30).start()
    port = int(server.base_url.rsplit(":", 1)[1])
    server.always = Fault.HANG
    connection = socket.create_connection(("127.0.0.1", port), timeout=5)
    connection.sendall(
        b"POST /v1/models/m:generateContent HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
        b"x-goog-api-key: " + server.api_key.encode() + b"\r\n\r\n{}"
    )
    assert server.wait_for_requests(1)  # the handler is now hanging
    stop = threading.Thread(target=server.stop)
    stop.start()
    stop.join(timeout=5)
    assert not stop.is_alive()
    connection.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1)
