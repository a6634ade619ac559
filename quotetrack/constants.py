"""Lexicons in one place, so that rules elsewhere read as rules and the word lists can grow.

Everything here is about English news prose in general; nothing names a person or a story.
"""

# Quote marks. Each family closes only with its own marks; a mark that can both open and close
# (the ASCII double quote, the wire-style two apostrophes) is decided by what stands beside it.
DOUBLE, SINGLE, GUILLEMET, ANGLE = "double", "single", "guillemet", "angle"

OPENERS = {"“": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "``": DOUBLE, "«": GUILLEMET, "‹": ANGLE,
           "‘": SINGLE, "‚": SINGLE}
CLOSERS = {"”": DOUBLE, "»": GUILLEMET, "›": ANGLE, "’": SINGLE}
SYMMETRIC = {'"': DOUBLE, "''": DOUBLE, "'": SINGLE}
# “ closes a „ quote (German style) and opens otherwise.
LOW_OPENER_CLOSERS = {"„": "“"}

# Words that begin with an apostrophe: the mark is not a quote ('n' is handled as 'n').
ELISIONS = ("n'", "em", "til", "cause", "tis", "twas", "bout", "nuff", "round", "cos", "ello")

PARAGRAPH_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"

# Reporting verbs, matched by lemma: verbs of saying, and verbs that characterise what someone
# said ("branded him a 'dictator'", "hailed the talks as 'promising'").
REPORTING_VERBS = frozenset("""
    say tell add note state claim insist write tweet post remark assert mention express convey
    warn argue explain declare announce reply respond answer ask acknowledge admit concede
    continue recall suggest contend maintain observe comment report quip joke predict promise
    vow urge call describe brand label dub term hail praise criticize criticise complain confirm
    deny reiterate stress emphasize emphasise testify shout yell exclaim whisper counter retort
    caution boast muse pledge recount lament agree threaten demand conclude speak put characterize
    characterise accuse dismiss reject decry slam blast condemn welcome concur affirm allege
    proclaim publish summarize summarise offer signal indicate read tout laud thank question
    wonder opine interject scoff recite utter sing chant reckon believe think
    echo elaborate mock charge bark bemoan assure reveal imply recommend email share quote
    lecture plead beg gush rave scold chide lash fire shoot hit push snap brag grumble mutter
    murmur sigh laugh cry scream holler cheer rail fume rant tease hint reason posit theorize
    speculate estimate guess surmise vouch attest swear stipulate specify clarify correct
    interrupt begin start open close preface introduce advise inform notify
    beam exhort confide relate protest crack blare
    point highlight contrast remember press react retaliate
""".split())
# Verbs that are cues only with their particle: `"...," she went on`, `her husband cut in`.
PHRASAL_REPORTING_VERBS = frozenset({("go", "on"), ("cut", "in"), ("chime", "in"), ("butt", "in"),
                                     ("call", "out"), ("pipe", "up")})
# Verbs that report a quote only when they govern it or open the clause right after it;
# elsewhere they mostly mean something else ("continued to rise", "donations began").
WEAK_REPORTING_VERBS = frozenset("""
    believe think put read continue offer call speak post fire shoot hit push begin start open
    close point cry share introduce correct laugh charge
""".split())
# Verbs that characterise what someone said; they attribute a quote only as a last resort,
# when they are the first verb above it ("derided the plan as 'a disaster'").
CHARACTERISING_VERBS = frozenset("""
    refer blame cite talk denounce reference compare pronounce rip attack defend credit portray
    voice repeat deride applaud herald vent confess coin grouse snipe riff jeer invoke advocate
    liken deem depict ridicule berate taunt rebuke lambaste excoriate castigate assail disparage
    belittle trumpet propose list
""".split())
ACCORDING_TO = ("according", "to")
# A line after a quotation paragraph this short may sign it ("Dana Reyes, a trade negotiator.").
SIGNATURE_WORDS = 25

# Verbs of saying whose clausal complement is reported speech: `X said (that) CLAUSE`. Narrower
# than REPORTING_VERBS: no verbs that only characterise what was said ("praise", "brand") and
# no beliefs or plans ("think", "believe", "want", "hope", "expect", "plan").
REPORTED_SPEECH_VERBS = frozenset("""
    say tell add note state claim insist write tweet post remark assert mention explain declare
    announce reply respond answer acknowledge admit concede recall contend maintain observe
    comment report warn argue suggest confirm deny reiterate stress emphasize emphasise testify
    caution complain allege proclaim affirm indicate reveal disclose inform assure counter
    retort boast lament recount predict promise pledge vow charge repeat clarify
    hint speculate posit ask
""".split())
# Promises, threats and requests report speech in a non-finite clause too: "vowed to build a
# wall", "urged voters to register", "accused her of lying" (a gerund after "of").
INFINITIVE_SPEECH_VERBS = frozenset("""
    promise vow pledge threaten urge ask tell warn accuse
""".split())
# Verbs of saying whose base and -s forms are mostly nouns ("the state", "a tweet", "his
# remarks"): the scan for sentences to parse takes those forms only before "that".
NOUN_LIKE_VERBS = frozenset("""
    state tweet comment remark post report counter answer note mention charge claim promise
    pledge vow repeat hint reply
""".split())
# Verbs of saying that report evidence, not speech, with such a subject: "the poll suggests".
# ("According to the poll" is an attribution all the same.)
EVIDENCE_VERBS = frozenset({"suggest", "indicate", "reveal"})
EVIDENCE_SUBJECTS = frozenset("""
    poll survey data study chart graph figure number analysis research evidence result record
    report model estimate count trend statistic map video footage image photo document
""".split())
# Abbreviations whose full stop ends no sentence (besides NAME_TITLES and initials).
ABBREVIATIONS = frozenset("""
    st mt ft jr sr inc corp co ltd bros no nos vs etc approx dept univ assn ave blvd
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa tenn tex va vt wash wis wyo
""".split())
# Complementizers dropped from the front of reported content ("said that ...").
COMPLEMENTIZERS = frozenset({"that"})

# Head nouns of descriptions that stand for a person ("the finance minister").
PERSON_ROLES = frozenset("""
    leader president spokesman spokeswoman spokesperson minister secretary official chief head
    chairman chairwoman chair senator governor candidate nominee lawmaker legislator congressman
    congresswoman representative director adviser advisor aide ambassador general commander mayor
    premier chancellor king queen pope prince princess author actor actress analyst economist
    expert professor researcher lawyer attorney judge prosecutor founder ceo executive manager
    officer diplomat envoy negotiator spokesmen strategist pollster activist politician deputy
    member voter resident man woman father mother son daughter husband wife brother sister
    host anchor reporter columnist writer businessman businesswoman billionaire owner coach
    player star singer rapper veteran soldier survivor witness victim mom dad boss emperor tsar
    dictator rival opponent challenger incumbent campaigner organizer organiser director-general
    secretary-general commissioner counselor counsellor monarch cleric bishop rabbi imam priest
    doctor physician nurse source critic supporter backer ally friend colleague neighbor
    neighbour student teacher worker employee staffer insider observer fan delegate donor
    protester demonstrator person crowd audience consultant operative surrogate pastor lobbyist
    attendee participant moderator panelist commentator pundit historian scholar scientist
    boy girl child kid teen teenager customer shopper patient parent grandmother grandfather
    narrator announcer caller listener viewer reader user tycoon mogul magnate partner associate
    counterpart editor commenter heckler
""".split())

# Head nouns of names of events and agreements, which never speak: "the Lisbon Summit", "the
# Winter Olympics" (small models label them organisations).
EVENT_NOUNS = frozenset({
    "summit", "olympics", "games", "festival", "war", "election", "elections", "cup", "championship",
    "tournament", "talks", "expo", "marathon", "crisis", "revolution", "treaty", "accord", "accords",
    "agreement", "protocol", "ceremony", "parade",
})

# Roles news writes short: "the PM said" is the prime minister; "Gov. Hale" is a governor.
ROLE_ABBREVIATIONS = {"pm": ("prime", "minister")}
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                       "adm": "admiral", "prof": "professor", "amb": "ambassador", "pres": "president"}
# Words before a role that tell when, not which office: "the former secretary" is still a secretary.
ROLE_TIME_WORDS = frozenset({"former", "then", "current", "new", "late", "outgoing", "incoming", "acting",
                             "interim", "ex"})

# Turns of phrase with a verb of saying that report nothing: (subject lemma, verb lemma).
TURNS_OF_PHRASE = frozenset({("time", "tell")})       # "only time will tell"

# Roles that name many people at once: "the crowd chanted" is never the person named last.
COLLECTIVE_ROLES = frozenset({"crowd", "audience"})

# Head nouns of descriptions that stand for an organisation ("the ministry said"): a speaker too.
ORGANISATION_NOUNS = frozenset("""
    ministry government administration agency department office commission committee council
    campaign party union company firm corporation group organization organisation association
    foundation institute court embassy army military police parliament congress senate assembly
    newspaper paper magazine network station channel outlet website site publication broadcaster
    team club league federation bank fund board authority authorities coalition alliance
    movement bureau service secretariat regulator prosecution university school hospital
    charity watchdog
""".split())

# Documents that "say" things: their author is the speaker ("the lawsuit claims", "Lopez's
# statement read"), never the document itself.
DOCUMENT_NOUNS = frozenset("""
    statement letter email e-mail memo memorandum report lawsuit suit complaint filing motion
    petition ruling decision order indictment document release communique communiqué post tweet
    message note ad advertisement commercial video clip text transcript question questionnaire
    survey poll headline article editorial op-ed column book speech script notice website
    record records affidavit brief testimony manifesto plan proposal bill resolution
    declaration announcement interview caption banner sign slogan flyer leaflet mailer piece
    story essay review
""".split())
# Documents that are published somewhere: "an editorial in the Gazette" is the Gazette's.
PUBLICATION_NOUNS = frozenset("editorial article column op-ed piece story essay review report".split())
# Who came by a document rather than made it: "a memo obtained by the paper" is not the paper's.
SECOND_HAND_VERBS = frozenset("obtain receive get acquire see review read quote cite".split())

# Subjects that name no one: `"...," nothing said`, `something says`.
NOBODY = frozenset("nothing something everything anything none nobody this that these those which what".split())

# Subjects that stand for unnamed people: "Another said", "Several wrote".
SOME_PEOPLE = frozenset("one another some several many most those others both few all".split())

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}

TITLE_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                "miss": "f", "sir": "m", "lady": "f", "lord": "m", "madam": "f"}
ROLE_GENDER = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
               "congressman": "m", "congresswoman": "f", "businessman": "m",
               "businesswoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
               "father": "m", "mother": "f", "son": "m", "daughter": "f", "husband": "m",
               "wife": "f", "brother": "m", "sister": "f", "man": "m", "woman": "f",
               "actor": "m", "actress": "f", "mom": "f", "dad": "m"}

# Given names written several ways for one name, from transliteration (Russian, Ukrainian,
# Arabic ... into English): letter groups and the one spelling they fold to, applied in order to a
# folded given name. Dmitry/Dmitri/Dmitriy, Yury/Yuri, Sergey/Sergei, Aleksandr/Alexander,
# Yevgeny/Evgeny. A gender ending (Eric/Erica) or any other letter is a different name.
GIVEN_NAME_SPELLINGS = (
    (r"^ye", "e"),                   # Yevgeny / Evgeny, Yelena / Elena
    (r"ks", "x"),                    # Aleksandr / Alexandr
    (r"(?:iy|ii|yi|y)$", "i"),       # Dmitriy, Dmitrii, Dmitry / Dmitri; Sergey / Sergei
    (r"y(?=[aeiou])", "i"),          # Yuri / Iuri, Maryam / Mariam
    (r"([bcdfgkpt])r$", r"\1er"),   # Aleksandr / Alexander, Petr / Peter
)
# Honorifics that stand before a given name in British usage: "Sir Alan" is Sir Alan Brooke.
GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})

# Honorifics and titles dropped from the front of a name ("Mr. Hale" -> "Hale").
NAME_TITLES = frozenset("""
    mr mrs ms miss dr prof sir dame lady lord rev gen sen rep gov president vice secretary
    minister chancellor premier king queen prince princess pope senator governor representative
    mayor judge justice general colonel captain lt sgt adm admiral spokesman spokeswoman
    spokesperson chairman chairwoman chief ceo ambassador
""".split())

# Entity labels that can speak; of them, those that "it" can stand for (a place named before
# "it said" is far more often where something happened than who spoke).
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
ORGANISATION_LABELS = frozenset({"ORG"})

# Sentence punctuation that closes a quoted clause.
SENTENCE_END = ".!?…"

# British spellings folded to American before matching ("honourable" ~ "honorable").
BRITISH_TO_AMERICAN = {
    "honour": "honor", "honourable": "honorable", "colour": "color", "favour": "favor",
    "favourable": "favorable", "labour": "labor", "behaviour": "behavior", "neighbour": "neighbor",
    "harbour": "harbor", "rumour": "rumor", "humour": "humor", "vigour": "vigor",
    "endeavour": "endeavor", "defence": "defense", "offence": "offense", "licence": "license",
    "centre": "center", "theatre": "theater", "metre": "meter", "programme": "program",
    "realise": "realize", "realising": "realizing", "realised": "realized",
    "organise": "organize", "organised": "organized", "organisation": "organization",
    "recognise": "recognize", "recognised": "recognized", "apologise": "apologize",
    "criticise": "criticize", "criticised": "criticized", "emphasise": "emphasize",
    "prioritise": "prioritize", "mobilise": "mobilize", "stabilise": "stabilize",
    "normalise": "normalize", "authorise": "authorize", "jewellery": "jewelry",
    "travelled": "traveled", "travelling": "traveling", "cancelled": "canceled",
    "analyse": "analyze", "paralyse": "paralyze", "catalogue": "catalog", "dialogue": "dialog",
    "grey": "gray", "towards": "toward", "whilst": "while", "amongst": "among",
}

# Words too common to find variants of a quote by.
STOPWORDS = frozenset("""
    a an the and or but if of to in on at by for with from as is are was were be been being am
    i you he she it we they me him her us them my your his its our their this that these those
    not no do does did have has had will would can could shall should may might must there here
    what which who whom whose when where why how all any some so than then too very just also
    about into over after before up down out off again once more most such only own same s t
""".split())

# Small words that stay lower case in a title ("Peace Through Strength", "Lord of the Rings").
MINOR_WORDS = frozenset("a an the and or but nor of to in on at by for with from as vs via".split())

# Penn Treebank tags -> universal parts of speech (what the attribute ruler would set).
TAG_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "PRP$": "PRON",
    "WP": "PRON", "WP$": "PRON", "EX": "PRON", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "DT": "DET",
    "PDT": "DET", "WDT": "DET", "IN": "ADP", "RP": "ADP", "CC": "CCONJ", "CD": "NUM",
    "POS": "PART", "TO": "PART", "UH": "INTJ", "FW": "X", "LS": "X", "SYM": "SYM",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
    "-RRB-": "PUNCT", "HYPH": "PUNCT", "NFP": "PUNCT", "$": "SYM", "#": "SYM", "AFX": "ADJ",
    "ADD": "X", "XX": "X", "_SP": "SPACE",
}
IRREGULAR_VERBS = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "thought": "think", "put": "put", "read": "read",
    "sang": "sing", "sung": "sing", "was": "be", "were": "be", "is": "be", "are": "be", "am": "be",
    "been": "be", "had": "have", "has": "have", "did": "do", "does": "do", "done": "do",
    "made": "make", "began": "begin", "begun": "begin", "went": "go", "gone": "go",
    "shot": "shoot", "swore": "swear", "sworn": "swear", "hit": "hit", "cried": "cry",
    "lashed": "lash", "echoed": "echo", "echoes": "echo", "snapped": "snap", "bragged": "brag",
    "seen": "see", "saw": "see", "got": "get", "gotten": "get",
}
IRREGULAR_NOUNS = {"spokesmen": "spokesman", "spokeswomen": "spokeswoman", "men": "man",
                   "women": "woman", "chairmen": "chairman", "congressmen": "congressman",
                   "businessmen": "businessman", "people": "person", "children": "child"}
# Nouns in -s that are no plural (the tagger sometimes says they are): their lemma is the word.
UNCOUNTABLE_NOUNS = frozenset({"news", "series", "species", "means", "politics", "economics",
                               "headquarters", "physics", "mathematics", "ethics", "crossroads"})
