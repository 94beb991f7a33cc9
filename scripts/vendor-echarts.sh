#!/usr/bin/env bash
# Re-vendors ECharts into the default theme from the npm package, pinned.
# Usage: scripts/vendor-echarts.sh [VERSION]   (default 5.6.0, the last 5.x,
# which go-echarts v2 targets). Needs npm. Writes
# themes/default/static/vendor/echarts/{echarts.common.min.js,LICENSE,NOTICE,VERSION}.
set -euo pipefail
version=${1:-5.6.0}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "echarts@$version" --silent >/dev/null && tar xzf "echarts-$version.tgz")
dst="$root/themes/default/static/vendor/echarts"
mkdir -p "$dst"
# The "common" build: line, bar, pie, scatter, SVG and canvas renderers,
# title, legend, tooltip, mark lines, aria — all gongshi draws, at 2/3 the size.
cp "$tmp/package/dist/echarts.common.min.js" "$tmp/package/LICENSE" "$tmp/package/NOTICE" "$dst/"
printf 'echarts %s (npm), dist/echarts.common.min.js\nsha256 %s\n' "$version" \
  "$(sha256sum "$dst/echarts.common.min.js" | cut -d' ' -f1)" > "$dst/VERSION"
echo "vendored echarts $version into $dst"
