#!/usr/bin/env bash
# Writes a 16-page issue into DIR (default target/bench/issue-16; PAGES other than 16 as a
# second argument): the sample issue's pages and the sample page, copied (an issue lists each
# page folder once) until 16 pages stand, pages 2 to 17 as the sample issue numbers them, each
# spread put on an even page as the rules want.
# A copied page states no page number of its own (its place in the issue gives it). Used by
# bench/run.sh; prints the issue file's path.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-target/bench/issue-16}"
PAGES="${2:-16}"
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
FIRST=2
LAST=$((FIRST + PAGES - 1))
page=$FIRST
copy=0
deferred=""
# Lists the copy of `src` as the next page(s).
add() {
  local src="$1" name
  name="$(basename "$src")-$copy"
  cp -r "$src" "$DIR/$name"
  # The folio's own page number, if the page states one, would contradict its place.
  sed -i '/^folio:/,/^[^ ]/{/^  page: /d}' "$DIR/$name/page.yaml"
  printf '  - file: %s/page.yaml\n' "$name" >> "$DIR/issue.yaml"
  [ "$page" = "$FIRST" ] && printf '    page: %s\n' "$FIRST" >> "$DIR/issue.yaml"
  if grep -q '^spread: true' "$src/page.yaml"; then
    printf '    spread: true\n' >> "$DIR/issue.yaml"
    page=$((page + 2))
  else
    page=$((page + 1))
  fi
}
while [ "$page" -le "$LAST" ]; do
  for src in "${SOURCES[@]}"; do
    [ "$page" -gt "$LAST" ] && break
    if grep -q '^spread: true' "$src/page.yaml"; then
      # A spread takes two pages from an even one: held back a page when the next is odd,
      # left out when it would run past the last.
      if [ $((page % 2)) = 1 ]; then deferred="$src"; continue; fi
      [ $((page + 1)) -gt "$LAST" ] && continue
    fi
    add "$src"
    if [ -n "$deferred" ] && [ $((page % 2)) = 0 ] && [ $((page + 1)) -le "$LAST" ]; then
      add "$deferred"
      deferred=""
    fi
  done
  copy=$((copy + 1))
done
echo "$DIR/issue.yaml"
