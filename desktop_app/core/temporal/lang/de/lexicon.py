"""German words shortened with a full stop that is no sentence end, though a capital or a
number follows (German writes its nouns with capitals: "bzw. Weiterreise", "ca. 300",
"5 Mio. Euro", "z. B. Kanada"). Those that often end a sentence ("usw.", "etc.") are left
out. On the shared real pages, the splitter had cut some 600 sentences at these."""

from __future__ import annotations

ABBREVIATIONS = (
    "lt", "Lt", "bzw", "Bzw", "ca", "Ca", "z", "u", "d", "v", "Abs", "Nr", "Str", "vgl", "Vgl",
    "ggf", "evtl", "inkl", "zzgl", "bspw", "sog", "geb", "Mio", "Mrd", "Tsd", "Jh", "Dipl",
    "Ing", "lfd", "max", "min", "Tel",
)
