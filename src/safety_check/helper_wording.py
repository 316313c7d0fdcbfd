"""Every question as a helper reads it: a parent, teacher, friend or family member filling the
check in for someone else ("How old are they?").

The questions themselves are declared in `profile.py` and the rule modules; this is their
third-person wording, one entry per question, kept together so a reviewer can read the whole
helper journey in one place. A test checks that every question has one and that none speaks
to "you" about the person's own life.

`HELPER_ACTIONS` does the same for the plan: a step only the person can take, as the helper
reads it, where "Help them with this:" before the person's own title would not read right.
"""

from __future__ import annotations

HELPER_TEXT: dict[str, str] = {
    "profile.for_whom": "Who are you filling in this check for?",
    "profile.age_band": "How old are they?",
    "profile.nation": "Where in the UK do they live?",
    "profile.devices": "Which devices do they use?",
    "profile.apps": "Which apps do they use?",
    "profile.contact_method": "How can they get in touch with support services?",
    "situation.threat_to_share": "Is someone threatening to share pictures or videos of them, "
    "or pressuring them for pictures or money?",
    "situation.image_shared": "Has a nude or sexual picture of them (real or fake) been shared "
    "without their say-so?",
    "privacy_settings.last_review": "When did they last check the privacy settings on the apps "
    "they use?",
    "privacy_settings.instagram_account": "Is their Instagram account private?",
    "privacy_settings.instagram_messages": "Can people they don't follow send them message "
    "requests on Instagram?",
    "privacy_settings.snapchat_location": "Who can see their location on Snap Map?",
    "privacy_settings.snapchat_contact_me": "Who can send them Snaps and chats on Snapchat?",
    "privacy_settings.tiktok_account": "Is their TikTok account private?",
    "privacy_settings.tiktok_messages": "Who can send them direct messages on TikTok?",
    "privacy_settings.facebook_future_posts": "Who can see their future Facebook posts?",
    "privacy_settings.x_protected_posts": "Are their posts on X protected, so only followers "
    "they approve can see them?",
    "privacy_settings.whatsapp_groups": "Who can add them to WhatsApp groups?",
    "privacy_settings.whatsapp_profile_photo": "Who can see their WhatsApp profile photo?",
    "privacy_settings.discord_server_dms": "On Discord, can people in their servers send them "
    "direct messages even if they aren't friends?",
    "privacy_settings.youtube_uploads": "When they post videos on YouTube, who can usually see "
    "them?",
    "privacy_settings.telegram_phone_number": "On Telegram, who can see their phone number?",
    "privacy_settings.games_console_contact": "On their games console or in online games, who "
    "can message them or see when they're online?",
    "personal_details.phone_number_visible": "Can people who don't know them see their phone "
    "number on any of their profiles or bios?",
    "personal_details.school_or_home_visible": "Do their public posts or bio show their school "
    "name, their uniform, their street or their house?",
    "personal_details.live_location": "Who can see their live location, for example on Snap "
    "Map, Find My or Google Maps?",
    "personal_details.real_name_username": "Do any of their usernames show their full real "
    "name, like their first name and surname?",
    "personal_details.accept_strangers": "Do they accept friend or follow requests from people "
    "they don't know in real life?",
    "personal_details.photo_location": "Do their photos or posts show where they were taken, "
    "like a location tag or a location saved in the photo?",
    "nearby_sharing.airdrop_setting": "Who can send them things by AirDrop?",
    "nearby_sharing.namedrop_knowledge": "Do they think someone can copy their contact details "
    "just by holding an iPhone near theirs?",
    "nearby_sharing.quick_share_visibility": "On their Android phone, who can send them things "
    "with Quick Share?",
    "nearby_sharing.bluetooth_when_unused": "When they're not using Bluetooth, do they turn it "
    "off?",
    "nearby_sharing.device_name": "Does the name of their phone or computer include their full "
    'name, like "Alex Smith\'s iPhone"?',
    "nearby_sharing.unwanted_sexual_image": "Has anyone sent them a sexual picture or video "
    "they didn't want? It might be by message, on social media, on a dating app, by AirDrop or "
    "on a video call.",
    "webcam.cover_when_unused": "When they're not using their computer's camera, do they cover "
    "it or close the lid?",
    "webcam.permissions_checked": "In the last six months, have they checked which apps are "
    "allowed to use their camera and microphone?",
    "webcam.video_calls_with_strangers": "Do they go on video calls with people they have only "
    "met online?",
    "webcam.light_on_unexpectedly": "Has their camera light come on when they weren't using the "
    "camera?",
    "webcam.recorded_you_message": "Have they had an email or message saying someone recorded "
    "them through their camera and wants money?",
    "account_security.two_step_verification": "Is 2-step verification turned on for their main "
    "accounts, like their email and social media?",
    "account_security.password_reuse": "Do they use the same password for more than one account?",
    "account_security.screen_lock": "Does their phone have a screen lock, like a PIN, a "
    "fingerprint or face unlock?",
    "account_security.find_my_device": "Is Find My (on iPhone) or Find Hub, also called Find My "
    "Device (on Android), turned on for their phone?",
    "account_security.photo_backup_access": "Could anyone else sign in to where their photos "
    "back up, like a shared family account or someone who knows their password?",
    "account_security.someone_knows_passwords": "Does anyone else, like a friend or a partner, "
    "know their passwords or their phone code?",
    "account_security.automatic_updates": "Do their phone and computer install software updates "
    "by themselves?",
    "dating_apps.checks_verification": "Before they meet a match or share personal things with "
    "them, do they check that the match's profile is verified in the app?",
    "dating_apps.moves_chat_off_app": "How soon do they move chats with a new match off the "
    "dating app, for example to WhatsApp, Snapchat or texts?",
    "dating_apps.video_call_before_meeting": "Before they meet a match in person, do they have "
    "a video call with them first?",
    "dating_apps.first_meeting_safety": "When they first meet a match, do they meet in a public "
    "place and tell a friend where they'll be?",
    "dating_apps.sends_nudes_to_matches": "Do they send nude or sexual pictures to people "
    "they've matched with on dating apps?",
    "dating_apps.profile_shows_where_to_find_you": "Could their dating profile help a stranger "
    "find them, for example by naming their workplace or showing their street or places they "
    "often go?",
    "dating_apps.asked_for_money": "Has someone they met on a dating app ever asked them for "
    "money, gift cards or crypto, or told them where to invest?",
    "intimate_images.disappearing_messages": "Do they think disappearing messages keep pictures "
    "safe from being saved?",
    "intimate_images.asked_for_nude": "Has anyone ever asked them to send a nude or sexual "
    "picture?",
    "intimate_images.taken_without_consent": "Has anyone taken or recorded a sexual picture or "
    "video of them, or a picture up their skirt or down their top, without their say-so?",
    "intimate_images.sent_nude_of_someone_else": "Has anyone ever sent or shown them a nude or "
    "sexual picture of someone else?",
    "intimate_images.knows_the_law": "Do they know it is a crime to share someone's nude or "
    "sexual picture without them agreeing, or to threaten to?",
    "intimate_images.consent_before_sharing": "Before a nude or sexual picture of anyone is "
    "shared, do they make sure everyone in it has said yes?",
    "sextortion.paid_money": "Have they paid money, or sent gift cards or anything else of value?",
    "sextortion.who_is_threatening": "Who is doing this to them?",
    "sextortion.outing_threat": "Is the person threatening to tell others about their sexuality "
    "or gender identity?",
    "sextortion.checks_new_contacts": "When someone new contacts them online, do they check the "
    "person is who they say they are?",
    "sextortion.fast_pressure_seen": "Has someone they only know online quickly got flirty, "
    "asked them to move to another app, or asked for pictures?",
    "sextortion.knows_what_to_do": "If someone threatened to share a picture of them unless "
    "they paid or sent more, would they know what to do?",
    "deepfakes.public_face_photos": "How many photos of their face can anyone online see, even "
    "people who don't follow them?",
    "deepfakes.checked_where_photos_appear": "Have they ever checked where their photos appear "
    "online, for example with a reverse image search?",
    "deepfakes.fake_image_of_you": "Do they know of, or are they worried about, a fake nude or "
    "sexual picture of them?",
    "deepfakes.nudify_seen": "Have they seen 'undress' or 'nudify' apps, or fake nudes of "
    "people they know being shared?",
    "getting_help.who_did_it": "Who did this to them?",
    "getting_help.someone_checks_phone": "Does someone check their phone or accounts in a way "
    "that makes them feel unsafe or controlled?",
    "getting_help.knows_how_to_report": "Do they know how to report a post or an account on the "
    "apps they use?",
    "getting_help.knows_how_to_save_evidence": "Would they know how to save evidence, like "
    "screenshots showing the username, date and web address, if something went wrong?",
    "getting_help.trusted_adult": "Apart from you, is there an adult they trust who they could "
    "talk to if something went wrong online?",
    "getting_help.trusted_person": "Apart from you, is there someone they trust who they could "
    "talk to if something went wrong online?",
    "getting_help.knows_how_to_help_a_friend": "If a friend told them someone shared, or "
    "threatened to share, a nude picture of the friend, would they know how to help?",
}

HELPER_HINTS: dict[str, str] = {
    "profile.for_whom": "You can skip this. If it's for someone else, the questions and the "
    "plan will speak about them, and say what you can do to help.",
    "privacy_settings.last_review": "Privacy settings decide who can see their posts and who "
    "can contact them.",
    "privacy_settings.instagram_account": "On a private account, only followers they approve "
    "can see their posts.",
    "privacy_settings.snapchat_contact_me": "It's in Snapchat's settings, under Contact Me.",
    "nearby_sharing.device_name": "People nearby may see this name when they use AirDrop, "
    "Quick Share or Bluetooth.",
    "nearby_sharing.unwanted_sexual_image": "This includes Quick Share and Bluetooth, and being "
    "shown something sexual on a video call. Only yes or no is needed.",
    "account_security.two_step_verification": "This is when an app asks for a code, or a tap on "
    "the phone, as well as the password.",
    "account_security.photo_backup_access": "Photos are often backed up to iCloud or Google "
    "Photos without anyone noticing.",
    "sextortion.who_is_threatening": "You don't have to say. It helps us show steps that are "
    "safe for them.",
    "getting_help.who_did_it": "You don't have to say. It helps us show steps that are safe for "
    "them.",
}
"""Hints that speak to the person about their own life, as a helper reads them."""

HELPER_LABELS: dict[tuple[str, str], str] = {
    ("privacy_settings.instagram_messages", "no"): "No, they've limited them or turned them off",
    ("privacy_settings.snapchat_location", "some_friends"): "Only some friends they picked",
    ("privacy_settings.snapchat_location", "all_friends"): "All their friends",
    ("privacy_settings.snapchat_contact_me", "my_friends"): "Only their friends",
    ("privacy_settings.x_protected_posts", "dont_post"): "They don't post on X",
    ("privacy_settings.whatsapp_groups", "my_contacts"): "Their contacts, or some of them",
    ("privacy_settings.whatsapp_profile_photo", "my_contacts"): "Their contacts, or some of them",
    ("privacy_settings.whatsapp_profile_photo", "no_photo"): "They don't have a profile photo",
    ("privacy_settings.discord_server_dms", "no"): "No, they've turned that off",
    ("privacy_settings.youtube_uploads", "unlisted_or_private"): "Only people they choose "
    "(Unlisted or Private)",
    ("privacy_settings.youtube_uploads", "dont_upload"): "They don't post videos",
    ("privacy_settings.telegram_phone_number", "my_contacts"): "Their contacts",
    ("privacy_settings.games_console_contact", "friends_only"): "Only their friends, or no one",
    ("privacy_settings.games_console_contact", "anyone"): "Anyone, including people they "
    "don't know",
    ("privacy_settings.games_console_contact", "dont_play_online"): "They don't play online",
    ("personal_details.live_location", "few_trusted"): "Only a few people they trust",
    ("nearby_sharing.quick_share_visibility", "your_devices"): "Their own devices",
    ("nearby_sharing.bluetooth_when_unused", "turn_off"): "Yes, they turn it off",
    ("nearby_sharing.bluetooth_when_unused", "leave_on"): "No, they leave it on",
    ("nearby_sharing.bluetooth_when_unused", "always_in_use"): "They use it all day, for "
    "example for headphones or a watch",
    ("nearby_sharing.device_name", "full_name"): "Yes, their full name",
    ("nearby_sharing.device_name", "first_name"): "Only their first name",
    ("nearby_sharing.device_name", "no_name"): "No, it doesn't show their name",
    ("webcam.cover_when_unused", "no_camera"): "Their computer doesn't have a camera",
    ("account_security.screen_lock", "easy_to_guess"): "Yes, but the code is easy to guess, "
    "like their birthday",
    ("account_security.photo_backup_access", "no"): "No, only them",
    ("account_security.photo_backup_access", "no_backup"): "Their photos aren't backed up online",
    ("account_security.automatic_updates", "no"): "No, they put them off",
    ("dating_apps.moves_chat_off_app", "take_my_time"): "They take their time and wait until "
    "they feel sure about the match",
    ("dating_apps.video_call_before_meeting", "dont_meet"): "They don't meet people from "
    "dating apps",
    ("dating_apps.first_meeting_safety", "dont_meet"): "They don't meet people from dating apps",
    ("dating_apps.sends_nudes_to_matches", "met_and_trust"): "Only to people they've met in "
    "person and trust",
    ("dating_apps.sends_nudes_to_matches", "not_met"): "Yes, including people they haven't met "
    "in person",
    ("dating_apps.profile_shows_where_to_find_you", "no"): "No, they keep it general",
    ("intimate_images.consent_before_sharing", "never_share"): "They don't share pictures like "
    "this",
    **{
        (question, option): label
        for question in ("sextortion.who_is_threatening", "getting_help.who_did_it")
        for option, label in (
            ("only_online", "Someone they only know online"),
            ("partner_or_ex", "Their partner or ex-partner"),
            ("lives_with_me", "Someone they live with, or a family member"),
            ("someone_i_know", "Someone else they know in real life, like a classmate"),
        )
    },
    ("profile.contact_method", "phone"): "They can talk on the phone",
    ("profile.contact_method", "text_or_chat"): "By text, chat or email, not by phone",
    ("profile.contact_method", "bsl"): "In British Sign Language (BSL)",
    ("account_security.password_reuse", "no"): "No, each one is different",
    ("account_security.password_reuse", "most"): "Yes, for most accounts",
    ("dating_apps.first_meeting_safety", "both"): "Yes, both",
    ("dating_apps.sends_nudes_to_matches", "no"): "No",
    ("intimate_images.disappearing_messages", "yes"): "Yes",
    ("intimate_images.disappearing_messages", "no"): "No",
    ("intimate_images.consent_before_sharing", "always"): "Yes, always",
    ("sextortion.knows_what_to_do", "yes"): "Yes",
    ("sextortion.knows_what_to_do", "no"): "No",
    ("deepfakes.fake_image_of_you", "no"): "No",
    ("getting_help.knows_how_to_report", "yes"): "Yes",
    ("getting_help.knows_how_to_report", "no"): "No",
    ("getting_help.knows_how_to_save_evidence", "yes"): "Yes",
    ("getting_help.knows_how_to_save_evidence", "no"): "No",
    ("getting_help.knows_how_to_help_a_friend", "yes"): "Yes",
    ("getting_help.knows_how_to_help_a_friend", "no"): "No",
}
"""Option labels that say "I" or "my" in the person's own words, as a helper reads them; and
yes/no answers that read the same in English but not in Welsh, which answers with the question's
own verb and person ("Ydw", I do, for the person; "Ydyn", they do, for a helper)."""


HELPER_ACTIONS: dict[str, tuple[str, str]] = {
    "sextortion_know_it_is_an_organised_scam": (
        "Help them know that this is a common crime and they are not alone",
        "People who do this try to scare them into acting fast; it's a common crime and never "
        "their fault.",
    ),
    "deepfakes_fake_image_help_under_18": (
        "Help them get a fake nude picture of them removed",
        "A trusted adult, Childline and Report Remove can help get a fake nude of them taken down.",
    ),
    "account_security_lock_your_phone": (
        "Help them lock their phone with a code that's hard to guess",
        "A code that's hard to guess on their phone means nobody else can open their photos.",
    ),
    "account_security_secure_your_photo_backup": (
        "Help them make sure only they can get into their photo backup",
        "Only they should be able to sign in to where their photos back up, so nobody else can see them.",
    ),
    "account_security_turn_on_automatic_updates": (
        "Help them let their phone and computer install updates by themselves",
        "With automatic updates on, their phone and computer get safety fixes without anyone having to remember.",
    ),
    "account_security_turn_on_find_my": (
        "Help them turn on Find My or Find Hub, so a lost phone can be locked",
        "With Find My or Find Hub on, they can lock or erase their phone if it's lost.",
    ),
    "account_security_turn_on_two_step_verification": (
        "Help them turn on 2-step verification for their email and social media",
        "With 2-step verification on their email and social media, a stolen password alone can't open them.",
    ),
    "dating_apps_check_matches_are_verified": (
        "Help them check that a match is verified before they meet or share personal things",
        "The verified badge helps them spot fake profiles before they meet or share personal things.",
    ),
    "dating_apps_hold_back_nudes_until_you_have_met": (
        "Help them hold back on sending nudes to matches they haven't met",
        "They never owe a match a picture: fake profiles sometimes ask for one, then demand money.",
    ),
    "dating_apps_keep_profile_details_general": (
        "Help them keep details that could help someone find them off their dating profile",
        "Leaving their workplace, street and usual places off their profile means only people they choose can find them.",
    ),
    "dating_apps_meet_in_public_tell_a_friend": (
        "Help them meet matches in a public place and tell a friend where they'll be",
        "Meeting somewhere busy, getting there and back on their own, and telling a friend where they'll be keeps them safer.",
    ),
    "dating_apps_take_time_before_moving_off_app": (
        "Help them keep chats on the dating app until they feel sure about a match",
        "Chatting in the dating app for now means it can filter harmful messages and act when they report something.",
    ),
    "dating_apps_under_18_know_the_risks_get_help": (
        "Help them know why dating apps are risky for under-18s, and where to get help",
        "Dating apps are for adults: if anyone asks for pictures or to meet, they can tell an adult they trust.",
    ),
    "dating_apps_video_call_before_meeting": (
        "Help them have a video call with a match before they meet",
        "A short video call before they meet shows the person is real and looks like their photos.",
    ),
    "deepfakes_check_where_your_photos_appear": (
        "Help them check where their photos appear online with a reverse image search",
        "A reverse image search shows where their photos appear, so fake profiles can be spotted and reported early.",
    ),
    "deepfakes_limit_public_photos": (
        "Help them limit who can see photos of their face",
        "Private accounts mean fewer strangers can copy or misuse photos of their face.",
    ),
    "getting_help_find_a_trusted_adult": (
        "Help them think now about which adult they would go to",
        "Choosing now which adult they would go to makes it easier to ask for help if they need it.",
    ),
    "getting_help_find_someone_to_talk_to": (
        "Help them know who they would turn to if something went wrong",
        "Thinking now about who they would turn to makes getting support easier if they ever need it.",
    ),
    "getting_help_learn_to_report": (
        "Help them find the report button in the apps they use",
        "Finding the report button in their apps now means they can act fast if something goes wrong.",
    ),
    "getting_help_learn_to_save_evidence": (
        "Help them learn how to take screenshots that count as evidence",
        "Screenshots that show who, where and when mean they can keep evidence if needed.",
    ),
    "nearby_sharing_airdrop_contacts_only": (
        "Help them set AirDrop to Contacts Only, or turn receiving off",
        "With AirDrop on Contacts Only or Receiving Off, strangers nearby can't send them pictures.",
    ),
    "nearby_sharing_bluetooth_off_when_unused": (
        "Help them turn Bluetooth off when they're not using it",
        "With Bluetooth off when they don't need it, devices nearby can't send them requests.",
    ),
    "nearby_sharing_device_name_without_full_name": (
        "Help them give their devices a name that doesn't show their full name",
        "A phone or computer name without their full name means strangers nearby can't see who they are.",
    ),
    "nearby_sharing_quick_share_limit_visibility": (
        "Help them set Quick Share to Your devices or Contacts",
        "With Quick Share on Your devices or Contacts, strangers nearby can't send them files or pictures.",
    ),
    "personal_details_hide_phone_number": (
        "Help them take their phone number off their public profiles",
        "Without their phone number on public profiles, strangers can't message them on other apps.",
    ),
    "personal_details_hide_school_and_home": (
        "Help them keep their school, uniform and home out of public posts",
        "Keeping their school, uniform and home out of public posts stops strangers working out where to find them.",
    ),
    "personal_details_limit_live_location": (
        "Help them share their live location with only a few people they trust",
        "Sharing their live location with only a few people they trust means others can't see where they are.",
    ),
    "personal_details_only_accept_people_you_know": (
        "Help them only accept friend requests from people they know in real life",
        "Fake profiles are easy to make, so it's safest to accept only people they've met in real life.",
    ),
    "personal_details_remove_location_from_photos": (
        "Help them keep location tags and saved locations out of their photos",
        "Without location tags and saved locations in their photos, their posts don't show where they live.",
    ),
    "personal_details_use_a_nickname_username": (
        "Help them use a username that doesn't show their full name",
        "A nickname instead of their full name means strangers can't easily search for them.",
    ),
    "privacy_settings_instagram_limit_message_requests": (
        "Help them stop strangers sending them message requests on Instagram",
        "With message requests off from people they don't follow on Instagram, strangers can't easily reach them.",
    ),
    "privacy_settings_instagram_private_account": (
        "Help them make their Instagram account private",
        "On a private Instagram account, only followers they approve can see their photos and videos.",
    ),
    "privacy_settings_review_regularly": (
        "Help them check their privacy settings every few months",
        "Apps change their settings, so it helps to check every few months who can see and contact them.",
    ),
    "privacy_settings_snapchat_contact_friends_only": (
        "Help them let only their friends contact them on Snapchat",
        "With Contact Me on Snapchat set to My Friends, strangers can't send them Snaps or chats.",
    ),
    "privacy_settings_snapchat_ghost_mode": (
        "Help them turn on Ghost Mode on Snap Map, or share only with a few people they trust",
        "With Ghost Mode on, or only a few trusted friends picked, Snap Map doesn't show everyone where they are.",
    ),
    "privacy_settings_tiktok_limit_messages": (
        "Help them limit who can send them direct messages on TikTok",
        "With TikTok direct messages set to Friends or No one, strangers can't start chats with them.",
    ),
    "privacy_settings_tiktok_private_account": (
        "Help them make their TikTok account private",
        "On a private TikTok account, only people they approve can watch their videos.",
    ),
    "privacy_settings_whatsapp_groups_contacts": (
        "Help them choose who can add them to WhatsApp groups",
        "If only their contacts can add them to WhatsApp groups, strangers can't pull them into their chats.",
    ),
    "privacy_settings_whatsapp_profile_photo_contacts": (
        "Help them show their WhatsApp profile photo to their contacts only",
        "If only their contacts see their WhatsApp profile photo, strangers can't save it and misuse it.",
    ),
    "sextortion_check_new_contacts": (
        "Help them check that new contacts are who they say they are",
        "Checking that new contacts are real helps them spot fake profiles, which are often used for sextortion.",
    ),
    "webcam_cover_when_unused": (
        "Help them cover their computer's camera when they're not using it",
        "Covering the camera or closing the lid when they're not using it means it only sees what they choose.",
    ),
    "webcam_review_camera_permissions": (
        "Help them check which apps can use their camera and microphone",
        "Checking which apps can use their camera and microphone lets them turn off any that don't need them.",
    ),
    "webcam_video_calls_with_strangers": (
        "Help them take care on video calls with people they've only met online",
        "On video calls with people they've only met online, they can end the call if anything turns sexual.",
    ),
    "dating_apps_romance_scam_stop_and_report": (
        "Help them not send money to a match, and report anyone who asks for it",
        "If a match asks for money, they shouldn't pay; they can report them, and call their bank if they did.",
    ),
    "nearby_sharing_namedrop_know_the_facts": (
        "Help them know the facts about NameDrop on iPhone",
        "NameDrop only swaps contact details when both people unlock their iPhones and choose to, so nobody can take theirs.",
    ),
    "privacy_settings_discord_limit_server_dms": (
        "Help them stop people in their Discord servers messaging them unless they're friends",
        "With direct messages from server members off on Discord, only friends can message them privately.",
    ),
    "privacy_settings_facebook_future_posts_friends": (
        "Help them share their Facebook posts with friends only",
        "With their Facebook posts set to Friends, people they don't know can't see their photos and news.",
    ),
    "privacy_settings_games_console_block_and_report": (
        "Help them know how to block and report someone in their games",
        "Finding the block and report buttons in their games now means they can stop someone quickly if needed.",
    ),
    "privacy_settings_games_console_limit_contact": (
        "Help them let only friends message them and see when they're online in games",
        "If only friends can message them or see them online in their console and games, strangers can't reach them.",
    ),
    "privacy_settings_telegram_hide_phone_number": (
        "Help them hide their phone number on Telegram",
        "With their Telegram number shown to Nobody or My Contacts, strangers can't use it to find them.",
    ),
    "privacy_settings_x_protect_posts": (
        "Help them protect their posts on X if they don't need them to be public",
        "With their posts on X protected, only followers they approve can see them.",
    ),
    "privacy_settings_youtube_uploads_unlisted": (
        "Help them keep personal YouTube videos Unlisted or Private",
        "Personal YouTube videos posted as Unlisted or Private can only be watched by people they choose.",
    ),
    "sextortion_know_the_steps": (
        "Help them learn the five steps to take if anyone ever threatens them",
        "If anyone threatens them: don't pay, stop replying, keep evidence, report it and tell someone they trust.",
    ),
    "webcam_camera_light_unexpected": (
        "Help them check their device for harmful software if the camera light came on by itself",
        "If their camera light came on by itself, they can cover the camera and check their device for harmful software.",
    ),
    "webcam_recorded_you_message_is_a_scam": (
        'Help them not reply to or pay "I recorded you" emails',
        'Most "I recorded you" emails are guesses sent to thousands of people: they don\'t need to reply or pay.',
    ),
}
"""A step only the person can take (`done_by: "them"`), as a helper reads it: its title and
summary by rule id, about the person and never to them. A step not listed is shown as "Help
them with this:" and its own title. The JSON API keeps the rule's own words and `done_by`."""
