# "25 فبراير 1977": day, month name, year, as Moroccan Arabic writes it.
DATE_FORMAT = "j F Y"
