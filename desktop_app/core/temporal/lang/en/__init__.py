"""English: the lexicon (every word), the pattern building blocks, and the rules."""
