"""German: so far only what the sentence splitter must know of German text (articles in
German are imported, read and quoted; the date engine does not read German dates yet)."""
