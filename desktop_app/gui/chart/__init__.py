"""The timeline chart: a painter shared by the window and the exporters, and the widget."""
