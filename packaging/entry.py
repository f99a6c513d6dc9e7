"""Entry point of the PyInstaller build."""

import sys

from desktop_app.app import main

sys.exit(main())
