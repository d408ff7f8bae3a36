# The two set-up commands of the README: `make run` (set up and open the app) and `make test`
# (set up and run every test). Both are idempotent: each step is skipped when already done.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Debian/Ubuntu packages: TTS voice, PortAudio, PulseAudio virtual mic (tests), Qt runtime libraries,
# Xvfb for windows without a screen, openbox + xdotool for the journey tests on a real X display, poppler
# for PDF checks, Java for the Firestore emulator.
APT_PACKAGES := espeak-ng libespeak-ng1 libportaudio2 pulseaudio pulseaudio-utils libasound2-plugins sox \
	libglib2.0-0 libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 libx11-6 \
	fonts-dejavu-core libpulse0 libxrandr2 xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 \
	libxcb-xkb1 libx11-xcb1 poppler-utils imagemagick \
	desktop-file-utils appstream openbox xdotool

.PHONY: run test setup system-deps venv test-deps lint bench package clean

run: setup
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		echo "No display found: opening MockMate on a virtual screen (xvfb-run)."; \
		xvfb-run -a -s "-screen 0 1280x800x24" $(PY) -m mockmate_desktop; \
	else $(PY) -m mockmate_desktop; fi

test: setup test-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

setup: system-deps venv

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done; \
		command -v java >/dev/null || echo default-jre-headless; command -v npm >/dev/null || echo "nodejs npm"); \
	if [ -z "$$missing" ]; then echo "System packages: all present."; \
	elif ! command -v apt-get >/dev/null; then echo "Not a Debian/Ubuntu system; install the equivalents of: $$missing (see README)"; \
	else SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "Installing system packages: $$missing"; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; fi

venv: $(STAMP)

$(STAMP): pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# Test-only tools that are not Python packages (the Firebase Auth emulator, a Firestore fallback).
test-deps:
	@bash tests/emulators/install.sh

lint: venv
	$(VENV)/bin/ruff check mockmate_desktop tests
	$(VENV)/bin/mypy mockmate_desktop

# The desktop bundle (PyInstaller, one folder) and the .deb; both are reused while their inputs are unchanged
# (packaging/build.py hashes them). See packaging/README.md.
package: setup
	$(PY) packaging/build.py

bench: setup
	$(PY) -m mockmate_desktop bench speech
	$(PY) -m mockmate_desktop bench reports

clean:
	rm -rf $(VENV) build dist *.egg-info
