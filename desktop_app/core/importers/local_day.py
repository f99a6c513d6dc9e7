"""The day a page was published where it was published.

Publishers' metadata often gives the publication time in UTC ('2023-11-09T02:11:03+00:00'):
for a Boston station's evening story that is already the next day. When the page also gives
the same moment with its own offset ('2023-11-08T21:11:03-05:00', usually in the visible
byline's <time> element), the local day is the one its readers saw.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_STAMP = re.compile(r"((?:19|20)\d\d-\d\d-\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?"
                    r"\s*(Z|[+-]\d\d:?\d\d)(?![\d:])")
_SAME_MOMENT = timedelta(minutes=2)
_EARLIEST, _LATEST = timedelta(hours=-12), timedelta(hours=14)  # the offsets in use
# Where a page declares when it was published: its JSON-LD and its meta elements.
_PUBLISHED_NAMES = (r"article:published_time|og:published_time|datePublished|pubdate|"
                    r"publishdate|DC\.date\.issued|dcterms\.date|sailthru\.date|parsely-pub-date")
_DECLARED = (
    re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"'),
    # [^<>]: a tag ends before the next begins (see lead.py: linear on unclosed tags)
    re.compile(r'<meta[^<>]+(?:property|name|itemprop)=["\'](?:' + _PUBLISHED_NAMES
               + r')["\'][^<>]*content=["\']([^"\']{8,40})', re.IGNORECASE),
    re.compile(r'<meta[^<>]+content=["\']([^"\']{8,40})["\'][^<>]*(?:property|name|itemprop)='
               r'["\'](?:' + _PUBLISHED_NAMES + r')["\']', re.IGNORECASE),
)
_ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _moments(html: str) -> list[tuple[datetime, int, date]]:
    """Every time with an offset in the page: (the moment in UTC, the offset in minutes, the
    local day)."""
    out = []
    for m in _STAMP.finditer(html):
        day, hour, minute, second, zone = m.groups()
        offset = 0
        if zone != "Z":
            digits = zone[1:].replace(":", "")
            offset = (1 if zone[0] == "+" else -1) * (int(digits[:2]) * 60 + int(digits[2:]))
        try:
            local = datetime.fromisoformat(f"{day}T{hour}:{minute}:{second or '00'}")
        except ValueError:
            continue
        out.append((local - timedelta(minutes=offset), offset, local.date()))
    return out


class PageTimes:
    """A page's publication days as its readers saw them. The times it gives with offsets
    are read once (a scan of the whole page), for the extractor's day and the declared ones
    alike."""

    def __init__(self, html: str) -> None:
        self._html = html
        self._moments: list[tuple[datetime, int, date]] | None = None

    def _all_moments(self) -> list[tuple[datetime, int, date]]:
        if self._moments is None:
            self._moments = _moments(self._html)
        return self._moments

    def local_day(self, day: date) -> date:
        """``day``, or the local day of the same moment where the page gives it with an
        offset other than UTC's and ``day`` is only the UTC day of that moment."""
        moments = self._all_moments()
        utc = [at for at, offset, local in moments if offset == 0 and local == day]
        for at in utc:
            for other, offset, local in moments:
                if offset != 0 and local != day and abs(other - at) <= _SAME_MOMENT:
                    return local
        return day

    def utc_day_elsewhere(self, day: date, other: date) -> bool:
        """Whether the page gives a moment in UTC, on ``day``, that is ``other`` somewhere on
        Earth (offsets from -12 to +14 hours): a byline showing ``other`` may then show the
        same moment in the publisher's own time."""
        moments = self._all_moments()
        return any(offset == 0 and local == day and
                   (at + _EARLIEST).date() <= other <= (at + _LATEST).date()
                   for at, offset, local in moments)

    def declared_days(self) -> set[date]:
        """The days the page's own markup declares it was published (JSON-LD
        ``datePublished``, ``article:published_time`` and the like), each its local day.
        Several where it also describes other articles."""
        days = set()
        for pattern in _DECLARED:
            for value in pattern.findall(self._html):
                m = _ISO_DAY.search(value)
                if m:
                    try:
                        days.add(date(int(m[1]), int(m[2]), int(m[3])))
                    except ValueError:
                        continue
        return {self.local_day(day) for day in days}
