"""Sources a safeguarding lead would accept (issue 9 §10).

Each source is sorted by who published it: the platform itself, a government, police, court or
regulator, a charity or service that does this work, or anyone else. Anything else must be
marked `weak=True`, so the rule does not present it as settled. `pytest -s` prints the shares.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from safety_check.models import Source
from safety_check.resources import RESOURCES
from safety_check.rules import ALL_RULES

PLATFORMS = (
    "apple.com",
    "google.com",
    "android.com",
    "instagram.com",
    "facebook.com",
    "meta.com",
    "snapchat.com",
    "snap.com",
    "tiktok.com",
    "whatsapp.com",
    "x.com",
    "twitter.com",
    "discord.com",
    "youtube.com",
    "telegram.org",
    "microsoft.com",
    "xbox.com",
    "playstation.com",
    "sony.com",
    "nintendo.com",
    "nintendo.co.uk",
    "roblox.com",
    "bumble.com",
    "tinder.com",
    "hinge.co",
    "match.com",
    "samsung.com",
    "playstation.net",
    "nintendo-nordics.com",
    "bumbleforfriends.com",
    "grindr.com",
    "tineye.com",
)
OFFICIAL = (
    "gov.uk",
    "police.uk",
    "gov.scot",
    "gov.wales",
    "llyw.cymru",
    "nidirect.gov.uk",
    "justice-ni.gov.uk",
    "parliament.scot",
    "ofcom.org.uk",
    "ico.org.uk",
    "nhs.uk",
    "europa.eu",
    "ceopeducation.co.uk",
    "scottish.parliament.uk",
    # Australia's eSafety Commissioner: the statutory online safety regulator (Online Safety
    # Act 2021), cited only for device advice that is the same in the UK.
    "esafety.gov.au",
    # MetEngage: the Metropolitan Police's community messaging service; its messages are written
    # by Met officers.
    "metengage.co.uk",
)
CHARITIES = (
    "nspcc.org.uk",
    "childline.org.uk",
    "iwf.org.uk",
    "thinkuknow.co.uk",
    "revengepornhelpline.org.uk",
    "stopncii.org",
    "ncmec.org",
    "missingkids.org",
    "saferinternet.org.uk",
    "swgfl.org.uk",
    "internetmatters.org",
    "victimsupport.org.uk",
    "victimsupport.scot",
    "victimsupportni.com",
    "refuge.org.uk",
    "nationaldahelpline.org.uk",
    "reportharmfulcontent.com",
    "childnet.com",
    "samaritans.org",
    "giveusashout.org",
    "rapecrisis.org.uk",
    "rapecrisisscotland.org.uk",
    "247sexualabusesupport.org.uk",
    "nexusni.org",
    "dsahelpline.org",
    "respect.uk.net",
    "mensadviceline.org.uk",
    "galop.org.uk",
    "womensaid.org.uk",
    "mariecollinsfoundation.org.uk",
    "lucyfaithfull.org.uk",
    "stopitnow.org.uk",
    "crimestoppers-uk.org",
    "safeguardingni.org",
    "reportfraud.police.uk",
    "actionfraud.police.uk",
    "ukcis",
    "getsafeonline.org",
    "childnet-int.org",
    "parentzone.org.uk",
    "youngminds.org.uk",
    "livefearfree.gov.wales",
    "sdafmh.org.uk",
    "safer.scot",
    "contactscotland-bsl.org",
    "signvideo.co.uk",
    "relayuk.bt.com",
    "emergencysms.net",
    "citizensadvice.org.uk",
    "mesmac.co.uk",
    "mermaidsuk.org.uk",
    # ProMo-Cymru: the not-for-profit that runs the Meic helpline for the Welsh Government (the
    # service's own page).
    "promo.cymru",
    # Privacy International: a UK registered charity whose guides walk through account privacy
    # and security settings.
    "privacyinternational.org",
)
CONTENT_FARMS = (
    "unanswered.io",
    "seemyphone.com",
    "piclab.click",
    "successdigestonline.com",
    "washingtonnewsday.com",
    "dyenamicsolutions.com",
)


def _matches(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) or d in host for d in domains)


def kind(source: Source) -> str:
    host = urlsplit(source.url).hostname or ""
    if _matches(host, PLATFORMS):
        return "platform"
    if _matches(host, OFFICIAL):
        return "official"
    if _matches(host, CHARITIES):
        return "charity"
    return "secondary"


def all_sources() -> dict[str, Source]:
    """Every distinct source URL cited by a rule."""
    return {source.url: source for rule in ALL_RULES for source in rule.sources}


def test_no_content_farm_is_cited() -> None:
    farms = [url for url in all_sources() if _matches(urlsplit(url).hostname or "", CONTENT_FARMS)]
    assert not farms


def test_a_secondary_source_is_marked_weak() -> None:
    # Every rule's own entries, not one entry per URL: a URL cited weak in one rule and unmarked
    # in another must not pass because the weak entry happened to be seen last.
    unmarked = [
        (rule.id, s.url)
        for rule in ALL_RULES
        for s in rule.sources
        if kind(s) == "secondary" and not s.weak
    ]
    assert not unmarked, "cite the platform or an official page, or mark the source weak=True"


# Rules whose every source is weak (secondary). Each is here because no page from the platform,
# a government, the police or a charity saying the same was found; the rule's steps say to check
# on the device, as menus change. Remove a rule from this list when a strong source is found.
WEAK_ONLY_ALLOWED = {
    # Apple's own NameDrop page was not found; the two secondary pages agree with each other.
    "nearby_sharing_namedrop_know_the_facts",
    # Apple's "change the name of your iPhone" page was not found.
    "nearby_sharing_device_name_without_full_name",
}


def test_no_rule_rests_on_weak_sources_alone() -> None:
    weak_only = {
        rule.id
        for rule in ALL_RULES
        if rule.sources and all(s.weak or kind(s) == "secondary" for s in rule.sources)
    }
    assert not weak_only - WEAK_ONLY_ALLOWED, "find a strong source, or add it to the allow-list"
    assert not WEAK_ONLY_ALLOWED - weak_only, "a strong source was found: leave the allow-list"


def test_most_sources_are_first_party_or_official() -> None:
    counts = Counter(kind(source) for source in all_sources().values())
    total = sum(counts.values())
    strong = counts["platform"] + counts["official"] + counts["charity"]
    legislation = sum("legislation.gov.uk" in url for url in all_sources())
    print(
        f"\nsources: {total} distinct; platform {counts['platform']}, official "
        f"{counts['official']} (legislation.gov.uk {legislation}), charity {counts['charity']}, "
        f"secondary {counts['secondary']}; first-party or official {strong / total:.0%}"
    )
    # 0.50 before issue 9, 0.75 before issue 17, 0.80 before issue 17 §3, 0.89 at 2026.12.2
    # (150 of 167); 155 of 172 at 2026.12.3. Raise it as weak sources go.
    assert strong / total >= 0.90


def test_every_service_is_sourced_from_its_own_or_an_official_page() -> None:
    weak = [r.id for r in RESOURCES.values() if kind(Source(title="", url=r.source)) == "secondary"]
    print(f"\nservices with a secondary source: {weak}")
    assert len(weak) <= len(RESOURCES) // 4
