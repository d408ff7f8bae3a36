"""Cross-user attempts, made as an attacker would with an ordinary signed-in account's ID token over the
Firestore REST API: `mockmate cloud check` runs them against the live project, the tests against the
emulator with the repo's rules. Each must be denied; own access must still work (so a project that denies
everything does not pass)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import requests

from .firestore_values import encode_fields

TIMEOUT_S = 15.0


@dataclass(frozen=True)
class Probe:
    name: str
    allowed: bool  # what the server did
    should_allow: bool
    detail: str

    @property
    def ok(self) -> bool:
        return self.allowed == self.should_allow


def _tombstone(doc_id: str, when: datetime) -> dict[str, object]:
    return {"schema": 1, "id": doc_id, "deleted": True, "last_change": when}


class FirestoreProbes:
    """`attacker` tries to reach `victim_uid`'s data; `own_*` checks confirm the attacker's own folder works."""

    def __init__(self, rest_root: str, attacker_uid: str, attacker_token: str, victim_uid: str) -> None:
        self.root = rest_root.rstrip("/")
        self.database = self.root.split("/v1/", 1)[1]
        self.attacker_uid, self.victim_uid = attacker_uid, victim_uid
        self.headers = {"Authorization": f"Bearer {attacker_token}"}
        self.http = requests.Session()

    def _send(self, method: str, url: str, **kwargs: object) -> requests.Response:
        return self.http.request(method, url, headers=self.headers, timeout=TIMEOUT_S, **kwargs)  # type: ignore[arg-type]

    def _commit(self, writes: list[tuple[str, dict[str, object]]]) -> requests.Response:
        body = {
            "writes": [
                {"update": {"name": f"{self.database}/{path}", "fields": encode_fields(data)}} for path, data in writes
            ]
        }
        return self._send("POST", f"{self.root}:commit", json=body)

    def _query(self, structured: dict[str, object], parent: str = "") -> requests.Response:
        url = f"{self.root}/{parent}:runQuery" if parent else f"{self.root}:runQuery"
        return self._send("POST", url, json={"structuredQuery": structured})

    def attempts(self) -> list[tuple[str, bool, Callable[[], requests.Response]]]:
        """(name, should be allowed, call). The seven cross-user attempts, then the own-folder controls."""
        victim, me = f"users/{self.victim_uid}", f"users/{self.attacker_uid}"
        doc_id = str(uuid4())
        now = datetime.now(UTC)
        return [
            ("read another user's interview", False, lambda: self._send("GET", f"{self.root}/{victim}/interviews/{doc_id}")),
            ("write into another user's folder", False, lambda: self._commit([(f"{victim}/interviews/{doc_id}", _tombstone(doc_id, now) | {"deleted": False})])),
            ("plant a tombstone for another user", False, lambda: self._commit([(f"{victim}/interviews/{doc_id}", _tombstone(doc_id, now))])),
            ("list another user's interviews", False, lambda: self._send("GET", f"{self.root}/{victim}/interviews")),
            ("list all users", False, lambda: self._send("GET", f"{self.root}/users")),
            ("collection-group query over every user's interviews", False, lambda: self._query({"from": [{"collectionId": "interviews", "allDescendants": True}]})),
            ("batch half in another user's folder", False, lambda: self._commit([(f"{me}/interviews/{doc_id}", _tombstone(doc_id, now)), (f"{victim}/interviews/{doc_id}", _tombstone(doc_id, now))])),
            ("own tombstone (control)", True, lambda: self._commit([(f"{me}/interviews/{doc_id}", _tombstone(doc_id, now))])),
            ("own list (control)", True, lambda: self._send("GET", f"{self.root}/{me}/interviews")),
            ("own tombstone dated a day ahead", False, lambda: self._commit([(f"{me}/interviews/{doc_id}", _tombstone(doc_id, now + timedelta(days=1)))])),
        ]

    def run(self) -> list[Probe]:
        found: list[Probe] = []
        for name, should_allow, call in self.attempts():
            response = call()
            allowed = response.status_code < 300 and not _query_error(response)
            found.append(Probe(name, allowed, should_allow, f"HTTP {response.status_code}"))
        return found


def _query_error(response: requests.Response) -> bool:
    """runQuery answers 200 with an error element when a streamed query is refused part-way."""
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, list) and any(isinstance(item, dict) and "error" in item for item in body)
