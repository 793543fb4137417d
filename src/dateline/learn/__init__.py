"""Learned decisions on top of the rules: the event coder's rules propose candidate events, a
trained linear model decides which are events the article reports, of which type and status, and
how sure it is.

- :mod:`.features` turns a proposal (trigger, its parse, what the rules made of it) into features;
- :mod:`.linear` holds a trained linear model and scores features with numpy alone;
- :mod:`.decider` applies the shipped models to an article's proposals;
- :mod:`.train` rebuilds the models from the news event corpus (needs the ``train`` extra).
"""

from .decider import EventDecider, load_event_decider

__all__ = ["EventDecider", "load_event_decider"]
