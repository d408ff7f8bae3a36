"""Cross-user and limit probes against the Firebase Storage REST API (v0), run by `mockmate cloud check` on a
real (staging) project: storage.rules cannot be evaluated on this kind of machine (no Storage emulator)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import requests

from .auth import SignedInUser
from .config import CloudConfig
from .files import multipart_body
from .probes import Probe

TIMEOUT_S = 60.0


def storage_probes(config: CloudConfig, attacker: SignedInUser, victim: SignedInUser) -> list[Probe]:
    root = config.storage_rest_root
    headers = {"Authorization": f"Firebase {attacker.id_token}"}

    def upload(name: str, data: bytes, content_type: str) -> requests.Response:
        body, multipart_type = multipart_body({"name": name, "contentType": content_type}, data, content_type)
        return requests.post(
            root,
            params={"name": name},
            data=body,
            headers={**headers, "X-Goog-Upload-Protocol": "multipart", "Content-Type": multipart_type},
            timeout=TIMEOUT_S,
        )

    def get(name: str) -> requests.Response:
        return requests.get(f"{root}/{quote(name, safe='')}", headers=headers, timeout=TIMEOUT_S)

    mine, theirs = f"users/{attacker.uid}", f"users/{victim.uid}"
    pdf = b"%PDF-1.4\n% mockmate check\n"
    attempts: list[tuple[str, bool, Callable[[], requests.Response]]] = [
        ("storage: upload into another user's folder", False, lambda: upload(f"{theirs}/resumes/x.pdf", pdf, "application/pdf")),
        ("storage: read another user's file", False, lambda: get(f"{theirs}/resumes/x.pdf")),
        ("storage: list another user's folder", False, lambda: requests.get(root, params={"prefix": f"{theirs}/", "delimiter": "/"}, headers=headers, timeout=TIMEOUT_S)),
        ("storage: resume over 10 MiB", False, lambda: upload(f"{mine}/resumes/big.pdf", pdf + b"0" * (10 << 20), "application/pdf")),
        ("storage: resume as HTML", False, lambda: upload(f"{mine}/resumes/x.html", b"<script>", "text/html")),
        ("storage: audio that is not WAV", False, lambda: upload(f"{mine}/interviews/s/audio/a.mp3", b"ID3", "audio/mpeg")),
        ("storage: file outside the known folders", False, lambda: upload(f"{mine}/other/x.pdf", pdf, "application/pdf")),
        ("storage: own resume (control)", True, lambda: upload(f"{mine}/resumes/ok.pdf", pdf, "application/pdf")),
        ("storage: read own resume (control)", True, lambda: get(f"{mine}/resumes/ok.pdf")),
    ]
    found = []
    for name, should_allow, call in attempts:
        response = call()
        found.append(Probe(name, response.status_code < 300, should_allow, f"HTTP {response.status_code}"))
    return found
