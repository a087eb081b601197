#!/bin/sh
set -eu
echo "removing files older than ${RETENTION_DAYS:-7} days from ${TARGET_DIR:-/data}"
find "${TARGET_DIR:-/data}" -type f -mtime +"${RETENTION_DAYS:-7}" -print -delete 2>/dev/null || true
