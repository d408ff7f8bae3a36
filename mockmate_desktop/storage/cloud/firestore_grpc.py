"""Firestore through google-cloud-firestore (gRPC) with the user's ID token as OAuth credentials.

`Credentials(token=...)` never refreshes itself, so the client is rebuilt whenever the token changes. Against
the emulator the library would add `authorization: Bearer owner` (which bypasses security rules) whenever
FIRESTORE_EMULATOR_HOST is set; the client is therefore given its own channel carrying the user's token.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .auth import UserToken
from .config import CloudConfig, CloudConfigError
from .documents import UserDocuments

T = TypeVar("T")


def user_client(config: CloudConfig, id_token: str) -> Any:
    """A Firestore client that acts as the user holding `id_token`, nothing more."""
    try:
        from google.cloud import firestore
        from google.oauth2.credentials import Credentials
    except ImportError as exc:
        raise CloudConfigError("The gRPC transport needs google-cloud-firestore (`pip install 'mockmate-desktop[operator]'`); "
            "unset MOCKMATE_FIRESTORE_TRANSPORT to use REST.") from exc
    credentials = Credentials(token=id_token)  # type: ignore[no-untyped-call]
    client = firestore.Client(project=config.project_id, credentials=credentials)
    if config.firestore_emulator_host:
        import grpc
        from google.auth.transport.grpc import AuthMetadataPlugin
        from google.auth.transport.requests import Request
        from google.cloud.firestore_v1.services.firestore import FirestoreClient
        from google.cloud.firestore_v1.services.firestore.transports import FirestoreGrpcTransport

        channel = grpc.secure_channel(
            config.firestore_emulator_host,
            grpc.composite_channel_credentials(
                grpc.local_channel_credentials(),
                grpc.metadata_call_credentials(
                    AuthMetadataPlugin(credentials, Request())  # type: ignore[no-untyped-call]
                ),
            ),
        )
        client._emulator_host = None  # no "Bearer owner" metadata: the user's token is the only credential
        client._firestore_api_internal = FirestoreClient(transport=FirestoreGrpcTransport(channel=channel))
    return client


class GrpcDocuments:
    """`UserDocuments` over a client that is rebuilt after every token refresh."""

    def __init__(self, config: CloudConfig, token: UserToken) -> None:
        self._config = config
        self._token = token
        self.uid = token.uid
        self._lock = threading.Lock()
        self._generation = -1
        self._docs: UserDocuments | None = None
        self._client: Any = None
        self._id_token = ""

    def _current(self) -> UserDocuments:
        return self._client_for(self._token.get())

    def _client_for(self, id_token: str) -> UserDocuments:
        with self._lock:
            if self._docs is None or self._generation != self._token.generation:
                self.close()
                self._client = user_client(self._config, id_token)
                self._docs = UserDocuments(self._client, self.uid)
                self._generation = self._token.generation
                self._id_token = id_token
            return self._docs

    def _call(self, work: Callable[[UserDocuments], T]) -> T:
        """Run `work`; after an UNAUTHENTICATED answer refresh the token once, rebuild and run it again."""
        from google.api_core.exceptions import Unauthenticated

        docs = self._current()
        try:
            return work(docs)
        except Unauthenticated:
            self._token.refresh(self._id_token)
            return work(self._current())

    def get(self, *parts: str) -> dict[str, Any] | None:
        return self._call(lambda d: d.get(*parts))

    def get_many(self, paths: Sequence[Sequence[str]]) -> dict[str, dict[str, Any] | None]:
        return self._call(lambda d: d.get_many(paths))

    def list(self, *collection: str) -> list[tuple[str, dict[str, Any]]]:
        return self._call(lambda d: d.list(*collection))

    def set_many(self, writes: Sequence[tuple[Sequence[str], dict[str, Any]]]) -> None:
        self._call(lambda d: d.set_many(writes))

    def set(self, parts: Sequence[str], data: dict[str, Any]) -> None:
        self._call(lambda d: d.set(parts, data))

    def path_of(self, *parts: str) -> str:
        return self._current().path_of(*parts)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
