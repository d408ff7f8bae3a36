"""SQLite connections for the local store: one connection per thread, explicit transactions.

Thread-safety choice: the GUI calls the store from worker threads (recording, transcription, reports) while
the GUI thread reads. Each thread gets its own connection (`threading.local`): in WAL mode readers never
block the writer and the writer never blocks readers, and SQLite itself serialises writers
(`BEGIN IMMEDIATE` + a busy timeout, so two writers queue instead of failing). No Python lock is held across
SQL, so a slow reader cannot stall an answer being committed. Connections are created with
`check_same_thread=False` only so that `close()` can close them all at shutdown; each is used by one thread.

Durability: `synchronous=FULL` on every connection, so a commit is on disk when `save_answer` returns
(an fsync per commit is a few milliseconds; an interview writes a handful of rows per minute).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..core.files import PRIVATE_FILE_MODE, ensure_private_dir
from .errors import StoreError

BUSY_TIMEOUT_MS = 15_000


def db_time(moment: datetime) -> str:
    """Fixed-width UTC text, so that SQL comparisons and ORDER BY agree with time order."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _create_private_file(path: Path) -> None:
    """Create the DB file 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode."""
    ensure_private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(fd)
    for companion in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if companion.exists():  # e.g. a database copied in by hand
            os.chmod(companion, PRIVATE_FILE_MODE)


def _read_only_uri(path: Path) -> str:
    """A WAL left by a crash holds committed rows: read it (`mode=ro` can, when its files exist). Without
    one, everything is in the main file and `immutable` opens it with no -shm file to create."""
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if wal.exists() and shm.exists():
        return f"{path.as_uri()}?mode=ro"
    return f"{path.as_uri()}?immutable=1"


class ReadOnlyStoreError(StoreError):
    """A write was asked of a store opened from a read-only data folder."""


class Database:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        """`read_only`: the data folder cannot be written, so the database is opened immutable (no WAL files,
        no locks); every write then fails with `ReadOnlyStoreError` before touching SQLite."""
        self.path = path
        self.read_only = read_only
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False
        if not read_only:
            _create_private_file(path)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise StoreError("The local store was closed; restart MockMate.")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: no implicit transactions; `transaction()` issues BEGIN/COMMIT itself.
            target = _read_only_uri(self.path) if self.read_only else str(self.path)
            conn = sqlite3.connect(
                target,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
                uri=self.read_only,
            )
            conn.row_factory = sqlite3.Row
            if not self.read_only:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            raise StoreError(f"The database {self.path} cannot be opened: {exc}") from exc
        return conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: every statement inside commits together or not at all."""
        if self.read_only:
            raise ReadOnlyStoreError(
                f"The data folder {self.path.parent} is read-only, so nothing was changed: list, show, report "
                "and export work, but saving needs write access. Make the folder writable, or set "
                "MOCKMATE_HOME to another folder."
            )
        conn = self.connection()
        if conn.in_transaction:
            raise StoreError("internal error: nested store transaction")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # Some errors (e.g. RAISE(ROLLBACK), disk full) already ended the transaction.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"Saving to the local database failed ({exc}); nothing was changed.") from exc

    def close(self) -> None:
        """Close every thread's connection; call at shutdown once workers have stopped."""
        with self._all_lock:
            self._closed = True
            for conn in self._all:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._all.clear()
