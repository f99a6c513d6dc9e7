"""The TimelineJS export as its readers see it: TimelineJS itself (the npm package, fetched
from the registry once and checked against its published digest) in headless Chromium
(Debian's chromium, installed by `scripts/setup.sh --test`) renders every slide of the
hostile project, and nothing in it runs: no alert, no event handler, no script element."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.core.test_export_safety import HOSTILE_EVENT_TITLE, hostile  # noqa: F401

VERSION = "3.9.11"
TARBALL = f"https://registry.npmjs.org/@knight-lab/timelinejs/-/timelinejs-{VERSION}.tgz"
INTEGRITY = ("sha512-+jUuY1OJ+9zSO5O3AfYSLd1yB0vQkm22zyIElz8BWT5DQ9mL0rsxlQkBKAqLbWpJjFuAAJeq"
             "zLY35xFIg6GW4g==")
CACHE = Path.home() / ".cache" / "timeline-annotator-tests" / f"timelinejs-{VERSION}"


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh --test installs it)")
    return found


def _timelinejs() -> Path:
    """TimelineJS's dist folder, fetched once from the npm registry and verified."""
    if not (CACHE / "js" / "timeline.js").exists():
        try:
            with urllib.request.urlopen(TARBALL, timeout=60) as response:  # noqa: S310
                data = response.read()
        except OSError as exc:
            pytest.skip(f"the npm registry is unreachable ({exc})")
        digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        assert digest == INTEGRITY, "the TimelineJS package is not the published one"
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.startswith(("package/dist/js/",
                                                               "package/dist/css/")):
                    target = CACHE / member.name.removeprefix("package/dist/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    assert source is not None
                    target.write_bytes(source.read())
    return CACHE


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{dist}/css/timeline.css">
<script>
  var ran = [];
  window.alert = window.confirm = window.prompt = function (m) {{ ran.push(String(m)); }};
</script>
<script src="{dist}/js/timeline.js"></script>
<script src="data.js"></script>
</head><body><div id="timeline" style="width: 1000px; height: 600px"></div>
<script>
  var tl = new TL.Timeline("timeline", DATA, {{script_path: "{dist}/js/"}});
  setTimeout(function () {{
    document.body.setAttribute("data-ran", JSON.stringify(ran));
    document.body.setAttribute("data-slides",
      String(document.querySelectorAll(".tl-slide").length));
  }}, 3000);
</script></body></html>"""


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # elements without an end tag


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[tuple[str, str]] = []
        self.scripts_in_timeline = 0
        self.body: dict[str, str] = {}
        self.text: list[str] = []
        self._depth = 0  # inside the timeline's container

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.body = values
        if values.get("id") == "timeline":
            self._depth = 1
        elif self._depth:
            self._depth += tag not in _VOID
            if tag == "script":
                self.scripts_in_timeline += 1
            self.handlers += [(tag, k) for k in values if k.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text.append(data)


@pytest.mark.slow
def test_timelinejs_renders_every_slide_of_the_hostile_project_and_runs_nothing(
        hostile, tmp_path: Path) -> None:  # noqa: ANN001, F811
    chromium = _chromium()
    dist = _timelinejs()
    out = tmp_path / "timeline.json"
    hostile.exports.export("timelinejs", out, "<script>alert('title')</script> Hostile")
    doc = json.loads(out.read_text(encoding="utf-8"))
    (tmp_path / "data.js").write_text("var DATA = " + json.dumps(doc) + ";", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(dist=dist.as_uri()), encoding="utf-8")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run",
         "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
         page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    dom = _Dom()
    dom.feed(result.stdout)
    assert dom.body.get("data-ran") == "[]", (dom.body, result.stderr[-2000:])
    # A title slide and one slide per event, every one drawn.
    assert int(dom.body.get("data-slides", "0")) == len(doc["events"]) + 1
    assert dom.handlers == [] and dom.scripts_in_timeline == 0
    shown = " ".join(dom.text)
    assert "<b onmouseover=alert(9)>bold</b>" in shown  # the hostile title, shown as text
    assert HOSTILE_EVENT_TITLE.split(" <b")[0] in shown
