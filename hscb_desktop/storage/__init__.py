"""Qt-free: see ARCHITECTURE.md."""
