"""Models: the embedded offline models, model-spec resolution and the local Inspect provider."""
