#!/bin/sh
# The pre-commit hook (`language: script`): runs gwlint from this repository's own checkout in pre-commit's
# cache, installing and building it the first time it is used.
#
# Why not `language: node`: pre-commit installs a node hook with `npm pack` and takes the tarball name from
# npm's standard output, where npm also prints the banner of our `prepare` (build) script — the install then
# fails looking for a file named after the banner. Needs Node.js 20+ on PATH.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/dist/src/cli/main.js" ]; then
  if ! command -v node >/dev/null 2>&1; then
    echo "gwlint: 需要 Node.js 20 或更新版本，但 PATH 中没有 node" >&2
    exit 2
  fi
  echo "gwlint: 首次使用，正在安装并构建 gwlint（只做一次）……" >&2
  # npm install also builds (the prepare script); `ci` first for the locked versions, `install` when the lock
  # cannot be used as is (a registry mirror without some platform packages). A failed build leaves no dist
  # behind, so the next run tries again.
  if ! (cd "$root" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; } 1>&2); then
    rm -rf "$root/dist"
    echo "gwlint: 安装或构建失败（见上方输出）" >&2
    exit 2
  fi
fi
exec node "$root/bin/gwlint.js" "$@"
