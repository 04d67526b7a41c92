"""Live-blog labels are not part of what a side says."""

from dateline.claims.labels import strip_label


def test_live_blog_label_stripped() -> None:
    # CNN live page (examples/libya doc 13): the splitter leaves "local:" at the sentence start
    said = strip_label("local: A Libyan diplomatic source has denied the Libyan air force was conducting air raids against protesters in Libya.")
    assert said.startswith("A Libyan diplomatic source has denied")


def test_whole_stamps_stripped() -> None:
    assert strip_label("LIBYA, 3:29 p.m. ET, 10:29 p.m. local: Libyan leader Moammar Gadhafi still is in Libya, a Libyan diplomatic source told CNN.").startswith("Libyan leader")
    assert strip_label("(12:36 p.m. Monday ET, 7:36 p.m. in Yemen) At least 121 people were killed").startswith("At least 121")


def test_text_of_its_own_kept() -> None:
    for text in ('"What is happening in Libya differs from the aim of imposing a no-fly zone," Egypt\'s state news agency quoted Amr Moussa as saying.',
                 "Benghazi: rebels said they hold the port.",
                 "The armed forces spokesman said: \"the Libyan armed forces... have issued a command\""):
        assert strip_label(text) == text
