"""The LLM writer against a tiny OpenAI-compatible server on 127.0.0.1 (no model needed)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from newsfuse.config import Settings
from newsfuse.model import Briefing, Source, Span, SummarySentence
from newsfuse.summary.llm import accept, build_messages, endpoint, parse_reply, rewrite_with_llm, unsupported

TEXT_A = "Eleven workers are missing after the blast on the rig. The Coast Guard said the rig sank on Thursday."
TEXT_B = "The rig sank on Thursday in 5,000 feet of water, the Coast Guard said."


def _briefing() -> tuple[Briefing, list[SummarySentence]]:
    a, b = Source("a", TEXT_A, outlet="Reuters"), Source("b", TEXT_B, outlet="BBC")
    s1 = SummarySentence(TEXT_A[:54], (Span("a", 0, 54),))
    s2_end = len(TEXT_A)
    s2 = SummarySentence(TEXT_A[55:], (Span("a", 55, s2_end), Span("b", 0, len(TEXT_B))))
    disputed = SummarySentence("Reports of depth range from 5,000 (BBC) to 6,000 (Fox).", (Span("b", 33, 38),),
                               kind="disputed", disputed=True)
    return Briefing(sources=(a, b)), [s1, s2, disputed]


class _Server:
    """Answers POST /v1/chat/completions with a reply (a string, or a function of the request body)."""

    def __init__(self, reply, status: int = 200) -> None:
        self.reply, self.status, self.requests = reply, status, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append((self.path, body))
                content = outer.reply(body) if callable(outer.reply) else outer.reply
                payload = json.dumps({"id": "x", "object": "chat.completion", "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]})
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload.encode())

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(request):
    srv = _Server(request.param if hasattr(request, "param") else "")
    yield srv
    srv.close()


REPLY = ("Eleven workers were missing after the blast on the rig [1]. "
         "The Coast Guard said the rig sank on Thursday in 5,000 feet of water [2]. "
         "Officials said 99 people were evacuated by helicopter [2]. "
         "BP will pay for everything.")


@pytest.mark.parametrize("server", [REPLY], indirect=True)
def test_rewrite_keeps_supported_drops_unsupported(server):
    briefing, sentences = _briefing()
    settings = Settings(llm_url=server.url, llm_model="tiny", fetch_timeout=5)
    kept, dropped = rewrite_with_llm(sentences, briefing, settings)
    path, body = server.requests[0]
    assert path == "/v1/chat/completions" and body["model"] == "tiny"
    assert "[1] Eleven workers" in body["messages"][1]["content"]
    assert "Reports of depth" not in body["messages"][1]["content"]  # disputed sentences are not rewritten
    assert [s.kind for s in kept] == ["rewritten", "rewritten", "disputed"]
    assert kept[1].citations == (Span("a", 55, len(TEXT_A)), Span("b", 0, len(TEXT_B)))
    reasons = {d.text: d.reason for d in dropped}
    assert "99" in reasons["Officials said 99 people were evacuated by helicopter."]
    assert reasons["BP will pay for everything."] == "cites none of the given sentences"


@pytest.mark.parametrize("server", ["{not json"], indirect=True)
def test_server_failure_keeps_extractive_summary(server):
    server.status = 500
    briefing, sentences = _briefing()
    kept, dropped = rewrite_with_llm(sentences, briefing, Settings(llm_url=server.url, llm_model="m", fetch_timeout=5))
    assert kept == sentences
    assert "LLM writer failed" in dropped[0].reason and "--llm" in dropped[0].reason


def test_unreachable_endpoint_is_reported():
    briefing, sentences = _briefing()
    kept, dropped = rewrite_with_llm(sentences, briefing, Settings(llm_url="http://127.0.0.1:9/v1", llm_model="m",
                                                                     fetch_timeout=2))
    assert kept == sentences and dropped


def test_endpoint_accepts_base_or_full_url():
    assert endpoint("http://localhost:11434/v1/") == "http://localhost:11434/v1/chat/completions"
    assert endpoint("http://h/v1/chat/completions") == "http://h/v1/chat/completions"


def test_parse_reply_moves_markers_and_splits_unmarked_sentences():
    got = parse_reply("The U.S. Coast Guard said so [1][2]. BP agreed. [3] Both sides [2, 4]")
    assert got == [("The U.S. Coast Guard said so.", (1, 2)), ("BP agreed.", (3,)), ("Both sides", (2, 4))]
    assert parse_reply("First fact. Second fact [1].") == [("First fact.", ()), ("Second fact.", (1,))]


def test_unsupported_checks_numbers_and_content_words():
    cited = "11 workers are missing after the blast, the Coast Guard said."
    assert unsupported("Eleven workers were missing after the blast.", cited) is None
    assert "12" in unsupported("12 workers are missing after the blast.", cited)
    assert "content words" in unsupported("Workers in Houston protested against Chevron executives.", cited)


def test_build_messages_numbers_sentences():
    _, sentences = _briefing()
    messages = build_messages(sentences[:2])
    assert messages[0]["role"] == "system" and "[1][3]" in messages[0]["content"]
    assert messages[1]["content"].splitlines()[1].startswith("[2] The Coast Guard")


def test_accept_places_disputed_after_its_carrier():
    briefing, sentences = _briefing()
    kept, _ = accept([("The Coast Guard said the rig sank on Thursday.", (2,)), ("Eleven workers are missing after "
                                                                              "the blast on the rig.", (1,))],
                     sentences, briefing)
    assert [s.kind for s in kept] == ["rewritten", "disputed", "rewritten"]


def _echo_with_invention(body):
    """A 'rewrite' that echoes each numbered sentence with its marker, then invents one."""
    lines = body["messages"][1]["content"].splitlines()
    echoed = " ".join(f"{line.split('] ', 1)[1].rstrip('.')} [{line[1:line.index(']')]}]." for line in lines)
    return echoed + " Officials said 999 people died [1]."


def test_stage_with_llm_end_to_end():
    from newsfuse.api import brief_documents
    from newsfuse.model import RawDocument
    from newsfuse.render.json import briefing_to_json

    a = ("Rescuers searched the burning oil rig in the Gulf of Mexico on Wednesday for eleven missing workers. "
         "The Coast Guard said the platform sank on Thursday morning after burning for two days.\n\n"
         "Officials said the cause of the blast on the rig was not yet known to investigators.")
    b = ("The oil platform sank on Thursday morning after burning for two days, the Coast Guard said. "
         "Eleven workers remain missing after the blast on the rig in the Gulf of Mexico.\n\n"
         "Environmental groups warned that leaking crude could reach the coast of Louisiana within days.")
    docs = [RawDocument(f"{n}.txt", t, "text") for n, t in (("a", a), ("b", b))]
    srv = _Server(_echo_with_invention)
    try:
        briefing = brief_documents(docs, Settings(llm_url=srv.url, llm_model="echo", fetch_timeout=5))
    finally:
        srv.close()
    assert briefing.summary and all(s.kind == "rewritten" for s in briefing.summary)
    data = briefing_to_json(briefing)
    assert [d["text"] for d in data["summary_dropped"]] == ["Officials said 999 people died."]
    for s in data["summary"]:
        assert s["citations"] and s["kind"] == "rewritten"
