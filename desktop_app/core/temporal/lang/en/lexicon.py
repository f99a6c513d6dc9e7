"""Every English word the date engine matches or tests for; another language is a package
beside this one with its own lexicon, patterns and rules."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "hundred": 100, "several": -1, "few": -1, "a few": -1, "some": -1, "many": -1,
    "couple": 2, "a couple of": 2, "half a": -2,
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
# Fixed-date holidays (month, day); movable ones are computed in rules.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "independence day": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "armistice day": (11, 11), "bastille day": (7, 14),
    "may day": (5, 1), "st. patrick's day": (3, 17), "new year": (1, 1),
}
# Words that open a noun phrase: 'after' or 'before' then is a preposition, no clause word.
DETERMINERS = ("a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this",
               "these", "those")
# Words that open a new clause (its tense is its own), and past-tense verbs that are not
# regular ('-ed' is found by its ending).
CLAUSE_WORDS = ("that", "but", "after", "before", "because", "while", "when", "although",
                "since", "whereas", "said", "says", "told", "reported", "saying", "which", "who")
# Past tenses that end in no -ed (which the clause tests take as past by their ending);
# never one spelled as its present too ('hit', 'put', 'set', 'cut', 'read').
PAST_VERBS = ("was", "were", "had", "did", "said", "told", "went", "came", "left", "met",
              "began", "took", "made", "gave", "held", "sent", "won", "lost", "fell", "rose",
              "ran", "saw", "found", "got", "fled", "struck", "fought", "brought", "bought",
              "caught", "thought", "sought", "spoke", "broke", "chose", "drove", "wrote",
              "stole", "shot", "led", "paid", "sold", "stood", "knew", "grew", "threw", "flew",
              "drew", "became", "sat", "kept", "felt", "meant", "built", "spent", "sank",
              "swore", "wore", "tore", "forgot", "hid", "bit", "slid", "sprang", "swept",
              "heard", "laid", "taught", "withdrew", "upheld", "withheld", "oversaw",
              "overtook", "undertook", "understood", "arose", "blew", "shook", "froze",
              "rode", "rang", "sang", "swam", "drank", "ate", "stuck", "swung",
              "dealt", "bled", "slept", "wept", "spun", "dug", "forgave",
              # not 'lent', 'bent', 'hung', 'woke': a season, adjectives ('a hung parliament')
              # in -ed, but too short for the pattern that reads those ('\w{3,}ed')
              "died", "lied", "tied", "sued", "used", "owed", "axed", "eyed", "vied")
# Past verbs of saying and publishing: a date right after one ('said on Wednesday', 'told
# reporters Thursday', 'a report released Wednesday') is when it was said, in the past,
# whatever the words said speak of.
SAID_VERBS = ("said", "told", "announced", "added", "stated", "reported", "wrote", "asked",
              "released", "published", "issued", "unveiled",
              "confirmed", "warned", "insisted", "claimed", "noted", "declared", "revealed",
              "admitted", "acknowledged", "argued", "predicted", "promised", "pledged", "vowed",
              "indicated", "signaled", "signalled", "suggested", "tweeted", "posted", "replied",
              "explained", "estimated", "forecast")
# A date phrase set before the main clause with one of these is no time of that clause but
# one it leads up to ('Ahead of Monday's vote, campaigners rallied'): it keeps its own tense.
LEADING_UP_WORDS = ("ahead", "before", "pending", "run-up", "awaiting")
# Before a verb, these make it the present perfect or a passive, no past tense ('has
# continued', 'masks are required', 'it will be held').
PRESENT_AUXILIARIES = ("has", "have", "is", "are", "be", "been", "being", "stays", "stay",
                       "remains", "remain", "seems", "get", "gets")
# Those of them that, before a participle, tell of the past: a perfect ('has fluctuated',
# 'has been sold'), where the others make a present passive ('is planned').
PERFECT_AUXILIARIES = ("has", "have", "been")
# A present perfect's auxiliaries, and the words that may stand between one and its verb ('has
# also extended', 'have been closed').
PRESENT_PERFECT_AUXILIARIES = ("has", "have")
WITHIN_A_VERB = ("not", "never", "already", "also", "just", "been")
# Words of the future told of a past moment ('would', 'planned to'), and the auxiliaries that
# put one there ('was expected'): they date nothing forward on their own.
FUTURE_IN_THE_PAST = ("would", "planned to")
# A modal's past ('said it could not answer until September'): in reported speech, a limit
# set at a past moment, which may have come already.
PAST_MODALS = ("could", "couldn't", "might")
PAST_AUXILIARIES = ("was", "were", "had")
# How far from the anchor's year, month or season 'last', 'this' and 'next' step.
STEPS = {"last": -1, "this": 0, "next": 1}
# Words that mark a clause as being about the future (news mode rolls weekdays forward then).
FUTURE_MARKERS = (
    r"will", r"won't", r"'ll", r"shall", r"would", r"is to", r"are to", r"(?:is|are) due",
    r"due to (?:be|start|begin|arrive|open)", r"scheduled", r"plans? to", r"planning to",
    r"planned to", r"(?:is|are) planned", r"expects? to", r"(?:is|are) expected",
    r"going to", r"set to", r"intends? to", r"aims? to", r"hopes? to", r"upcoming",
    r"as soon as", r"as early as", r"no sooner than", r"(?:is|are) supposed to",
    # a scheduled start or end told in the present ('the law takes effect in January', 'the
    # plant opens in September', 'the lease expires on Monday', 'the council meets on
    # Monday'; not 'resume', a noun as often as a verb)
    r"takes? effect", r"(?:comes?|goes?) into (?:force|effect)", r"opens", r"reopens?",
    r"starts", r"begins", r"resumes", r"reconvenes?", r"meets", r"expires", r"closes",
    r"concludes", r"ends",
    # ... and in the progressive, an arrangement ('shops are reopening on Monday', 'the
    # council is meeting on Monday'; not 'holding', 'police are holding a man arrested ...')
    r"(?:is|are)\s+(?:re)?opening", r"(?:is|are)\s+(?:meeting|reconvening|resuming|starting|"
    r"beginning|closing|ending|launching|hosting)", r"(?:is|are)\s+taking\s+place",
    r"kicks? off", r"runs until", r"due (?:out|back|on|in|by|for)",
    r"(?:go|goes|head|heads) to the polls",
)

# Words that make a weekday part of a name ('Super Tuesday', 'Black Friday'): no date then,
# unless a rule knows the day (holidays). And words that open a time expression but, written
# with a capital after a capitalised word, belong to a title ('CBS This Morning', 'USA Today').
NAMED_DAY_WORDS = ("super", "black", "cyber", "bloody", "blue", "giving", "small business",
                   "manic", "mad", "terrible", "red", "white", "orange", "green", "silent")
# The parts of a period that 'of the year' may follow ('the End of the Year' in a headline is
# a date; 'Player of the Year' is an award).
PERIOD_PARTS = ("end", "start", "beginning", "middle", "rest", "half", "part", "remainder",
                "course", "turn", "close", "quarter", "balance", "first", "last")
DEICTIC_WORDS = ("this", "today", "tonight", "tomorrow", "yesterday", "now", "last", "next")

# A four-digit number followed by a plural noun is a count ('1,953 troops'), but these
# words end in s and are no plural nouns ('in 1953 has died', '2019 was worse'); after these
# prepositions such a number is a year whatever follows ('in 1953 troops landed').
NOT_PLURAL_NOUNS = ("is", "was", "has", "does", "says", "as", "this", "its", "his", "hers",
                    "us", "yes", "thus", "plus", "versus", "always", "perhaps", "whereas",
                    "unless", "less", "afterwards", "marks", "sees", "saw", "ends", "begins",
                    "becomes", "remains", "seems", "goes", "comes", "makes", "brings")
YEAR_PREPOSITIONS = ("in", "since", "by", "until", "till", "during", "before", "after",
                     "from", "through", "circa", "c.")
# The words before a year cut short that make it one ('since '82', 'the class of '99'), where
# two digits after an apostrophe are also a closing quote's or a foot's.
CLIPPED_YEAR_AFTER = (*YEAR_PREPOSITIONS, "of")
# Words that make the four-digit number after them a name or a number, not a year ("Flight
# 1549", "Resolution 1973", "Route 1500", "No. 1984", "page 2019").
IDENTIFIER_ABBREVIATIONS = ("no", "nos", "num", "ext")  # written with a full stop
IDENTIFIER_NOUNS = ("number", "flight", "route", "room", "highway",
                    "interstate", "bus", "platform", "gate", "page", "pages", "chapter",
                    "section", "resolution", "resolutions", "apartment", "suite", "exit",
                    "channel", "seat", "pier", "ward", "unit", "extension", "ticket",
                    "invoice", "serial", "hotline", "code", "zip", "postcode", "id", "pin")
# Unit symbols and model suffixes after a number make it a quantity or a model, not a year
# ("1500 km", "2048 MB", "an RTX 2080 Ti"); written as they are (case matters).
QUANTITY_SUFFIXES = ("GB", "MB", "TB", "KB", "kB", "MHz", "GHz", "Hz", "kW", "MW", "mAh", "Wh",
                     "kWh", "px", "dpi", "rpm", "cc", "hp", "nm", "mm", "cm", "km", "kg", "mg",
                     "ml", "Ti", "XT")
# Counted things without a final s: '5 - 8 people' is no range of days.
PLURALS_WITHOUT_S = ("people", "men", "women", "children", "police", "staff", "troops")

# Before a date, these make it the end of what lasts ('runs until Sunday', 'by May'): a day
# to come where the clause has no past verb.
UP_TO_WORDS = ("by", "until", "till", "through")
# The words before a date that a reader takes with it ('On Monday'): an event's date phrase.
TIME_PREPOSITIONS = ("on", "in", "at", "by", "during", "since", "until", "from", "over")

# Ranges ('from 5 to 8 July', 'between 2010 and 2015', 'since March'); the verbs before a
# 'from X to Y' that move a date rather than span a stretch ('postponed from May to June').
# Words a clause's subject begins with: a date phrase before one only says when ("Last week
# the army crossed...": the title drops it), unlike a date that is the subject itself.
SUBJECT_WORDS = ("the", "a", "an", "he", "she", "it", "they", "we", "i", "its", "their",
                 "his", "her")
RANGE_DASHES = ("-", "\u2013", "\u2014")
RANGE_TO_WORDS = ("to", "until", "till", "through", "thru")
RANGE_OPENERS = ("from", "between", "since")
# What comes between a rescheduling verb and the day a thing was put off to ('postponed the
# vote until Tuesday', 'moved to Friday', 'delayed till May').
PUT_OFF_TO_WORDS = ("until", "till", "to", "for")
RESCHEDULING_VERBS = ("postpon", "delay", "moved", "moving", "push", "resched", "brought",
                      "bring", "shift", "chang", "advanc", "put off", "puts off", "bumped",
                      "extend")

# Cues: words every match of a rule contains, so a rule runs only where one of them occurs
# (see scan.py). Whole words, lower case. "<...>" names a kind of number instead of a word.
YEAR_NUMBER = "<year>"  # four digits, 1000-2099
ISO_NUMBER = "<iso>"  # four digits and a hyphen: 2021-07
SEPARATED_NUMBER = "<sep>"  # one or two digits, / or ., one or two digits, / or .: 7/6/21
COLON_NUMBER = "<colon>"  # one or two digits, a colon and a digit: 10:30
CLOCK_NUMBER = "<clock>"  # digits run into a.m./p.m.: 10am, 10.30pm
DECADE_NUMBER = "<decade>"  # digits ending in 0 before s or 's: 90s, 1990's
ORDINAL_NUMBER = "<ordinal>"  # one or two digits before st, nd, rd or th: the 15th
CLIPPED_YEAR_NUMBER = "<clipped>"  # two digits after an apostrophe: since '82
MONTH_CUES = tuple(MONTHS)
# Month and weekday names, with their abbreviations, lower-cased.
DAY_NAMES = frozenset((*MONTHS, *WEEKDAYS))
WEEKDAY_CUES = tuple(WEEKDAYS)
UNIT_CUES = ("day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months",
             "year", "years", "decade", "decades", "century", "centurys", "centurie",
             "centuries", "hour", "hours", "minute", "minutes")
CLOCK_CUES = (COLON_NUMBER, CLOCK_NUMBER, "am", "pm", "a.m.", "p.m.", "noon", "midday",
              "midnight")
SEASON_CUES = tuple(SEASONS)

# Words shortened with a full stop that is no sentence end when a capital or a number follows
# ("Mr. Smith", "Gen. Milley", "Aug. 6", "No. 10"). "etc." is left out: it often ends one.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Cmdr", "Adm", "Maj", "Pres", "Sec", "Rev", "Hon", "St", "Jr", "Sr", "Mt", "Ft", "Inc",
    "Corp", "Co", "Ltd", "Bros", "No", "Nos", "Vol", "Fig", "vs", "approx", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)
