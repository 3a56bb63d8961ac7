"""The trigger phrases that announce a cited source, per language, compiled once.

Each rule names the side the source is on (``fwd``: "dilansir X"; ``back``: "X melaporkan"; ``both``:
"X, citing Y") and how much evidence the phrase itself carries:

``strong``  the phrase only ever introduces a source ("dilansir", "Sumber:"): any name shape counts;
``doc``     the phrase names a document or official site ("siaran pers", "laman resmi"): any name
            counts, including institutions, which are not sources when they merely speak;
``weak``    the phrase also introduces people ("menurut", "according to", "kepada", "told"): only a
            known outlet, an outlet-shaped name ("Bangkok Post", "Kompas.com") or a name after an
            outlet descriptor ("kantor berita X") or a document noun ("laporan X") counts;
``gaz``     only a gazetteer outlet counts ("Bloomberg News said");
``inst``    only a gazetteer entry or an institution name counts ("Data Badan Pusat Statistik ...",
            not "Data Scientists").

A rule's ``langs`` are the languages it runs in; the engine skips it when the text's language is
known and not among them.
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


def _alt(*parts: str) -> str:
    """Alternatives joined with "|" (keeps the long rule table readable)."""
    return "|".join(parts)


RULES: tuple[Rule, ...] = (
    # --- Indonesian / Malay -------------------------------------------------------------------
    Rule("lansir", _alt(r"(?i:(?:seperti\s+|sebagaimana\s+)?(?:dilansir|melansir|dikutip|mengutip|memetik|dipetik",
                        r"menukil|dinukil|disadur|menyadur)(?:\s+(?:dari|daripada|oleh))?)"), "fwd", "strong", IDMS),
    Rule("seperti_lapor", r"(?i:(?:seperti|sebagaimana)\s+(?:yang\s+)?(?:dilaporkan|diberitakan|diwartakan|disiarkan)"
                          r"(?:\s+oleh)?)",
         "fwd", "strong", IDMS),
    Rule("dilapor", _alt(r"(?:[Dd]ilaporkan|[Dd]iberitakan|[Dd]iwartakan|[Dd]isiarkan|[Dd]itayangkan)(?:\s+oleh)?",
                         r"lapor", r"(?:didedahkan|dipaparkan|diungkap|diungkapkan|dimuat|ditulis)\s+oleh"),
         "fwd", "weak", IDMS),
    Rule("menurut", _alt(r"[Mm]enurut", r"[Bb]erdasarkan", r"[Mm]erujuk(?:\s+(?:pada|kepada))?",
                         r"[Mm]engacu\s+(?:pada|kepada)",
                         r"(?:[Ss]eperti\s+)?(?:tercantum|tertulis|termuat|dimuat|disebutkan|dijelaskan)"
                         r"\s+(?:dalam|di)"),
         "fwd", "weak", IDMS),
    Rule("kepada", _alt(r"[Kk]epada", r"[Kk]pd",
                        r"(?:saat\s+|ketika\s+|waktu\s+)?(?:dihubungi|dikonfirmasi|ditemui|diwawancarai)(?:\s+oleh)?"),
         "fwd", "weak", IDMS),
    Rule("wartawan", _alt(r"[Jj]urnalis|[Ww]artawan|[Kk]oresponden|[Pp]ewarta|[Tt]ayangan|[Ll]iputan|[Pp]emberitaan",
                          r"(?:[Dd]alam\s+|[Mm]elalui\s+)?(?:[Ww]awancara|temu\s+bual)"
                          r"\s+(?:dengan|bersama|eksklusif\s+dengan)"),
         "fwd", "weak", IDMS),
    # "Artikel ini telah tayang di Kompas.com dengan judul ..." (a republished article's origin)
    Rule("tayang", r"(?i:(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah\s+|sudah\s+|pertama\s+kali\s+|juga\s+)?"
         r"(?:tayang|terbit|dimuat|dipublikasikan|diterbitkan|disiarkan)(?:\s+(?:di|dalam|pada))?)",
         "fwd", "strong", IDMS),
    # "dokumen yang diperoleh Tempo"
    Rule("diperoleh", r"(?:diperoleh|didapatkan|didapat)(?:\s+oleh)?", "fwd", "weak", IDMS),
    Rule("laporan", r"[Ll]aporan(?:\s+(?:tahunan|terbaru|terkini|resmi|khusus|investigasi|eksklusif))?",
         "fwd", "doc", IDMS),
    Rule("tulis_inv", r"(?<=, )(?:tulis|lapor|sebut|tulisnya)", "fwd", "weak", IDMS),  # "..., tulis Kompas.com."
    Rule("melaporkan", _alt(r"melaporkan|memberitakan|mewartakan|mengabarkan|menulis|menyiarkan|menayangkan",
                            r"melaporkannya|mencatat|menyebutkan|menyebut|melansir|memaparkan\s+laporan"),
         "back", "weak", IDMS),
    # --- English -------------------------------------------------------------------------------
    Rule("according", r"[Aa]ccording\s+to|[Pp]er", "fwd", "weak", EN),
    Rule("reports_inv", r"(?<=, )(?:reports|reported|writes|wrote|notes|noted|adds|added|said|says)",
         "fwd", "weak", EN),  # "..., reports The Verge."
    Rule("told", _alt(r"told|tells|telling",
                      r"(?:[Ss]peaking|spoke|[Tt]alking|talked|[Ww]riting|wrote)\s+(?:to|in|for)",
                      r"(?:[Ii]n\s+)?an?\s+(?:exclusive\s+)?interview\s+with|interviewed\s+by",
                      r"in\s+comments\s+to|in\s+a\s+statement\s+to"),
         "fwd", "weak", EN),
    Rule("citing", r"[Cc]iting|[Cc]ited\s+by|(?:as\s+)?quoted\s+by|quoting", "both", "weak", EN),
    Rule("reported_by", _alt(r"(?:first\s+|as\s+|originally\s+|previously\s+)?(?:reported|broadcast|aired|revealed"
                             r"|broken)\s+by",
                             r"[Ff]ootage\s+(?:from|broadcast\s+by|aired\s+by)"),
         "fwd", "strong", EN),
    Rule("published_by", r"published\s+by|released\s+by|issued\s+by|posted\s+by|compiled\s+by", "fwd", "weak", EN),
    Rule("seen_by", r"(?:seen|obtained|reviewed|verified)\s+by", "fwd", "weak", EN),  # "a letter seen by Reuters"
    Rule("reporting_by", r"(?:[Aa]dditional\s+)?[Rr]eporting\s+by", "fwd", "weak", EN),  # not a by-lined person
    Rule("files", _alt(r"[Ww]ith\s+files\s+from|[Ww]ith\s+reporting\s+from",
                       r"(?:originally|first)\s+(?:appeared|published)\s+(?:on|in|by)",
                       r"[Rr]epublished\s+(?:from|with\s+permission\s+from)"),
         "fwd", "strong", EN),
    Rule("reported", _alt(r"(?:has\s+|had\s+|have\s+)?(?:reported|reports|wrote|writes|broadcast|revealed|aired)",
                          r"(?:has|have)\s+(?:learned|learnt|been\s+told)|understands"),
         "back", "weak", EN),
    Rule("said", r"said|says|added|noted", "back", "gaz", EN),
    Rule("reporter", _alt(r"reporters?|journalists?|correspondents?|witnesses|witness|tally|calculations|poll|survey",
                          r"report|footage|analysis|investigation"),
         "back", "gaz", EN),
    # --- any language: documents, "Sumber:" lines, "via" -------------------------------------------
    Rule("doc", _alt(r"siaran\s+pers|keterangan\s+(?:pers|resmi|tertulis)|kenyataan(?:\s+media|\s+rasmi)?",
                     r"(?:laman|situs|portal)(?:\s+web)?\s+(?:resmi|rasmi)|surat\s+edaran",
                     r"press\s+release|news\s+release|annual\s+report|(?:[Dd]ata|[Ff]igures|[Ss]tatistics)\s+(?:from|by|dari)",
                     r"(?:[Aa]n?|[Tt]he)\s+(?:new\s+|recent\s+|latest\s+|annual\s+)?"
                     r"(?:report|survey|study|poll|analysis|review|audit)\s+(?:by|from)"),
         "fwd", "doc"),
    # after "doc", which must win on "data from"
    Rule("data", r"data|catatan|hasil\s+survei|pantauan", "fwd", "doc", IDMS),
    Rule("data_cap", r"Data|Catatan|Hasil\s+survei|Pantauan", "fwd", "inst", IDMS),
    Rule("source_line", r"(?:Sumber|SUMBER|Source|SOURCE|Sources|Sumber\s+berita|Sumber\s+artikel)\s*:",
         "fwd", "strong"),
    Rule("via_paren", r"(?<=\()(?:via|Via|VIA)", "fwd", "strong"),
    Rule("via", r"via", "fwd", "weak"),
)

# One alternation behind one shared word-boundary check (and a letter look-ahead): several times
# faster than a boundary inside every branch, since most positions fail before any branch is tried.
TRIGGER_RE = re.compile(
    r"(?<![\w@])(?=[A-Za-z])(?:" + "|".join(f"(?P<{r.name}>{r.pattern})" for r in RULES) + r")(?![\w])"
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
    service portal tabloid""".split()
)
FILLER_WORDS = frozenset(
    """the a an sebuah satu its their his her di dari daripada oleh yang resmi rasmi resminya rasminya
    tahunan terbaru terkini tertulis pers bersama milik by from of on in published released issued
    compiled posted dirilis diterbitkan dikeluarkan dipublikasikan dimuat diunggah asal setempat tempatan
    lokal internasional nasional online daring kabar pada kepada to new latest annual official joint
    weekly monthly local state state-run state-owned public national regional private pro-government
    opposition independent leading major financial business economic""".split()
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
END_CREDIT_RE = re.compile(r"\((?P<ag>[A-Za-z][\w.&' -]{0,30}(?:/[A-Za-z][\w.&' -]{0,30}){0,2})\)[ \t]*$", re.M)
# A headline credit: "Thailand extends visa-free stays ...: The Nation".
HEADLINE_CREDIT_RE = re.compile(r"(?m)^(?P<head>[^\n:]{15,200}):[ \t]+(?P<o>[A-Z][^\n:.!?]{1,40}?)[ \t]*$")
