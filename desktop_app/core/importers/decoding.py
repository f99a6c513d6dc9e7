"""Decode article bytes as they were published: a byte-order mark, else the charset the page
declares (meta charset, http-equiv, XML declaration), else UTF-8, else a detected 8-bit
encoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from desktop_app.core.errors import ImportFileError


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.05


_DECLARED = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})"
    rb"|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
# What browsers read these labels as (WHATWG Encoding): Latin-1 and ASCII pages are in fact
# windows-1252, and a page that says UTF-16 in ASCII-compatible bytes is UTF-8.
_BROWSER_LABELS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
                   "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252",
                   "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
                   "gb2312": "gbk", "x-sjis": "shift_jis"}


def declared_charset(data: bytes) -> str | None:
    """The text encoding a page declares in its first 8 kB, if Python knows it as one."""
    m = _DECLARED.search(data[:8192])
    if m is None:
        return None
    return text_codec((m.group(1) or m.group(2)).decode("ascii"))


def text_codec(label: str) -> str | None:
    """The Python codec of a charset label ('ISO-8859-1', 'utf8') as browsers read it, if it
    is a text encoding Python knows; None for 'x-unknown', 'idna', 'base64'..."""
    label = label.strip().lower()
    label = _BROWSER_LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # Only real text encodings: 'idna', 'rot13' and the like are not page charsets.
    if info.name in ("idna", "punycode", "rot-13", "raw-unicode-escape", "unicode-escape",
                     "undefined"):
        return None
    return info.name  # a non-text codec ('base64') fails to decode, and is passed over


def decode_bytes(data: bytes, path: Path, markup: bool = False,
                 declared: str | None = None) -> str:
    """Text of a file with newlines normalised; refuse empty, binary or undecodable data.
    ``markup``: an HTML or XML page, whose own charset declaration is believed; ``declared``:
    the charset label the container gives (an e-mail part's), believed if it is a real one."""
    if not data.strip():
        raise ImportFileError(path, "is empty")
    codec = text_codec(declared) if declared else declared_charset(data) if markup else None
    text = _decode(data, path, codec)
    if "\x00" in text:  # past the part sniffed for binary data: never dropped unsaid
        raise ImportFileError(path, f"holds a NUL character (at character "
                                    f"{text.index(chr(0)):,}); text has none, so the file is "
                                    "damaged or is not text")
    return normalise_newlines(text)


def _decode(data: bytes, path: Path, declared: str | None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's: the
        return _strict(data, "utf-32", path)  # little-endian marks begin alike
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if (utf16 := _utf16_without_bom(data)) is not None:
        return _strict(data, utf16, path)
    if _looks_binary(data):
        raise ImportFileError(path, "looks like a binary file, not text")
    return _utf8_declared_or_detected(data, path, declared)


def _utf8_declared_or_detected(data: bytes, path: Path, declared: str | None) -> str:
    """Valid UTF-8 is UTF-8 whatever a page says (8-bit text is almost never valid UTF-8,
    and pages that were converted keep their old declaration); else the declared charset;
    a page that says UTF-8 but holds a few stray 8-bit bytes keeps its UTF-8 and reads each
    stray byte as windows-1252; only undeclared text is guessed."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared == "utf-8":
        return data.decode("utf-8", errors="cp1252-fallback")
    if declared is not None:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _detected(data, path)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start:exc.end]
    return "".join(_byte_as_cp1252(b) for b in bad), exc.end


def _byte_as_cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return chr(byte)


codecs.register_error("cp1252-fallback", _cp1252_fallback)


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
