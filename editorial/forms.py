from django import forms
from django.utils.translation import gettext_lazy as _


class ContentForm(forms.ModelForm):
    """Adds two fields to every content form.

    ``concurrency_token`` fingerprints the object and its inlines as they were when the
    form was opened; if they differ when it is saved, someone else saved in between.
    ``confirm_translations`` lets an editor say the other languages are still right after
    a change in one of them (the admin records it once the object is saved).
    """

    concurrency_token = forms.CharField(widget=forms.HiddenInput, required=False)
    confirm_translations = forms.BooleanField(
        label=_("The other languages are up to date"),
        required=False,
        help_text=_(
            "Tick after checking every language: fields marked possibly outdated are then marked up to date."
        ),
    )

    # Set by ContentAdmin.get_form: computes the token of an object.
    concurrency_admin = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.concurrency_admin is not None:
            self.initial["concurrency_token"] = self.concurrency_admin.concurrency_token(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        admin_ = self.concurrency_admin
        if self.instance.pk is None or admin_ is None or "concurrency_token" not in self.fields:
            return cleaned_data
        # Locked until this save commits (the admin saves in a transaction): a second save
        # pressed at the same moment waits here, then sees this one's token and is told.
        current_obj = type(self.instance)._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current_obj is None:
            return cleaned_data
        current = admin_.concurrency_token(current_obj)
        sent = cleaned_data.get("concurrency_token")
        if sent and sent != current:
            # The next save is a deliberate choice to keep this version: accept the new token then.
            self.data = self.data.copy()
            self.data[self.add_prefix("concurrency_token")] = current
            raise forms.ValidationError(admin_.conflict_message(current_obj), code="concurrent_edit")
        return cleaned_data
