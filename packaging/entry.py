# PyInstaller entry script for both executables (hscb-desktop and hscb-desktop-cli).
import sys

from hscb_desktop.launcher import main

sys.exit(main())
