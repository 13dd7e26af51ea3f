"""Words of the seed content as a reader finds them on the pages, in each language.

Written here once, by hand (not read from the fixture), so a test that uses them
checks the fixture and the pages against what the article says.
"""

DIRECTION = {"fr": "ltr", "ar": "rtl", "en": "ltr"}
NAME = {"fr": "Kamal Hachkar", "ar": "كمال هشكار", "en": "Kamal Hachkar"}
TITLE_2013 = {
    "fr": "Tinghir-Jérusalem : Les Échos du mellah",
    "ar": "تنغير - القدس: أصداء الملاح",
    "en": "Tinghir-Jerusalem: The Echoes of the mellah",
}
TITLE_2019 = {"fr": "Dans tes yeux, je vois mon pays", "ar": "في عينيك أرى بلدي", "en": "In Your Eyes, I See My Country"}
DIRECTOR = {"fr": "réalisateur", "ar": "مخرج", "en": "director"}
WRITER = {"fr": "scénariste", "ar": "كاتب السيناريو", "en": "writer"}
DOCUMENTARY = {"fr": "documentaire", "ar": "وثائقي", "en": "documentary"}
