#!/usr/bin/env bash
# Real OpenSearch nodes on loopback for trying the scale-out index and for its tests (issue 17).
#   scripts/opensearch.sh start [NODES] [DIR]   NODES nodes (default 2) under DIR (default target/opensearch)
#   scripts/opensearch.sh stop [DIR]
# The server is OpenSearch's own distribution from Maven Central (integ-test-zip, 78 MB, cached in ~/.m2),
# with the analysis-common module added (cjk_width, cjk_bigram), which that distribution leaves out.
# OpenSearch refuses to run as root: as root, the nodes run as the system user "tongjie-os".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=3.3.0
RUN_AS=tongjie-os
say() { printf 'opensearch: %s\n' "$*" >&2; }

java_home() {
  for home in ${OPENSEARCH_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && "$home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { echo "$home"; return; }
  done
  say "no Java 21 or newer under /usr/lib/jvm for OpenSearch"; exit 1
}

# The distribution, unpacked once into DIR/opensearch-VERSION, with analysis-common as a module.
install() {
  local dir="$1" home="$1/opensearch-$VERSION"
  [ -x "$home/bin/opensearch" ] && [ -d "$home/modules/analysis-common" ] && return 0
  mkdir -p "$dir/download"
  say "fetching OpenSearch $VERSION and its analysis-common module from Maven Central"
  (cd "$ROOT" && mvn -B -q dependency:copy -DoutputDirectory="$dir/download" \
    -Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip)
  (cd "$ROOT" && mvn -B -q dependency:copy -DoutputDirectory="$dir/download" \
    -Dartifact=org.opensearch.plugin:analysis-common:$VERSION)
  rm -rf "$home"
  (cd "$dir" && unzip -q "download/opensearch-$VERSION.zip")
  mkdir -p "$home/modules/analysis-common"
  cp "$dir/download/analysis-common-$VERSION.jar" "$home/modules/analysis-common/"
  cat > "$home/modules/analysis-common/plugin-descriptor.properties" <<PROPS
description=Adds analysis components from Lucene's analysis-common (cjk_width, cjk_bigram)
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
java.version=21
opensearch.version=$VERSION
PROPS
}

node_config() {
  local i="$1" nodes="$2" node="$3" seeds="" managers=""
  for n in $(seq 1 "$nodes"); do
    seeds="$seeds${seeds:+,}\"127.0.0.1:$((9299 + n))\""
    managers="$managers${managers:+,}\"os-$n\""
  done
  cat <<YML
cluster.name: tongjie-dev
node.name: os-$i
path.data: $node/data
path.logs: $node/logs
network.host: 127.0.0.1
http.port: $((9199 + i))
transport.port: $((9299 + i))
discovery.seed_hosts: [$seeds]
cluster.initial_cluster_manager_nodes: [$managers]
YML
}

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
}

as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

start() {
  local nodes="${1:-2}" dir; dir="$(realpath -m "${2:-$ROOT/target/opensearch}")"
  install "$dir"
  ensure_user
  local java; java="$(java_home)"
  for i in $(seq 1 "$nodes"); do
    local node="$dir/os-$i"
    mkdir -p "$node"
    [ -d "$node/config" ] || cp -r "$dir/opensearch-$VERSION/config" "$node/config"
    node_config "$i" "$nodes" "$node" > "$node/config/opensearch.yml"
    printf -- '-Xms512m\n-Xmx512m\n' > "$node/config/jvm.options.d/heap.options"
    # The stock options write the GC log and heap dumps relative to the distribution: one place per node.
    sed -i "s|logs/|$node/logs/|g; s|HeapDumpPath=data|HeapDumpPath=$node/data|" "$node/config/jvm.options"
    mkdir -p "$node/logs" "$node/data"
    if [ "$(id -u)" -eq 0 ]; then chown -R "$RUN_AS" "$node" "$dir/opensearch-$VERSION"; fi
    (cd "$node" && as_user env OPENSEARCH_JAVA_HOME="$java" OPENSEARCH_PATH_CONF="$node/config" \
      "$dir/opensearch-$VERSION/bin/opensearch" -d -p "$node/pid" >"$node/start.log" 2>&1) \
      || { say "node os-$i did not start: see $node/start.log and $node/logs"; exit 1; }
  done
  say "waiting for $nodes nodes on http://127.0.0.1:9200"
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:9200/_cluster/health?wait_for_nodes=$nodes&timeout=1s" 2>/dev/null | grep -q '"status":"green"'; then
      for i in $(seq 1 "$nodes"); do echo "http://127.0.0.1:$((9199 + i))"; done
      return 0
    fi
    sleep 1
  done
  say "the cluster did not turn green within 3 minutes: see $dir/os-*/logs"; exit 1
}

stop() {
  local dir; dir="$(realpath -m "${1:-$ROOT/target/opensearch}")"
  for pid in "$dir"/os-*/pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
