"""Shipped resources: present, ours, and reachable from an installed package."""

from __future__ import annotations

import json
import re

from desktop_app.core.resources import resource_path


def test_demo_content_exists_and_has_four_quotes_in_its_text() -> None:
    data = json.loads(resource_path("demo", "demo-project.json").read_text(encoding="utf-8"))
    text = "\n\n".join(data["paragraphs"])
    assert len(data["quotes"]) == 4 and all(q in text for q in data["quotes"])


def test_demo_content_does_not_copy_the_reference_article(sample_text: str) -> None:
    demo = resource_path("demo", "demo-project.json").read_text(encoding="utf-8")
    words = re.findall(r"\w+", sample_text.lower())
    demo_words = " ".join(re.findall(r"\w+", demo.lower()))
    copied = [" ".join(words[i:i + 8]) for i in range(len(words) - 8)
              if " ".join(words[i:i + 8]) in demo_words]
    assert copied == []


def test_icon_and_desktop_files_exist() -> None:
    assert resource_path("icons", "timeline-annotator.svg").read_text().startswith("<svg")
    assert "Exec=timeline-annotator" in resource_path("timeline-annotator.desktop").read_text()
