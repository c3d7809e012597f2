"""Answer questions from the index that `ingest` builds, with citations."""
