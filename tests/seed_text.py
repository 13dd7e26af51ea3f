"""Words of the seed content as a reader finds them on the pages, in each language.

Written here once, by hand (not read from the fixture), so a test that uses them
checks the fixture and the pages against what the article says. French words are written
as French pages show them, with the typographic apostrophe (’).
"""

DIRECTION = {"fr": "ltr", "ar": "rtl", "en": "ltr"}
NAME = {"fr": "Kamal Hachkar", "ar": "كمال هشكار", "en": "Kamal Hachkar"}
TITLE_2013 = {
    "fr": "Tinghir-Jérusalem : Les Échos du mellah",
    "ar": "تنغير - جيروزاليم: أصداء الملاح",
    "en": "Tinghir-Jerusalem: The Echoes of the Mellah",
}
TITLE_2019 = {"fr": "Dans tes yeux, je vois mon pays", "ar": "في عينيك أرى بلدي", "en": "In Your Eyes, I See My Country"}
DIRECTOR = {"fr": "réalisateur", "ar": "مخرج", "en": "director"}
WRITER = {"fr": "scénariste", "ar": "كاتب السيناريو", "en": "writer"}
# A film's credits: one line for a person with several roles.
CREDITS = {
    "fr": "Réalisation et scénario : Kamal Hachkar",
    "ar": "إخراج وسيناريو: كمال هشكار",
    "en": "Director and writer: Kamal Hachkar",
}
DOCUMENTARY = {"fr": "documentaire", "ar": "وثائقي", "en": "documentary"}
