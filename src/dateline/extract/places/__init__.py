"""Toponyms resolved against the offline gazetteer, and where events happened.

Offers :func:`places` (every resolved toponym of an article), :func:`open_gazetteer`,
:func:`event_location` (where an event happened), :func:`location_of` and
:func:`agency_country`. Modules: ``stage`` (the extractor), ``mentions`` (finding toponyms), ``demonyms``
(nationality words that stand for land),
``resolve`` (choosing a gazetteer entry with the evidence of the article), ``where`` (an event's
location, a news agency's country).
"""

from .stage import Gazetteer, event_location, location_of, open_gazetteer, places
from .where import agency_country

__all__ = ["places", "open_gazetteer", "event_location", "location_of", "agency_country", "Gazetteer"]
