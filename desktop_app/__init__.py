"""Timeline Annotator: build dated, source-anchored timelines from news articles."""

__version__ = "0.1.0"
APP_NAME = "Timeline Annotator"
APP_ID = "timeline-annotator"
ORG_NAME = "TimelineAnnotator"
