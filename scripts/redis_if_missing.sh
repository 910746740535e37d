#!/usr/bin/env bash
# For `make prod`: start Redis on 127.0.0.1:6379 unless one already answers there. Stays in the foreground
# either way, because honcho stops every process when one of them ends.
set -euo pipefail
if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Redis draait al op 127.0.0.1:6379; die wordt gebruikt."
  exec sleep infinity
fi
exec redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no
