# "25 février 1977".
DATE_FORMAT = "j F Y"
