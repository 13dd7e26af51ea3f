# "25 فبراير 1977": day, month name, year, as Moroccan Arabic writes it.
DATE_FORMAT = "j F Y"

# The admin's dates and times, in the same order and with Western digits (as Moroccan Arabic
# writes them, and as every number on the site is written): "27 نوفمبر 2026، 17:39", not
# Django's "نوفمبر 27، 2026، 5:39 م".
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
