"""Decode article bytes: UTF-8 and BOM-marked UTF-16 first, then a detected 8-bit encoding."""

from __future__ import annotations

import codecs
from pathlib import Path

from desktop_app.core.errors import ImportFileError


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


def decode_bytes(data: bytes, path: Path) -> str:
    """Text of a file with newlines normalised; refuse empty, binary or undecodable data."""
    if not data.strip():
        raise ImportFileError(path, "is empty")
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", path)
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text = _strict(data, utf16, path)
    elif _looks_binary(data):
        raise ImportFileError(path, "looks like a binary file, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detected(data, path)
    return normalise_newlines(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is zero, as in ASCII-range UTF-16."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    """One newline convention, so character offsets match what the reader shows."""
    return (text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
            .replace("\u2029", "\n").replace("\x00", ""))


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, f"is not valid {encoding} text (byte {exc.start})") from exc


def _detected(data: bytes, path: Path) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ImportFileError(path, "is not text in any encoding I recognise")
    best = matches[0]
    # Single-byte code pages are often equally plausible; for news text prefer the Western
    # one (cp1252) whenever it decodes the bytes, so "déjà" does not turn into "déją".
    if _single_byte(best.encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _single_byte(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name not in ("utf-8", "utf-16", "utf-32") and \
            len("é".encode(encoding, errors="ignore")) <= 1
    except LookupError:
        return False
