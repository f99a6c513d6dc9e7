"""German words around a full stop that is no sentence end, though a capital or a number
follows (German writes its nouns with capitals): abbreviations ("bzw. Weiterreise", "ca.
300", "5 Mio. Euro", "z. B. Kanada"; those that often end a sentence, "usw.", "etc.", are
left out) and the words before an ordinal number. On the shared real pages, the splitter
had cut some 600 sentences at the abbreviations and 180 at the ordinals."""

from __future__ import annotations

ABBREVIATIONS = (
    "lt", "Lt", "bzw", "Bzw", "ca", "Ca", "z", "u", "d", "v", "Abs", "Nr", "Str", "vgl", "Vgl",
    "ggf", "evtl", "inkl", "zzgl", "bspw", "sog", "geb", "Mio", "Mrd", "Tsd", "Jh", "Dipl",
    "Ing", "lfd", "max", "min", "Tel",
)

# Words after which a number and a full stop are an ordinal ("am 15. Dezember", "vom 13.
# März", "ab dem 10. März", "am 26. und 27. Januar", "im 19. Jahrhundert", "der 31.
# Oktober"), not the end of a sentence.
ORDINAL_AFTER = ("am", "vom", "zum", "dem", "den", "des", "der", "im", "ab", "bis", "und",
                 "das", "Am", "Vom", "Zum", "Im", "Ab", "Bis", "Der", "Das", "Den", "Dem")
