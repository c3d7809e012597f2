"""Turn a folder of partnership papers into a searchable index.

The layer below `assistant/`: it owns the shared types, the settings, the
errors, the embedding seam and the stores. Nothing here imports Gradio.
"""
