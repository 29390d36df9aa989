#!/usr/bin/env bash
# Writes a 16-page issue into DIR (default target/bench/issue-16): the sample issue's pages and
# the sample page, copied (an issue lists each page folder once) until 16 pages stand, with the
# spread among them. Used by bench/run.sh; prints the issue file's path.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-target/bench/issue-16}"
rm -rf "$DIR"
mkdir -p "$DIR"
SOURCES=(content/sample-issue/city-news content/sample-issue/river-town
  content/sample-issue/school-lunch content/sample-issue/night-market
  content/sample-issue/harvest-spread content/pingluo-cppcc)
{
  echo "paper: 示例日报"
  echo "date: 2021-09-28"
  echo "edition: 第 0001 期"
  echo "pages:"
} > "$DIR/issue.yaml"
pages=0
copy=0
while [ "$pages" -lt 16 ]; do
  for src in "${SOURCES[@]}"; do
    [ "$pages" -ge 16 ] && break
    name="$(basename "$src")-$copy"
    cp -r "$src" "$DIR/$name"
    if [ "$(basename "$src")" = harvest-spread ]; then
      [ "$pages" -ge 15 ] && { rm -rf "${DIR:?}/$name"; continue; }
      printf '  - file: %s/page.yaml\n    spread: true\n' "$name" >> "$DIR/issue.yaml"
      pages=$((pages + 2))
    else
      printf '  - file: %s/page.yaml\n' "$name" >> "$DIR/issue.yaml"
      pages=$((pages + 1))
    fi
  done
  copy=$((copy + 1))
done
echo "$DIR/issue.yaml"
