"""Item pipelines: thin steps that normalise, de-duplicate and store. They hold no selectors."""
