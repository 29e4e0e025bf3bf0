"""Which voice reads a leaflet: the one whose language is the leaflet's `language`.

eSpeak NG names its voices `family/tag` ("cel/cy" Welsh, "sem/ar" Arabic, "gmw/en-gb-x-rp"),
the tag being a BCP 47 language tag in lower case, so a leaflet's `language` from
leaflet.toml ("cy", "ar", "en-GB") is matched against that tag. The voice staff chose in
kiosk.toml wins for leaflets in its own language (a council that picked Received
Pronunciation keeps it for its English leaflets). A language the engine has no voice for is
read with the chosen voice, and the log says so once per leaflet, so staff can see why a
Somali leaflet sounds English.
"""

from __future__ import annotations

import logging

log = logging.getLogger("kiosk.speech")


def _tag(voice: str) -> str:
    return voice.rpartition("/")[2].lower()


def _primary(tag: str) -> str:
    return tag.replace("_", "-").lower().partition("-")[0]


def match_voice(language: str, voices: list[str], chosen: str) -> str | None:
    """The voice for `language`, or None when the engine has none for it."""
    wanted = language.replace("_", "-").lower()
    if not wanted:
        return None
    if chosen in voices and _primary(_tag(chosen)) == _primary(wanted):
        return chosen
    exact = [v for v in voices if _tag(v) == wanted]
    if exact:
        return exact[0]
    # "en-GB" where only "en" exists; never "pap" for "pa": the whole primary subtag.
    same = [v for v in voices if _tag(v) == _primary(wanted)]
    if same:
        return same[0]
    regional = sorted(v for v in voices if _primary(_tag(v)) == _primary(wanted))
    return regional[0] if regional else None


class LeafletVoices:
    """Remembers each leaflet's voice, so the warning for a missing one is logged once."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], str] = {}

    def voice_for(self, leaflet_id: str, language: str, voices: list[str], chosen: str) -> str:
        key = (leaflet_id, language, chosen)
        found = self._known.get(key)
        if found is not None:
            return found
        matched = match_voice(language, voices, chosen)
        if matched is None:
            log.warning(
                "leaflet %r is in language %r, which the speech engine has no voice for; "
                "reading it with the default voice %s",
                leaflet_id,
                language,
                chosen,
            )
            matched = chosen
        self._known[key] = matched
        return matched
