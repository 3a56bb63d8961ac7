"""The trigger phrases that announce a cited source, per language, compiled once.

Each rule names the side the source is on (``fwd``: "dilansir X"; ``back``: "X melaporkan"; ``both``:
"X, citing Y") and how much evidence the phrase itself carries:

``strong``  the phrase only ever introduces a source ("dilansir", "Sumber:"): any name shape counts;
``doc``     the phrase names a document or official site ("siaran pers", "laman resmi"): any name
            counts, including institutions, which are not sources when they merely speak;
``weak``    the phrase also introduces people ("menurut", "according to", "kepada", "told"): only a
            known outlet, an outlet-shaped name ("Bangkok Post", "Kompas.com") or a name after an
            outlet descriptor ("kantor berita X") or a document noun ("laporan X") counts;
``media``   the phrase is about news work ("told", "X reported", "wawancara dengan", "kepada" after a
            speech verb): an outlet shape, or a single name word that is no common noun, place or title
            ("told Variety", "katanya kepada Getaran") -- a person is named with two words;
``speech``  the phrase counts only after a speech verb, then as ``media`` ("kata X pada Y");
``brand``   like ``media``, but a single name word must look like a brand (acronym, CamelCase, digits:
            "told NHK", "temu bual bersama TV8"): "told Biden", "wawancara dengan Prabowo" are people;
``shape``   only a gazetteer outlet or an outlet-shaped name counts ("Bloomberg News said", "Kyodo News said");
``gaz``     only a gazetteer outlet counts;
``inst``    only a gazetteer entry or an institution name counts ("Data Badan Pusat Statistik ...",
            not "Data Scientists").

A rule's ``langs`` are the languages it runs in; the engine skips it when the text's language is
known and not among them.  A ``both`` rule may read the name before it with another strength
(``back_strength``: "Katadata yang mengutip Nikkei Asia" -- the quoting outlet is read as ``media``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ALL = frozenset({"id", "ms", "en"})
IDMS = frozenset({"id", "ms"})
EN = frozenset({"en"})


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    direction: str
    strength: str
    langs: frozenset[str] = ALL
    back_strength: str | None = None

    @property
    def backward_strength(self) -> str:
        """The strength a name read before the trigger needs."""
        return self.back_strength or self.strength


def _alt(*parts: str) -> str:
    """Alternatives joined with "|" (keeps the long rule table readable)."""
    return "|".join(parts)


RULES: tuple[Rule, ...] = (
    # --- Indonesian / Malay -------------------------------------------------------------------
    Rule("lansir", _alt(r"(?i:(?:seperti\s+|sebagaimana\s+)?(?:dilansir|melansir|dikutip|mengutip|memetik|dipetik",
                        r"menukil|dinukil|disadur|menyadur)(?:\s+(?:dari|daripada|oleh))?)"), "fwd", "strong", IDMS),
    # "Katadata yang mengutip Nikkei Asia": both the quoting outlet and the quoted one
    Rule("yang_kutip", r"yang\s+(?:juga\s+)?(?:mengutip|memetik|melansir|menukil)(?:\s+(?:dari|daripada))?",
         "both", "strong", IDMS, back_strength="media"),
    Rule("seperti_lapor", r"(?i:(?:seperti|sebagaimana)\s+(?:yang\s+)?(?:dilaporkan|diberitakan|diwartakan|disiarkan"
                          r"|dikabarkan)"
                          r"(?:\s+oleh)?)",
         "fwd", "strong", IDMS),
    # "Memberitakan"/"mewartakan" is to carry a story as news, which only a newsroom does (unlike "melaporkan",
    # also to report to the police or to announce one's own figures): "diberitakan Lintasan" is news work.
    Rule("diberitakan", r"(?:[Dd]iberitakan|[Dd]iwartakan)(?:\s+oleh)?", "fwd", "media", IDMS),
    Rule("dilapor", _alt(r"[Dd]ilaporkan(?:\s+oleh)?",
                         r"lapor", r"(?:didedahkan|dipaparkan|diungkap|diungkapkan|dimuat|ditulis)\s+oleh",
                         r"[Ll]iputan|[Pp]emberitaan"),  # coverage: "liputan Kompas TV"
         "fwd", "weak", IDMS),
    Rule("menurut", _alt(r"[Mm]enurut", r"[Bb]erdasarkan", r"[Mm]erujuk(?:\s+(?:pada|kepada))?",
                         r"[Mm]engacu\s+(?:pada|kepada)",
                         r"(?:[Ss]eperti\s+)?(?:tercantum|tertulis|termuat|dimuat|disebutkan|dijelaskan)"
                         r"\s+(?:dalam|di)"),
         "fwd", "weak", IDMS),
    Rule("kepada", _alt(r"[Kk]epada", r"[Kk]pd",
                        r"(?:saat\s+|ketika\s+|waktu\s+)?(?:dihubungi|dikonfirmasi|ditemui|diwawancarai)(?:\s+oleh)?"),
         "fwd", "weak", IDMS),
    # "kata Ivanovic pada Sport Express": "pada" names who a speaker talked to, only after a speech verb
    # (SPEECH_RULES; elsewhere it is read no further: "pada Senin").  Only before a capital: "pada" is
    # among the commonest words, and each hit costs a read.
    Rule("pada", r"pada(?=[ \t]+[A-Z])", "fwd", "speech", IDMS),
    # A journalist's outlet ("Wartawan Kyodo"); footage belongs to a broadcaster ("Tayangan Al Jazeera")
    Rule("wartawan", r"[Jj]urnalis|[Ww]artawan|[Kk]oresponden|[Pp]ewarta|[Tt]ayangan", "fwd", "media", IDMS),
    # An interview's other side is an outlet or the interviewee ("wawancara dengan Prabowo"): "brand".
    # (No optional words before the noun: a branch that starts with a literal fails fast.)
    Rule("wawancara", r"(?:[Ww]awancara|[Tt]emu\s+bual)(?:\s+(?:khusus|eksklusif))?\s+(?:dengan|bersama)",
         "fwd", "brand", IDMS),
    # Channels named outright: a republished article's origin ("Artikel ini telah tayang di Kompas.com dengan
    # judul ..."); what is broadcast is broadcast by a broadcaster ("dialog yang disiarkan TVRI Jawa Timur");
    # a named podcast or programme ("dalam siniar Kopi Pagi"); a syndication footer ("Baca artikel detiknews").
    Rule("tayang", _alt(r"(?i:(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah\s+|sudah\s+|pertama\s+kali\s+"
                        r"|juga\s+)?(?:tayang|terbit|dimuat|dipublikasikan|diterbitkan|disiarkan)"
                        r"(?:\s+(?:di|dalam|pada))?)",
                        r"(?:[Dd]isiarkan|[Dd]itayangkan|[Dd]ipancarkan)(?:\s+(?:oleh|di|melalui))?",
                        r"(?:[Dd]alam|[Dd]i|[Mm]elalui|[Ll]ewat)\s+(?:siniar|podcast|program|acara)",
                        r"[Bb]aca\s+artikel"),
         "fwd", "strong", IDMS),
    # "dokumen yang diperoleh Tempo"
    # ... and "informasi yang diterima Tribun Timur", "dihimpun Kompas.com dari sejumlah sumber"
    Rule("diperoleh", r"(?:diperoleh|didapatkan|didapat|diterima|dihimpun|dirangkum)(?:\s+oleh)?", "fwd", "weak", IDMS),
    Rule("laporan", r"[Ll]aporan(?:\s+(?:tahunan|terbaru|terkini|resmi|khusus|investigasi|eksklusif))?",
         "fwd", "doc", IDMS),
    Rule("tulis_inv", r"(?<=, )(?:tulis|lapor|sebut|tulisnya)", "fwd", "weak", IDMS),  # "..., tulis Kompas.com."
    # News verbs: "Sin Chew Daily melaporkan, ..." (a single name word counts only in the reporting
    # sense, see REPORT_SENSE_RE)
    Rule("melaporkan", r"melaporkan|mengabarkan|menyiarkan|menayangkan|melaporkannya", "back", "media", IDMS),
    # ... the subject of "memberitakan" is a newsroom wherever it stands ("Lintasan memberitakan, ...")
    Rule("memberitakan", r"memberitakan|mewartakan|memberitakannya", "back", "media", IDMS),
    Rule("menulis", r"menulis|mencatat|menyebutkan|menyebut|melansir|memaparkan\s+laporan", "back", "weak", IDMS),
    # --- English -------------------------------------------------------------------------------
    Rule("according", r"[Aa]ccording\s+to|[Pp]er", "fwd", "weak", EN),
    # Anonymous sourcing is news-desk language: whoever "said, citing people familiar with the matter" or
    # "citing two unnamed officials" is a news organisation ("Mint said, citing ...", "Nikkei Asia, citing
    # ..."). Before reports_inv and said, which would take the verb alone.
    Rule("citing_unnamed", r"(?:(?:said|says|reported|reports),[ \t]+)?[Cc]iting(?=[ \t]+(?:(?:two|three|four|several"
                           r"|many|multiple|unnamed|anonymous|senior|people|an?|one)[ \t]+)*(?:people|persons?"
                           r"|sources?|officials?|insiders?|executives?)\b)",
         "back", "strong", EN),
    # before reports_inv, which would take ", reported by X" as a weak ", reported X"
    Rule("reported_by", _alt(r"(?:first\s+|as\s+|originally\s+|previously\s+)?(?:reported|broadcast|aired|revealed"
                             r"|broken)\s+by",
                             r"[Ff]ootage\s+(?:from|broadcast\s+by|aired\s+by)"),
         "fwd", "strong", EN),
    # An inverted news verb after the story ("..., reports Dockside.") is news work, like "..., Dockside
    # reported."; writing and speech verbs stay weak ("..., writes Smith" is a columnist).
    Rule("reports_inv_news", r"(?<=, )(?:reports|reported)", "fwd", "media", EN),
    Rule("reports_inv", r"(?<=, )(?:writes|wrote|notes|noted|adds|added|said|says)",
         "fwd", "weak", EN),  # "..., writes The Verge."
    Rule("told", _alt(r"told|tells|telling",
                      r"(?:[Ss]peaking|spoke|[Tt]alking|talked|[Ww]riting|wrote|[Aa]ppearing|appeared)\s+(?:to|in|for|on)",
                      r"(?:[Ii]n\s+)?an?\s+(?:exclusive\s+)?interview\s+with|interviewed\s+by",
                      r"in\s+comments\s+to|in\s+a\s+statement\s+to"),
         "fwd", "brand", EN),  # "told Biden" is a person as often as "told Reuters" an outlet
    # ... and its passive: "the minister was quoted by Tirnews as saying" (before "citing", which takes
    # "quoted by" as a weak trigger).
    Rule("quoted_by_as", r"quoted[ \t]+by(?=[ \t][^.!?\n]{1,60}?[ \t]as[ \t]+(?:saying|telling|writing)(?![\w]))",
         "fwd", "media", EN),
    Rule("citing", r"[Cc]iting|[Cc]ited\s+by|(?:as\s+)?quoted\s+by|quoting", "both", "weak", EN),
    # The wire formula for relaying another newsroom's interview: "Interfax quoted the minister as saying",
    # "..., Yonhap cited an official as saying." -- whoever quotes someone "as saying" is a news desk.
    # (Not a person quoting kin or friends: "Marlow quoted his grandmother as saying".)
    Rule("quoted_as", r"(?:quoted|cited)(?=[ \t](?!(?:his|her|their|my|our)[ \t])[^.!?\n]{1,80}?[ \t]as[ \t]+"
                      r"(?:saying|telling|writing)(?![\w]))",
         "back", "media", EN),
    Rule("published_by", r"published\s+by|released\s+by|issued\s+by|posted\s+by|compiled\s+by", "fwd", "weak", EN),
    Rule("seen_by", r"(?:seen|obtained|reviewed|verified)\s+by", "fwd", "weak", EN),  # "a letter seen by Reuters"
    Rule("reporting_by", r"(?:[Aa]dditional\s+)?[Rr]eporting\s+by", "fwd", "media", EN),  # not a by-lined person
    # Where a story was found or first ran: "..., h/t Daily Maverick", "with files from X"
    Rule("files", _alt(r"h/t|H/T|[Hh]at\s+tip(?:\s+to)?", r"[Ww]ith\s+files\s+from|[Ww]ith\s+reporting\s+from",
                       r"(?:originally|first)\s+(?:appeared|published)\s+(?:on|in|by)",
                       r"[Rr]epublished\s+(?:from|with\s+permission\s+from)"),
         "fwd", "strong", EN),
    # News verbs ("Punch reported that", "Yonhap reported on Wednesday"); writing verbs stay weak
    # ("Orwell wrote").
    Rule("reported", _alt(r"(?:has\s+|had\s+|have\s+)?(?:reported|reports|broadcast|revealed|aired)",
                          r"(?:has|have)\s+(?:learned|learnt|been\s+told)"),
         "back", "media", EN),
    Rule("wrote", r"wrote|writes|understands", "back", "weak", EN),
    # "Kyodo News said"; "one analyst The Borneo Post spoke to": the outlet that did the interview (outlet
    # shapes only: "Smith said", "Smith spoke to reporters" are people)
    Rule("said", r"said|says|added|noted|spoke\s+to|talked\s+to|interviewed|contacted", "back", "shape", EN),
    Rule("reporter", _alt(r"reporters?|journalists?|correspondents?|witnesses|witness|tally|calculations|poll|survey",
                          r"report|footage|analysis|investigation"),
         "back", "shape", EN),
    # --- any language: documents, "Sumber:" lines, "via" -------------------------------------------
    Rule("doc", _alt(r"siaran\s+pers|keterangan\s+(?:pers|resmi|tertulis)|kenyataan(?:\s+media|\s+rasmi)?",
                     r"(?:[Ll]aman|[Ss]itus|[Pp]ortal)(?:\s+web)?\s+(?:resmi|rasmi)|(?:[Ll]aman|[Ss]itus)\s+web|surat\s+edaran",
                     r"rilis\s+(?:resmi|pers|media)",
                     r"press\s+release|news\s+release|annual\s+report|(?:[Dd]ata|[Ff]igures|[Ss]tatistics)\s+(?:from|by|dari)",
                     r"(?:[Aa]n?|[Tt]he)\s+(?:new\s+|recent\s+|latest\s+|annual\s+)?"
                     r"(?:report|survey|study|poll|analysis|review|audit)\s+(?:by|from)"),
         "fwd", "doc"),
    # after "doc", which must win on "data from"
    Rule("data", r"data|catatan|hasil\s+survei|pantauan|pemantauan", "fwd", "doc", IDMS),
    Rule("data_cap", r"Data|Catatan|Hasil\s+survei|Pantauan", "fwd", "inst", IDMS),
    Rule("source_line", r"(?:Sumber|SUMBER|Source|SOURCE|Sources|Sumber\s+berita|Sumber\s+artikel)\s*:",
         "fwd", "strong"),
    Rule("via_paren", r"(?<=\()(?:via|Via|VIA)", "fwd", "strong"),
    Rule("via", r"via", "fwd", "weak"),
)

# What follows a news verb when it is used in the reporting sense ("Punch reported that ...", "Al Arabiya
# melaporkan, ..."), as opposed to reporting something to someone ("Budi melaporkan tetangganya").
REPORT_SENSE_RE = re.compile(
    r"[ \t]*(?:[,:;.]|$|(?:that|on|in|earlier|yesterday|today|last|late|bahwa|bahawa|pada|kemarin|semalam"
    r"|sebelumnya|hari)(?![\w]))"
)
# The backward news-verb rules whose single-word names need REPORT_SENSE_RE after the verb.
REPORT_SENSE_RULES = frozenset({"melaporkan", "reported"})
# An outlet speaking about itself is the story's subject: "Rappler said it would appeal".
SELF_STATEMENT_RE = re.compile(
    r"[ \t]+it[ \t]+(?:would|will|plans|planned|intends|intended|is\s+appealing|was\s+appealing|stands\s+by"
    r"|stood\s+by|regrets|regretted|apologi[sz]ed|has\s+apologi[sz]ed|declined|did\s+not\s+comment)(?![\w])"
)
# Speech verbs before "kepada": "kata X kepada Y" -- Y is who the speaker talked to, an outlet when named.
SPEECH_BEFORE_RE = re.compile(
    r"(?i)\b(?:kata|ujar|ucap|tutur|ungkap|jelas|tegas|terang|sebut|imbuh|tambah|katanya|ujarnya|ucapnya|tuturnya"
    r"|ungkapnya|jelasnya|tegasnya|terangnya|imbuhnya|tambahnya|mengatakan|menyatakan|menjelaskan|mengungkapkan"
    r"|menuturkan|menegaskan|menerangkan|berkata|memberitahu|bercerita|bercakap|mendedahkan|mengakui)\b[^.!?\n]{0,90}$"
)
# How far back a speech verb before "kepada" is looked for, in characters.
SPEECH_REACH = 110
# "Kepada Jatimnet, warga mengaku ...": a sentence that opens with "Kepada X," names the interviewer.
SENTENCE_KEPADA_RE = re.compile(r"(?:^|[.!?\n][ \t\"\u201c\u201d]*)$")
# A company reporting its own figures is the story's subject: "Tesla reported record deliveries".
OWN_FIGURES_RE = re.compile(
    r"[ \t]+(?:that[ \t]+)?(?:(?:its|a|an|the)[ \t]+)?(?:net[ \t]+|quarterly[ \t]+|annual[ \t]+|record[ \t]+"
    r"|first-quarter[ \t]+|second-quarter[ \t]+|third-quarter[ \t]+|fourth-quarter[ \t]+)*"
    r"(?:profits?|loss(?:es)?|revenues?|sales|earnings|deliveries|results|income)(?![\w])"
)
# The rules that name a speaker's interviewer after a speech verb.
SPEECH_RULES = frozenset({"kepada", "pada"})
# A written statement named by its kind alone is itself the source ("ujar X dalam keterangan tertulis").
BARE_DOCUMENT_RE = re.compile(
    r"(?i)(?:siaran\s+pers|keterangan\s+(?:pers|resmi|tertulis)|kenyataan\s+(?:media|rasmi)|press\s+release)$"
)

# One alternation behind one shared word-boundary check (and a letter look-ahead): several times
# faster than a boundary inside every branch, since most positions fail before any branch is tried.
# Each branch names its rule by an empty group at its end (read back as ``m.lastgroup``), not by a group
# around it: a branch that opens with a letter or a letter class is then skipped by the regex engine on its
# first character, where a group around it is entered first (a third faster on news text, same matches).
TRIGGER_RE = re.compile(
    r"(?<![\w@])(?=[A-Za-z])(?:" + "|".join(f"(?:{r.pattern})(?P<{r.name}>)" for r in RULES) + r")(?![\w])"
)
RULE_BY_NAME = {r.name: r for r in RULES}

# Words consumed between a forward trigger and the name.  DOC words make any name acceptable
# ("menurut siaran pers Pelindo"); OUTLET words make an unknown name an outlet ("kantor berita X").
DOC_WORDS = frozenset(
    """laporan laporannya siaran keterangan kenyataan data informasi surat edaran dokumen rilis publikasi
    survei riset studi kajian laman situs portal website web report reports statement statements press
    release survey study filing analysis figures research memo document notice site page tally
    statistics catatan hasil pantauan""".split()
)
OUTLET_WORDS = frozenset(
    """kantor agensi berita media harian akhbar koran surat kabar majalah tabloid stasiun stesen televisi
    televisyen tv radio newspaper broadcaster outlet magazine daily channel network agency wire news
    service portal tabloid television podcast programme program show column op-ed piece""".split()
)
FILLER_WORDS = frozenset(
    """the a an sebuah satu its their his her di dari daripada oleh yang resmi rasmi resminya rasminya
    tahunan terbaru terkini tertulis pers bersama milik by from of on in published released issued
    compiled posted dirilis diterbitkan dikeluarkan dipublikasikan dimuat diunggah asal setempat tempatan
    lokal internasional nasional online daring kabar pada kepada to new latest annual official joint
    weekly monthly local state state-run state-owned public national regional private pro-government
    opposition independent leading major financial business economic opinion for""".split()
)
_WORD_AT_RE = re.compile(r"[ \t]*([A-Za-z][a-z-]*)(?![\w])")
_NAME_START_RE = re.compile(r"[ \t]+[A-Z@]")


def consume_descriptors(text: str, pos: int) -> tuple[int, bool, bool]:
    """Skip descriptor words after a trigger: (new position, saw a document word, saw an outlet word).

    A capitalised word is skipped only before a descriptor ("told German broadcaster ZDF",
    "kantor berita Prancis AFP" is handled by the name reader instead).
    """
    doc = outlet = False
    for _ in range(7):
        m = _WORD_AT_RE.match(text, pos)
        if m is None:
            break
        word = m.group(1)
        if word[0].isupper():
            # Only an adjective before a descriptor and a name: "German broadcaster ZDF", not
            # "the Independent newspaper".
            nxt = _WORD_AT_RE.match(text, m.end())
            if nxt is None or nxt.group(1) not in OUTLET_WORDS and nxt.group(1) not in DOC_WORDS:
                break
            after = _NAME_START_RE.match(text, nxt.end())
            if after is None:
                break
            pos = m.end()
            continue
        if word in DOC_WORDS:
            doc = True
        elif word in OUTLET_WORDS:
            outlet = True
        elif word not in FILLER_WORDS:
            break
        pos = m.end()
    return pos, doc, outlet


# Chains: "dilansir detikFinance dari Bloomberg", "Liputan6.com yang mengutip The Guardian".
CHAIN_RE = re.compile(
    r"(?:[ \t]*,)?[ \t]+(?:yang[ \t]+)?(?:juga[ \t]+)?(?P<verb>mengutip|melansir|memetik|menukil|dikutip[ \t]+dari"
    r"|dilansir[ \t]+dari|citing|quoting|via|dari|daripada|from)(?:[ \t]+dari)?(?![\w])"
)
# The news verbs after which an accepted outlet's attribution may name the outlet's own source: "The
# Straits Times reported, citing Lianhe Zaobao", "Kompas melaporkan, mengutip Nikkei".
CHAIN_AFTER_RULES = frozenset({"reported", "melaporkan", "memberitakan", "said"})
STRONG_CHAIN_VERBS = frozenset({"mengutip", "melansir", "memetik", "menukil", "citing", "quoting", "via"})

# Datelines: "Jakarta (ANTARA) -", "KUALA LUMPUR, 12 Mac (Bernama) --", "(Antara/PRNewswire) --".
DATELINE_RE = re.compile(
    r"(?m)^[ \t]*[^\n()]{0,60}?\((?P<ag>[A-Za-z][\w.&' -]{0,30}(?:[ \t]*/[ \t]*[A-Za-z][\w.&' -]{0,30}){0,3})\)"
    r"[ \t]*(?P<end>[-\u2013\u2014]{1,2}|:)(?=[ \t\n])"
)
# Own-site style dateline of another outlet: "Liputan6.com, Jakarta -" (syndicated copy).
OUTLET_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<o>[A-Za-z][\w.-]{1,40}(?:[ \t][A-Z][\w.-]{1,20}){0,2}),"
    r"[ \t]+[A-Z][A-Za-z .]{1,30}?[ \t]*[-\u2013\u2014]{1,2}[ \t]"
)
# "KOMPAS.com - Gempa ..." and "Jakarta, CNN Indonesia -- ..." (another outlet's copy, or the own site).
OUTLET_LEAD_RE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Za-z .]{1,30}?,[ \t]+)?(?P<o>[A-Za-z][\w.-]{1,40}(?:[ \t][A-Z][\w.-]{1,20}){0,2})"
    r"[ \t]*[-\u2013\u2014]{1,2}[ \t]"
)
# A closing agency credit: "... tiba di Kuala Lumpur. \u2014 Bernama", "... on Tuesday. - Reuters".
END_DASH_CREDIT_RE = re.compile(
    r"(?m)(?:^|[.!?\u201d\"][ \t]+)[-\u2013\u2014]{1,2}[ \t]*(?P<o>[A-Za-z][\w.&' -]{1,30}?)[ \t]*$"
)
# A bare agency credit closing a paragraph: "... di tempat pengungsian. (AFP)".
# Square brackets too: "... jadi suami. [ds/islampos/upi]" (editors' initials and the credit codes of sources).
END_CREDIT_RE = re.compile(r"[(\[](?P<ag>[A-Za-z][\w.&' -]{0,30}(?:/[A-Za-z][\w.&' -]{0,30}){0,3})[)\]][ \t]*$", re.M)
# A headline credit: "Thailand extends visa-free stays ...: The Nation".
HEADLINE_CREDIT_RE = re.compile(r"(?m)^(?P<head>[^\n:]{15,200}):[ \t]+(?P<o>[A-Z][^\n:.!?]{1,40}?)[ \t]*$")
# An unknown name in a headline credit counts by its outlet shape only when the line reads as a headline: no
# brackets or sentence ends before the colon, no credit label opening the line or just before the colon
# ("Ilustrasi warga ...: X", "... banjir (foto: X)", "Image courtesy: X" are captions and photo credits), and
# the credit made of name words alone ("X/Jane Doe" names a photographer).
_CREDIT_LABELS = (r"foto|photo|photograph|image|picture|courtesy|credit|kredit|ilustrasi|illustration|video|dok"
                  r"|dokumentasi|grafis|gambar|sumber|source|via|kontributor|contributor")
HEADLINE_HEAD_BAD_RE = re.compile(
    rf"[()\[\]]|[.!?][ \t]|(?i:^[ \t]*(?:{_CREDIT_LABELS})\b|\b(?:{_CREDIT_LABELS})[ \t]*$)"
)
HEADLINE_NAME_RE = re.compile(r"[^\W_][\w&'\u2019-]*(?:[ \t]+[^\W_][\w&'\u2019-]*)*")
