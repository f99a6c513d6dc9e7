"""The words and rules of each language the date engine reads, one package per language.

A language package holds its lexicon (every word the engine matches or tests for) and its
rule modules; importing the package registers its rules. The rest of the engine (scan,
selection, ranges' joining, calendar arithmetic) is shared.
"""
