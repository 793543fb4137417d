"""Readings of the dependency parse shared by the extractors: named sets of dependency labels
(:mod:`.labels`) and small tree helpers (:mod:`.tree`: children by relation, objects of
prepositions, partitives). It depends on no extractor."""

from .tree import children, lost_object, partitive, pobjs, prep_objects

__all__ = ["children", "lost_object", "partitive", "pobjs", "prep_objects"]
