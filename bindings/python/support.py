"""Instants and helpers shared by the feature-area tests."""

from datetime import datetime, timezone

from waymark_core import Block


def at(text: str) -> datetime:
    """An instant written as ISO 8601 text with its offset, so each test says which moment."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# Monday 2 March 2026, 10:00 in Moscow: within the hotline's hours (Mon–Fri 08:30–18:30).
MONDAY_10_MOSCOW = at("2026-03-02T07:00:00Z")
# Sunday 1 March 2026, 15:00 in Moscow: the hotline is closed.
SUNDAY_15_MOSCOW = at("2026-03-01T12:00:00Z")
UTC = timezone.utc
# The profile key a shell keeps in the platform keystore: 32 bytes, the same at every launch.
PROFILE_KEY = bytes([42] * 32)


def links(blocks):
    """Every link in an article body, in reading order."""
    found = []
    for block in blocks:
        if block.is_paragraph():
            texts = [block.text]
        elif block.is_bullet_list() or block.is_numbered_list():
            texts = block.items
        elif block.is_callout():
            texts = block.paragraphs
        else:
            assert block.is_heading(), block
            texts = []
        found.extend(span.link for text in texts for span in text.spans if span.link is not None)
    return found


def plain(rich_text) -> str:
    return "".join(span.text for span in rich_text.spans)


__all__ = ["Block", "MONDAY_10_MOSCOW", "PROFILE_KEY", "SUNDAY_15_MOSCOW", "UTC", "at", "links", "plain"]
