"""Publication dates: manifest, metadata, datelines, and inference from the other sources."""
