"""The timeline chart's geometry, without Qt: time scale and ticks, lanes, and per-frame layout.

Kept in the core so the window, the offscreen exporter and the benchmarks share one layout, and
so it is tested without a display. Positions are in *day numbers* (``date.toordinal()``, with
fractions for hours), converted to pixels by a :class:`~.timescale.Viewport`.
"""
