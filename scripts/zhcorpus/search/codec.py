"""Byte formats shared with static/search-worker.js; change both together.

Posting lists are sorted document ids, stored either as delta varints or,
when a gram is in more than about 1 document in 8, as a bitmap over all
documents: whichever is smaller. Grams are sharded by FNV-1a over their
UTF-16 code units, which is what JavaScript strings are made of.
"""

from __future__ import annotations

import base64

DELTA, BITMAP = 0, 1


def varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def encode_ids(ids: list[int]) -> bytes:
    out, prev = bytearray(), -1
    for i in ids:
        varint(i - prev - 1, out)  # ids are strictly increasing: gaps are >= 0
        prev = i
    return bytes(out)


def decode_ids(data: bytes) -> list[int]:
    ids, pos, prev = [], 0, -1
    while pos < len(data):
        gap, pos = read_varint(data, pos)
        prev += gap + 1
        ids.append(prev)
    return ids


def encode_postings(ids: list[int], doc_count: int) -> tuple[int, bytes]:
    delta = encode_ids(ids)
    size = (doc_count + 7) // 8
    if size >= len(delta):
        return DELTA, delta
    bits = bytearray(size)
    for i in ids:
        bits[i >> 3] |= 1 << (i & 7)
    return BITMAP, bytes(bits)


def decode_postings(kind: int, data: bytes) -> list[int]:
    if kind == DELTA:
        return decode_ids(data)
    return [i * 8 + b for i, byte in enumerate(data) if byte for b in range(8) if byte >> b & 1]


def decode_varints(data: bytes) -> list[int]:
    values, pos = [], 0
    while pos < len(data):
        value, pos = read_varint(data, pos)
        values.append(value)
    return values


def b64_ids(ids: list[int]) -> str:
    return base64.b64encode(encode_ids(ids)).decode("ascii")


def b64_varints(values: list[int]) -> str:
    out = bytearray()
    for v in values:
        varint(v, out)
    return base64.b64encode(bytes(out)).decode("ascii")


def fnv1a(gram: str) -> int:
    h = 0x811C9DC5
    units = gram.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h ^= units[i] | units[i + 1] << 8
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def encode_shard(entries: list[tuple[str, int, int, bytes]]) -> bytes:
    """[(gram, count, kind, payload)] -> u8 gram length, gram UTF-8, u8 kind, varint count, varint length, payload."""
    out = bytearray()
    for gram, count, kind, payload in entries:
        raw = gram.encode("utf-8")
        out.append(len(raw))
        out += raw
        out.append(kind)
        varint(count, out)
        varint(len(payload), out)
        out += payload
    return bytes(out)


def decode_records(data: bytes) -> list[tuple[str, int, int, bytes]]:
    """encode_shard() backwards: [(gram, count, kind, payload)]."""
    records, pos = [], 0
    while pos < len(data):
        n = data[pos]
        gram = data[pos + 1:pos + 1 + n].decode("utf-8")
        kind = data[pos + 1 + n]
        count, pos = read_varint(data, pos + 2 + n)
        length, pos = read_varint(data, pos)
        records.append((gram, count, kind, data[pos:pos + length]))
        pos += length
    return records


def decode_shard(data: bytes) -> dict[str, tuple[int, bytes]]:
    return {gram: (kind, payload) for gram, _, kind, payload in decode_records(data)}
