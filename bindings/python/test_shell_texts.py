"""The words a shell puts around the view models: `Waymark.shell_texts()`."""

from waymark_core import AlertKind


def test_the_form_labels_follow_the_language(open_profile):
    waymark = open_profile(language="ru")
    ru = waymark.shell_texts()
    assert (ru.contact_name, ru.contact_phone) == ("Имя", "Номер телефона")
    assert "+44 7700 900123" in ru.contact_phone_hint
    assert ru.offer_ad_text.startswith("Текст объявления")
    assert ru.check_in_button == "Отметиться"
    waymark.set_language("en")
    en = waymark.shell_texts()
    assert (en.contact_name, en.contact_kind, en.contact_phone) == ("Name", "Who this is", "Phone number")
    assert en.check_in_button == "Check in"
    assert (en.ad_check_button, ru.ad_check_button) == ("Check the ad", "Проверить объявление")


def test_there_is_one_notification_channel_per_alert_kind_with_a_stable_id(open_profile):
    channels = open_profile().shell_texts().alert_channels
    assert {channel.kind for channel in channels} == set(AlertKind)
    assert len({channel.id for channel in channels}) == len(channels)
    reminder = next(c for c in channels if c.kind == AlertKind.CHECKIN_REMINDER)
    assert reminder.id == "checkin_reminder"
    assert all(channel.name and channel.description for channel in channels)
