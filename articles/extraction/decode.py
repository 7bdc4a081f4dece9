"""Turn the bytes of a scraped file into text, or say plainly why it cannot be read."""

import codecs


class UnreadableFile(ValueError):
    """The file is not text the importer can read; `reason` is a short human sentence."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Signatures of the binary formats most likely to land in a folder of scraped pages.
BINARY_MAGIC = (
    b"\x89PNG",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"%PDF",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"OggS",
    b"RIFF",
    b"ID3",
    b"\x00\x00\x01\x00",
)

# Control characters that never occur in text (tab, newlines, form feed and escape aside).
_TEXT_CONTROLS = {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_BAD_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"
_MAX_CONTROL_SHARE = 0.02


def decode(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for the bytes of a text file; raise UnreadableFile otherwise."""
    if not raw or not raw.strip(b" \t\r\n\x0b\x0c\x00"):
        raise UnreadableFile("empty file")
    if raw.startswith(BINARY_MAGIC):
        raise UnreadableFile("binary file, not text")
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                raise UnreadableFile(f"broken {name.removesuffix('-sig')} text") from None
            return _checked(text.replace("\x00", "")), name

    # Stray NULs show up in otherwise good scraped text; many of them mean a binary file.
    nuls = raw.count(b"\x00")
    if nuls > len(raw) * 0.3 and not _looks_like_utf16(raw):
        raise UnreadableFile("binary file, not text")
    if nuls and _looks_like_utf16(raw):
        for name in ("utf-16-le", "utf-16-be"):
            try:
                return _checked(raw.decode(name).replace("\x00", "")), name
            except (UnicodeDecodeError, UnreadableFile):
                continue
    raw = raw.replace(b"\x00", b"")
    if len(raw.translate(None, _BAD_BYTES)) < len(raw) * (1 - _MAX_CONTROL_SHARE):
        raise UnreadableFile("binary file, not text")
    try:
        return _checked(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(raw.decode("cp1252")), "cp1252"
    except UnicodeDecodeError:
        pass
    text = raw.decode("latin-1")
    # Latin-1 decodes anything; C1 controls in the result mean it was not Latin-1 text at all.
    c1 = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if c1 > max(2, len(text) * 0.01):
        raise UnreadableFile("unknown text encoding")
    return _checked(text), "latin-1"


def _looks_like_utf16(raw: bytes) -> bool:
    """Many NULs in every other byte is UTF-16 without a byte order mark."""
    sample = raw[:4000]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(even, odd) > half * 0.6 and min(even, odd) < half * 0.1


def _checked(text: str) -> str:
    if not text.strip():
        raise UnreadableFile("empty file")
    letters = sum(1 for ch in text[:20000] if ch.isalpha())
    if letters == 0:
        raise UnreadableFile("binary file, not text")
    return text
