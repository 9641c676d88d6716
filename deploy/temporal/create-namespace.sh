#!/bin/sh
# Registers Zhifa's namespace once the server answers (the server image,
# unlike the old auto-setup image, creates none). Idempotent; an existing
# namespace is left as it is.
set -eu

ns=${NAMESPACE:-default}
# Closed cases are still looked at long after: keep a closed workflow's
# history for a year, as the embedded engine does.
retention=${RETENTION:-8760h}

tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "temporal at $TEMPORAL_ADDRESS did not become healthy" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --namespace "$ns" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
  echo "namespace $ns exists"
  exit 0
fi
temporal operator namespace create --namespace "$ns" --retention "$retention" --address "$TEMPORAL_ADDRESS"
echo "namespace $ns created (retention $retention)"
