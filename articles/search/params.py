"""Rules on a search's query string that come before the form: each parameter at most once."""

from django.utils.translation import gettext as _


def repeated_parameter(query):
    """(parameter, message) for the first parameter given more than once, else None."""
    for name, values in query.lists():
        if len(values) > 1:
            message = _(
                "Parameter %(name)s diberikan %(n)d kali; berikan sekali saja (satu nilai per parameter)."
            ) % {"name": name, "n": len(values)}
            return name, message
    return None
