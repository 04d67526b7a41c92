"""Story detection: a pile of articles split into the stories it holds."""

from .detect import Story, StoryPartition, detect_stories, document_vectors, pick_story, story_id, whole_pile
from .options import StoryOptions

__all__ = ["Story", "StoryOptions", "StoryPartition", "detect_stories", "document_vectors", "pick_story", "story_id", "whole_pile"]
