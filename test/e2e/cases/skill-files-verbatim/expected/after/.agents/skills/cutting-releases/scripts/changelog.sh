#!/bin/sh
# Prints the commits since the last tag.
set -eu
git log --oneline "$(git describe --tags --abbrev=0)..HEAD"
