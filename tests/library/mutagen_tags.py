#!/usr/bin/env python3
"""Prints, for each file given, one JSON line with the title, artist and album mutagen reads.

An independent reader for tst_mutagenagreement: {"path", "title", "artist", "album"} (the first
value of each, or null), or {"path", "error"} when mutagen cannot read the file.
"""
import json
import sys

import mutagen
from mutagen.apev2 import APEv2
from mutagen.id3 import ID3

FIELDS = ("title", "artist", "album")
# Keys of each tag type where easy mode gives nothing (ASF, MP4, APE, Vorbis, RIFF INFO).
RAW_KEYS = {
    "title": ("Title", "TITLE", "title", "\xa9nam", "TIT2", "INAM"),
    "artist": ("Author", "ARTIST", "Artist", "artist", "\xa9ART", "TPE1", "IART"),
    "album": ("WM/AlbumTitle", "ALBUM", "Album", "album", "\xa9alb", "TALB", "IPRD"),
}


def first_text(value):
    """The first value of a tag entry as text, whatever the tag type stores."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    text = getattr(value, "text", value)  # ID3 frames hold a list in .text
    if isinstance(text, (list, tuple)):
        text = text[0] if text else None
    if text is None:
        return None
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = str(getattr(text, "value", text))  # ASF attributes, APE values
    return text.split("\0")[0] or None  # an APE tag's values are NUL-separated


def from_tags(tags, field):
    if tags is None:
        return None
    for key in RAW_KEYS[field]:
        try:
            if key in tags:
                found = first_text(tags[key])
                if found:
                    return found
        except (KeyError, ValueError, TypeError):
            continue
    return None


def open_file(path):
    """(easy, raw) views of the file, or raises; a bare or damaged file's tag alone when the
    audio cannot be parsed (a .id3 file, an APE file with a header mutagen rejects)."""
    try:
        easy = mutagen.File(path, easy=True)
        raw = mutagen.File(path)
        if easy is not None or raw is not None:
            return easy, raw
        failure = "unknown format"
    except Exception as error:  # mutagen raises many types on damaged files
        failure = "%s: %s" % (type(error).__name__, error)
    for tag_type in (ID3, APEv2):
        try:
            return None, tag_type(path)
        except Exception:
            continue
    raise RuntimeError(failure)


def read(path):
    result = {"path": path}
    try:
        easy, raw = open_file(path)
    except RuntimeError as error:
        result["error"] = str(error)
        return result
    for field in FIELDS:
        value = None
        if easy is not None and easy.tags is not None:
            value = first_text(easy.tags.get(field))
        if value is None and raw is not None:
            value = from_tags(getattr(raw, "tags", raw), field)
        result[field] = value
    return result


def main():
    for path in sys.argv[1:]:
        print(json.dumps(read(path), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
