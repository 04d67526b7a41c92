"""Story detection: a pile of articles split into the stories it holds."""

from .detect import Story, StoryPartition, detect_stories, document_vectors, story_id
from .options import StoryOptions

__all__ = ["Story", "StoryOptions", "StoryPartition", "detect_stories", "document_vectors", "story_id"]
