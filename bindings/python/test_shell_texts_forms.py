"""The form labels the iOS shell added to `Waymark.shell_texts()`: the own contact form and the
job ad field, in the person's language and following a language change."""


def test_the_contact_form_and_ad_field_have_labels_in_english(open_profile):
    texts = open_profile(language="en").shell_texts()
    assert (texts.contact_name, texts.contact_kind, texts.contact_phone) == ("Name", "Who this is", "Phone number")
    assert texts.offer_ad_text.startswith("The job ad")


def test_they_follow_the_language(open_profile):
    waymark = open_profile(language="ru")
    assert waymark.shell_texts().contact_phone == "Номер телефона"
    assert waymark.shell_texts().offer_ad_text.startswith("Текст объявления")
    waymark.set_language("en")
    assert waymark.shell_texts().contact_name == "Name"
