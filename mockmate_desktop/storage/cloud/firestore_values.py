"""Python values <-> Firestore REST typed values (`{"stringValue": ...}` and friends).

Decoding is strict about shapes it does not know: a value it cannot read raises `ValueError`, which the
sync turns into a quarantined document rather than a crash.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any


def encode_value(value: Any) -> dict[str, Any]:
    if value is None:
        return {"nullValue": None}
    if isinstance(value, bool):  # before int: bool is an int in Python
        return {"booleanValue": value}
    if isinstance(value, int):
        return {"integerValue": str(value)}
    if isinstance(value, float):
        return {"doubleValue": value}
    if isinstance(value, str):
        return {"stringValue": value}
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return {"timestampValue": moment.astimezone(UTC).isoformat().replace("+00:00", "Z")}
    if isinstance(value, bytes):
        return {"bytesValue": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {"mapValue": {"fields": encode_fields(value)}}
    if isinstance(value, list | tuple):
        return {"arrayValue": {"values": [encode_value(v) for v in value]}}
    raise TypeError(f"cannot store a {type(value).__name__} in Firestore")


def encode_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {str(k): encode_value(v) for k, v in data.items()}


def decode_value(value: Any) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError("not a Firestore value")
    kind, raw = next(iter(value.items()))
    if kind == "nullValue":
        return None
    if kind in ("booleanValue", "stringValue", "referenceValue"):
        return raw
    if kind == "integerValue":
        return int(raw)
    if kind == "doubleValue":
        return float(raw)
    if kind == "timestampValue":
        return datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    if kind == "bytesValue":
        return base64.b64decode(raw)
    if kind == "mapValue":
        return decode_fields((raw or {}).get("fields") or {})
    if kind == "arrayValue":
        return [decode_value(v) for v in (raw or {}).get("values") or []]
    if kind == "geoPointValue":
        return dict(raw)
    raise ValueError(f"unknown Firestore value type {kind}")


def decode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {str(k): decode_value(v) for k, v in fields.items()}
