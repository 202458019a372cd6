"""Dataset family generators, one module per domain; each registers its families on import."""
