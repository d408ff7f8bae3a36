"""Entry point of the frozen build (PyInstaller runs this file as a script, so it imports absolutely).

A frozen build has no `python -m`: the app starts helper processes (the PDF reader, the window's Whisper) by running its own
executable again with MOCKMATE_ROLE set (mockmate_desktop/core/helper_process.py); they are routed here,
before the command line is built.
"""

import importlib
import os
import sys

from mockmate_desktop.core.helper_process import ROLE_VARIABLE, ROLES


def main() -> int:
    role = os.environ.pop(ROLE_VARIABLE, "")
    if role in ROLES:
        importlib.import_module(ROLES[role]).main()
        return 0
    from mockmate_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
