"""Store errors, in a module light enough to import before the engine is needed."""


class StoreError(Exception):
    """Base for problems opening a store; the message is fit for the user."""
