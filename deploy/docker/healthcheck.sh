#!/bin/bash
# The container image's HEALTHCHECK (see the Dockerfile). Exit 0: healthy, 1: unhealthy.
#
# Only `serve` is a service: for it, GET /healthz on its health port (--health-port, default 8080; --health-bind,
# default all addresses) must answer 200. Any other command (apply, plan: the batch jobs) is healthy while it runs.
# The command line is read from PID 1, the entrypoint (or docker-init, which carries the entrypoint in its
# arguments); DDB_GITOPS_HEALTHCHECK_PID names another process, for HealthcheckIT, which runs this script.
set -u
pid="${DDB_GITOPS_HEALTHCHECK_PID:-1}"
mapfile -d '' -t args < "/proc/$pid/cmdline" || exit 1
serving=false
port=8080
host=127.0.0.1
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    serve) serving=true ;;
    --health-port) port="${args[i + 1]:-}" ;;
    --health-port=*) port="${args[i]#*=}" ;;
    --health-bind) host="${args[i + 1]:-}" ;;
    --health-bind=*) host="${args[i]#*=}" ;;
  esac
done
"$serving" || exit 0
# a wildcard bind answers on loopback
[[ "$host" == 0.0.0.0 || "$host" == "::" ]] && host=127.0.0.1
exec 3<>"/dev/tcp/$host/$port" || exit 1
printf 'GET /healthz HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" == HTTP/1.?" 200 "* ]]
