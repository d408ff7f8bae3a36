#!/bin/sh
# /usr/bin/mockmate: the installed bundle lives in /opt/mockmate.
exec /opt/mockmate/MockMate "$@"
