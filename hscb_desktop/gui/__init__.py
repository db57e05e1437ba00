"""Everything that imports PySide6 lives here."""
