"""Form widgets shared by the content apps' admins."""

from django import forms


class DateInput(forms.DateInput):
    """A date without a time: the browser's own date picker.

    The admin's calendar widget adds a "Today" shortcut and a note on the editor's time
    zone, neither of which means anything for a date of birth or of publication.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        # The value format an <input type="date"> requires, whatever the admin's language.
        super().__init__(attrs=attrs, format="%Y-%m-%d")
