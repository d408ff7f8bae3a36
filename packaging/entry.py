"""Entry point of the frozen build (PyInstaller runs this file as a script, so it imports absolutely).

A frozen build has no `python -m`: the app starts helper processes (the PDF reader) by running its own
executable again with MOCKMATE_ROLE set, and this file routes them before the CLI is built.
"""

import sys

from mockmate_desktop.frozen import run_role_or_cli

if __name__ == "__main__":
    sys.exit(run_role_or_cli())
