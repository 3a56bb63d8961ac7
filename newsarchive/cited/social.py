"""Social-media sources: an account's @handle where given, else the platform.

"melalui akun Instagram resminya, @dishub.palembang" -> "@dishub.palembang";
"dalam sebuah unggahan Facebook" / "in a post on X" -> "Facebook" / "X".
A handle counts only with an account/platform word shortly before it (a bare "@band" in a quoted
bio is not a source); private messaging (WhatsApp, SMS) is not a source; photo credits
("Foto: Instagram/@x") are excluded by the caller's blocked zones.
"""
from __future__ import annotations

import bisect
import re

PLATFORMS = {
    "Instagram": "Instagram", "IG": "Instagram", "Insta": "Instagram", "Instastory": "Instagram",
    "Facebook": "Facebook", "FB": "Facebook",
    "X": "X", "Twitter": "X",
    "TikTok": "TikTok", "Tiktok": "TikTok",
    "YouTube": "YouTube", "Youtube": "YouTube",
    "Threads": "Threads", "Telegram": "Telegram", "LinkedIn": "LinkedIn", "Weibo": "Weibo",
    "Truth Social": "Truth Social", "Bluesky": "Bluesky", "Reddit": "Reddit", "Snapchat": "Snapchat",
}
_PLAT = "|".join(sorted((re.escape(p) for p in PLATFORMS), key=len, reverse=True))

HANDLE_RE = re.compile(r"(?<![\w@.])@(?P<h>[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")
# What must precede a handle (within the same clause) for it to be a cited account.
_HANDLE_CUE_RE = re.compile(
    r"(?:\b(?:akun|akaun|account|handle|profil|profile|kanal|channel|laman|page|halaman|username)\b"
    rf"|(?<![\w])(?:{_PLAT})(?![\w]))"
    r"(?:[ \t,(:]+[\w'\u2019-]+){0,3}[ \t,(:]*$"
)
# A platform named as the channel a statement came through: the platform name is searched for
# first (cheap), then a cue is looked for in the few words before it.
PLATFORM_NAME_RE = re.compile(rf"(?<![\w@/.])(?P<p>{_PLAT})(?![\w@/]|-(?!nya\b))")  # "Instagram-nya" is fine
_PLATFORM_CUE_RE = re.compile(
    r"(?:\b(?:unggahan|unggah|diunggah|mengunggah|postingan|posting|unggahannya|postingannya|hantaran|kiriman|cuitan"
    r"|kicauan|twit|tweet|cuit|video|kanal|saluran|siaran\s+langsung|siaran\s+live|live|story|stories|status|akun"
    r"|akaun|laman|halaman|posted|posts?|tweeted|wrote|statement|message|livestream|account|page|channel"
    r"|shared|announced|said|says|confirmed|kenyataan|dikongsi|berkongsi|dibagikan|membagikan|muat\s+naik"
    r"|dimuat\s+naik)\b(?:[ \t]+[^\s.,;:!?@()\u201c\u201d\"]+){0,5}?"
    r"[ \t]+(?:di|pada|melalui|lewat|menerusi|dalam|via"
    r"|ke|on|to|in|at)?[ \t]*(?:its|his|her|their|the|a|an)?[ \t]*(?:official[ \t]+|verified[ \t]+)?"
    r"|\b(?:melalui|lewat|menerusi|via)[ \t]+)$"
)
# A platform named before the kind of post: "In a Facebook post on Monday", "dalam unggahan" comes after too.
_PLATFORM_BEFORE_RE = re.compile(
    r"(?i)\b(?:in|on|via|through|dalam|melalui|lewat|menerusi)[ \t]+(?:a|an|its|his|her|their|the|sebuah|satu)?[ \t]*$"
)
_PLATFORM_AFTER_RE = re.compile(
    r"[ \t]+(?:post|posts|posting|video|livestream|live|page|account|story|statement|message|update|thread)(?![\w])"
)
_X_CUE_RE = re.compile(
    r"(?:\bon|\bdi|\bakun|\bakaun|\bvia|\bmelalui|\blewat|\bmenerusi)[ \t]+(?:its[ \t]+|their[ \t]+)?$"
)


def find_social(text: str) -> list[tuple[int, int, str, int]]:
    """(name start, name end, name, evidence start) for every social-media source in ``text``."""
    out: list[tuple[int, int, str, int]] = []
    handle_clauses: list[tuple[int, int]] = []
    for m in HANDLE_RE.finditer(text) if "@" in text else ():
        lo = max(0, m.start() - 60)
        cue = _HANDLE_CUE_RE.search(text, lo, m.start())
        if cue is None:
            continue
        name = "@" + m.group("h")
        out.append((m.start(), m.end(), name, cue.start()))
        handle_clauses.append((cue.start(), m.end()))
    for m in PLATFORM_NAME_RE.finditer(text):
        p = m.group("p")
        start = m.start("p")
        cue = _platform_cue(text, start, m.end("p"))
        if cue is None:
            continue
        if p == "X" and not _X_CUE_RE.search(text, max(0, start - 20), start):
            continue
        # The platform of an account already reported by its handle is not a second source.
        # (handle_clauses is sorted by start: bisect keeps this linear on huge inputs.)
        i = bisect.bisect_right(handle_clauses, (start + 5, float("inf"))) - 1
        if i >= 0 and start <= handle_clauses[i][1] + 20:
            continue
        if HANDLE_RE.match(text, _skip_to_handle(text, m.end())):
            continue
        out.append((start, m.end("p"), PLATFORMS[p], cue.start()))
    return out


def _platform_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The cue that makes a platform a channel: a posting word before it ("unggahan Facebook"), or a
    preposition before it and the kind of post after it ("In a Facebook post")."""
    cue = _PLATFORM_CUE_RE.search(text, max(0, start - 70), start)
    if cue is None and _PLATFORM_AFTER_RE.match(text, end):
        cue = _PLATFORM_BEFORE_RE.search(text, max(0, start - 20), start)
    return cue


_TO_HANDLE_RE = re.compile(
    r"[ \t,(]*(?:(?:account|akun|akaun|resmi(?:nya)?|pribadi(?:nya)?|miliknya|rasmi|official)[ \t,]*)*"
)


def _skip_to_handle(text: str, pos: int) -> int:
    """Position of the next handle if only an account word, commas or spaces stand before it."""
    return _TO_HANDLE_RE.match(text, pos).end()
