"""Bytes to text: encodings the archive meets and files it must refuse."""

import pytest

from articles.extraction import UnreadableFile, decode


def test_plain_utf8_is_decoded_and_named():
    assert decode(b"Pilkada Kota Metro") == ("Pilkada Kota Metro", "utf-8")


def test_a_utf8_byte_order_mark_is_dropped():
    text, encoding = decode(b"\xef\xbb\xbfBupati Subang")
    assert text == "Bupati Subang"
    assert encoding == "utf-8-sig"


def test_utf16_with_a_byte_order_mark_is_decoded():
    text, encoding = decode("Wali Kota Bogor\r\n".encode("utf-16"))
    assert text == "Wali Kota Bogor\r\n"
    assert encoding == "utf-16"


def test_crlf_is_kept_for_the_cleaner():
    assert decode(b"Judul\r\n\r\nIsi berita.")[0] == "Judul\r\n\r\nIsi berita."


def test_stray_nul_bytes_are_stripped_from_text():
    assert decode(b"KPU\x00 Subang")[0] == "KPU Subang"


def test_cp1252_text_is_read_when_it_is_not_utf8():
    text, encoding = decode("Caf\u00e9 \u201cdemokrasi\u201d".encode("cp1252"))
    assert text == "Caf\u00e9 \u201cdemokrasi\u201d"
    assert encoding == "cp1252"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, encoding = decode(b"Pemilu \x81 damai \xe9")
    assert encoding == "latin-1"
    assert text.startswith("Pemilu")


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04rest", b"%PDF-1.7 ...", bytes(range(1, 32)) * 20],
)
def test_binary_files_are_refused_with_a_plain_reason(raw):
    with pytest.raises(UnreadableFile) as refused:
        decode(raw)
    assert refused.value.reason == "binary file, not text"


@pytest.mark.parametrize("raw", [b"", b"   \r\n\t ", b"\x00\x00"])
def test_empty_files_are_refused(raw):
    with pytest.raises(UnreadableFile, match="empty file"):
        decode(raw)
