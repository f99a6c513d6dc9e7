"""One canonical form of an article's address, so that the same page saved twice (http or
https, with or without 'www.', a trailing slash, a '#fragment', a newsletter's tracking
parameters) is recognised as the same, and different pages never are."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, never which page it is.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs", "ga_", "__")
TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
    "ocid", "cmpid", "ref", "ref_src", "ref_url", "referrer", "smid", "spm", "mkt_tok", "_ga",
    "_gl", "oly_anon_id", "oly_enc_id", "at_medium", "at_campaign", "s_cid", "wt_mc",
    "wt.mc_id", "intcmp", "guccounter",
})


def canonical_url(url: str) -> str:
    """The address reduced to what identifies the page; '' for no (or no usable) address."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "://" in url else "https://" + url)
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url
    if not host:
        return url
    host = host.removeprefix("www.")
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "https"
        if port in (80, 443):
            port = None
    netloc = host + (f":{port}" if port else "")
    path = parts.path.rstrip("/") or ""
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)
