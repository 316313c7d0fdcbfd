"""Cameras and webcams: covering them, app permissions, video calls, and "I recorded you" scams."""

from __future__ import annotations

from safety_check.authoring import not_sure, opt, report_money_lost, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
SINCE = "2026.11.0"

NIDIRECT_SEXTORTION = source(
    "nidirect: Scam alert - sextortion",
    "https://www.nidirect.gov.uk/articles/scam-alert-sextortion",
)
APPLE_CAMERA_INDICATOR = source(
    "Apple's advice on MacBook camera covers (reported)",
    "https://www.deccanherald.com/specials/apple-asks-macbook-users-not-to-cover-web-camera-860787.html",
    weak=True,
)
IPHONE_INDICATORS = source(
    "Apple Support: about the orange and green indicators in your iPhone status bar (an app is "
    "using the microphone or camera)",
    "https://support.apple.com/en-ca/108331",
)
WINDOWS_CAMERA = source(
    "Microsoft Support: manage app permissions for a camera in Windows",
    "https://support.microsoft.com/en-us/windows/turn-on-app-permissions-for-your-camera-in-windows-10-87ebc757-1f87-7bbf-84b5-0686afb6ca6b",
)
ANDROID_PRIVACY = source(
    "Samsung Support (Australia): green camera and microphone icon on Galaxy phones (shows "
    "when an app uses them; quick panel controls block all apps from the camera or microphone)",
    "https://www.samsung.com/au/support/mobile-devices/green-camera-and-microphone-icon-appearing-on-screen/",
)
ANDROID_PERMISSIONS = source(
    "Android Help: change app permissions on your Android phone (camera and microphone)",
    "https://support.google.com/android/answer/9431959",
)
RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)

COMPUTERS = "profile.devices in [mac, windows, chromebook]"

COVER_WHEN_UNUSED = single(
    "webcam.cover_when_unused",
    "When you're not using your computer's camera, do you cover it or close the lid?",
    role="habit",
    options=(
        opt("always", "Always", 1.0),
        opt("sometimes", "Sometimes", 0.5),
        opt("never", "Never", 0.0),
        opt("no_camera", "My computer doesn't have a camera"),
    ),
    when=COMPUTERS,
    weight=2,
)

PERMISSIONS_CHECKED = single(
    "webcam.permissions_checked",
    "In the last six months, have you checked which apps are allowed to use your camera and "
    "microphone?",
    role="habit",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    weight=2,
)

VIDEO_CALLS_WITH_STRANGERS = single(
    "webcam.video_calls_with_strangers",
    "Do you go on video calls with people you have only met online?",
    role="habit",
    options=(
        opt("never", "Never", 1.0),
        opt("sometimes", "Sometimes", 0.4),
        opt("often", "Often", 0.0),
    ),
    weight=3,
)

LIGHT_ON_UNEXPECTEDLY = single(
    "webcam.light_on_unexpectedly",
    "Has your camera light come on when you weren't using the camera?",
    role="disclosure",
    options=(opt("yes", "Yes"), opt("no", "No"), not_sure(None)),
    hint="On phones this is a small green dot at the top of the screen.",
)

RECORDED_YOU_MESSAGE = single(
    "webcam.recorded_you_message",
    "Have you had an email or message saying someone recorded you through your camera and "
    "wants money?",
    role="disclosure",
    options=(opt("yes", "Yes", harm=True), opt("no", "No"), not_sure(None)),
)

QUESTIONS = (
    COVER_WHEN_UNUSED,
    PERMISSIONS_CHECKED,
    VIDEO_CALLS_WITH_STRANGERS,
    LIGHT_ON_UNEXPECTEDLY,
    RECORDED_YOU_MESSAGE,
)

COVER_CAMERA = Rule(
    id="webcam_cover_when_unused",
    area="webcam",
    purpose="prevention",
    title="Cover your computer's camera when you're not using it",
    summary="Cover your computer's camera or close the lid when you're not using it, so it only "
    "sees what you choose.",
    why="Some harmful software can switch a camera on without you knowing. A cover or a closed "
    "lid means nothing can be seen, whatever is running.",
    fires="webcam.cover_when_unused in [sometimes, never]",
    steps=(
        steps(
            "general",
            "Use a slide-across camera cover or a small piece of card or tape.",
            "If you use a separate webcam, unplug it or turn it to face the wall when you're done.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Apple has warned that closing a MacBook with a thick camera cover on can crack the "
            "screen. Use one no thicker than a sheet of paper, or take it off first.",
            "Apple has said the green light next to a Mac's camera comes on whenever the camera "
            "is in use, so watch for it.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "If your laptop has no camera light, Windows may show a small message on screen when "
            "the camera turns on. Watch for it.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=2,
    sources=(NIDIRECT_SEXTORTION, WINDOWS_CAMERA, APPLE_CAMERA_INDICATOR),
    since=SINCE,
)

REVIEW_PERMISSIONS = Rule(
    id="webcam_review_camera_permissions",
    area="webcam",
    purpose="prevention",
    title="Check which apps can use your camera and microphone",
    summary="Check which apps can use your camera and microphone, and turn off any that don't "
    "need them.",
    why="Apps you no longer use, or don't trust, may still be allowed to use your camera. "
    "Turning that off means only the apps you choose can see or hear you.",
    fires="webcam.permissions_checked in [no, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "A green dot at the top of the screen means the camera is on; an orange dot means "
            "the microphone is on.",
            "Swipe down from the top-right corner to open Control Centre and see which app "
            "used them.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "A green icon at the top of the screen means the camera or microphone is on. Tap it "
            "to see which app is using it.",
            "Go to Settings, then Security and privacy, then Privacy, then Privacy dashboard, "
            "to see which apps used them recently. Names vary by phone maker.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "iphone_ipad",
            "Open Settings, then Privacy & Security, then Camera.",
            "Turn off any app that doesn't need your camera. Do the same under Microphone.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings, then Security and privacy, then Privacy, then Permission manager, "
            "then Camera. Names vary by phone maker.",
            "Set apps that don't need your camera to Don't allow. Do the same for Microphone.",
            "On many phones you can also add the Camera access tile to Quick Settings, to block "
            "the camera for every app at once.",
            checked=RECHECKED,
        ),
        steps(
            "mac",
            "Open System Settings, then Privacy & Security, then Camera.",
            "Turn off any app that doesn't need your camera. Do the same under Microphone.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "Open Settings, then Privacy & security. Under App permissions, choose Camera.",
            "Turn off apps that don't need your camera, and check Let desktop apps access your "
            "camera as well.",
            checked=RECHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(WINDOWS_CAMERA, ANDROID_PERMISSIONS, IPHONE_INDICATORS, ANDROID_PRIVACY),
    since=SINCE,
)

VIDEO_CALLS = Rule(
    id="webcam_video_calls_with_strangers",
    area="webcam",
    purpose="prevention",
    title="Take care on video calls with people you've only met online",
    summary="On video calls with people you've only met online, end the call if anything turns "
    "sexual.",
    why="Anything on a video call can be recorded, even on apps that say things disappear. "
    "Sextortion (threats to share a nude picture of you unless you pay or send more) often "
    "starts with a friendly video call that quickly turns sexual.",
    fires="webcam.video_calls_with_strangers in [sometimes, often]",
    steps=(
        steps(
            "general",
            "Remember that the person on the other end may not be who they say they are. Videos "
            "can be faked too.",
            "If someone asks you to undress or do something sexual on camera, or shows you "
            "something sexual, end the call. You don't owe anyone an explanation.",
            "Block and report anyone who pressures you. It's not your fault if someone tricks "
            "or pressures you.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=1,
    sources=(RPH_SEXTORTION, NIDIRECT_SEXTORTION),
    since=SINCE,
)

LIGHT_ON = Rule(
    id="webcam_camera_light_unexpected",
    area="webcam",
    purpose="response",
    title="Check your device for harmful software if the camera light came on by itself",
    summary="If your camera light came on by itself, cover the camera and check your device for "
    "harmful software.",
    why="A camera that turns on by itself can be a sign of software that lets someone else "
    "control the device. Checking it early keeps you in control.",
    fires="webcam.light_on_unexpectedly in [yes, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Watch the camera light or the green dot on your screen for a few days.",
            "If it comes on when no app you opened is using the camera, follow the steps below.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Cover the camera until the device has been checked.",
            "Install your device's updates, then run a full scan with its built-in security app.",
            "Remove apps and programs you don't recognise, and don't open attachments or links "
            "from people you don't know.",
            "If you're still worried, ask someone you trust or a repair shop to check it. If "
            "you're under 18, ask a trusted adult to help.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=30,
    sources=(NIDIRECT_SEXTORTION,),
    since=SINCE,
    # An app someone installed to watch the person may be what is using the camera;
    # removing it can be noticed.
    may_alert=True,
)

RECORDED_YOU_SCAM = Rule(
    id="webcam_recorded_you_message_is_a_scam",
    area="webcam",
    purpose="response",
    title='Don\'t reply to or pay "I recorded you" emails',
    summary='Don\'t reply or pay: most "I recorded you" emails are guesses sent to thousands of people.',
    why="These emails are usually sent to thousands of people at once. The senders usually "
    "don't know if you have a camera or what you've done online: they are guessing, to scare "
    "you into paying.",
    fires="webcam.recorded_you_message in [yes, not_sure]",
    steps=(
        steps(
            "general",
            "Don't reply and don't pay.",
            "If they sent a real picture or video of you, or you were on a video call with "
            "them, it's not your fault. Don't delete anything: keep every message, and get help "
            "from the support services at the end of your plan.",
            "If it's only an email with no real picture of you, report it: {ncsc_phishing}. "
            "If you haven't paid, you can then delete it.",
            "If the email shows a password you still use, change that password now and turn on "
            "2-step verification.",
            "If you have already paid, you are the victim of a crime and it is not your fault. "
            "Keep the email, tell your bank, and report it to the police: "
            "{police_non_emergency}.",
            checked=CHECKED,
        ),
        *report_money_lost("2026-12-06"),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(NIDIRECT_SEXTORTION,),
    since=SINCE,
    # "They are guessing" must never reach someone who has told us they are being threatened.
    covered_by=("sextortion_dont_pay", "sextortion_stop_contact_and_block"),
)

RULES = (COVER_CAMERA, REVIEW_PERMISSIONS, VIDEO_CALLS, LIGHT_ON, RECORDED_YOU_SCAM)
