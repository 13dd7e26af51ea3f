# "25 February 1977", as the seed article and most English biographies write it.
DATE_FORMAT = "j F Y"
