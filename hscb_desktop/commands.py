"""The headless command words, in a module light enough for the launcher to read at
start-up without loading the engine (cli.py imports the whole storage layer)."""

COMMANDS = ("init", "user", "verify-audit", "backup", "restore", "self-test", "export", "demo", "import", "extract",
            "migrate", "migrate-to-server")
