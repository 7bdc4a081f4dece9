"""Reading one news file: bytes → decoded, normalised text → extraction. No database, so a big
import can run it in worker processes (which need no Django set-up) while the main one stores."""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from articles.extraction import Extraction, Gazetteer, UnreadableFile, decode, extract


class ImportFailed(Exception):
    """A file that cannot become an article; the message is the reason shown to the user."""


def normalise(text):
    """The text as stored and hashed: no BOM, Unix line ends, composed Unicode."""
    return unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))


@dataclass
class Parsed:
    """A file read and extracted (in a worker process, for big runs), ready to be stored."""

    path: Path
    raw: bytes = b""
    encoding: str = ""
    text: str = ""
    extraction: Extraction | None = None
    failure: str = ""


def read_article(path, gazetteer, max_bytes):
    """Read, decode and extract one file: pure work, no database, so it can run in a worker."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportFailed(f"file is {size:,} bytes, over the limit of {max_bytes:,} (IMPORT_MAX_BYTES)")
        raw = path.read_bytes()
        text, encoding = decode(raw)
        text = normalise(text)
        extraction = extract(text, gazetteer)
        if not extraction.body.strip():
            raise ImportFailed("no article text: only headline, credits or boilerplate")
        return Parsed(path, raw, encoding, text, extraction)
    except (ImportFailed, UnreadableFile) as exc:
        return Parsed(path, failure=str(exc))
    except OSError as exc:
        return Parsed(path, failure=f"cannot read the file: {exc.strerror or exc}")


_worker = {}  # this worker process's gazetteer and size limit


def start_worker(regions, aliases, max_bytes):
    _worker["gazetteer"] = Gazetteer(regions, aliases)
    _worker["max_bytes"] = max_bytes


def read_article_in_worker(path):
    return read_article(path, _worker["gazetteer"], _worker["max_bytes"])
