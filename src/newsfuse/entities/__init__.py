"""Who's who: name mentions, aliases merged across outlets, entity types."""
