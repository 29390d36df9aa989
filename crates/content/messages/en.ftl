## Labels of the error printer.
error = error
warning = warning
hint = hint

## Why a command produced nothing (banmian::failure).
ink-over = { $found }: over the house limit (`ink-limit` in layout/style.typ); darken less, or check the colours of layout/style.typ
strict-refused = build refused: --strict treats warnings as errors, and the page has { $n ->
        [one] { $n } warning
       *[other] { $n } warnings
    }:
cannot-write = cannot write { $path }: { $error }
no-project = no layout/templates/ folder above { $page }; run banmian in a project folder or pass --root
no-page = { $page }: no such page file
combined-not-written = the combined PDF { $output } was not written: page { $pages } failed
fix-errors-or-draft = fix the errors above, or build with --draft for a marked proof
fix-warnings-or-not-strict = fix the warnings above, or build without --strict
internal-error = internal error in banmian, please report it with the page file: a template failed on this page (the trace below); the page's content is not at fault
kind-content = content errors
kind-layout = layout error
kind-preflight = preflight errors
kind-ink = ink over the limit
kind-strict = warnings under --strict
kind-photo = photo error
kind-refused = refused
kind-other = error

## The content check's most common mistakes (the rest move over as they are touched).
not-a-date = `{ $date }` is not a date
write-dates = write dates as YYYY-MM-DD, e.g. 2021-09-28
not-a-page = page number { $number } is not a page
pages-from-1 = pages are numbered from 1
no-template = no template named `{ $name }`
templates-are = templates in layout/templates/: { $names }
did-you-mean = did you mean `{ $best }`?
allowed-keys = allowed keys here: { $keys }
add-the-field = add the field; see README.md, section "Content format"
section-no-head = section { $number } has no head
section-no-head-hint = give it `head: [first phrase, second phrase]`
section-no-body = section { $number } has no body text
no-body-hint = write its paragraphs under `body: |`, a blank line between paragraphs
no-caption = photo `{ $file }` has no caption
no-caption-hint = every photo needs `caption:`
not-found = not found
image-missing = image `{ $file }` { $problem } (looked for { $path })
image-missing-hint = check the file name; paths are relative to the page's YAML file

## The commands.
nothing-written = banmian: nothing written; the previous output, if any, is unchanged
built = built { $files } ({ $summary }, { $kib } KiB) in { $seconds } s
combined-for-an-issue = --combined is for an issue: { $page } is a page
stdin-needs-output = a page from stdin (-) has no name to name its file after: give -o
make-up = make-up:
issue-progress = {" "} [{ $done }/{ $total }] { $page } { $what } { $seconds } s: { $file }
issue-built-in = built in
issue-checked-in = checked in
issue-failed-after = FAILED after
issue-page-built = { $page }: built { $output } ({ $summary }, { $kib } KiB) in { $seconds } s
issue-page-checked = { $page }: { $summary }
page-number = page { $number }
spread-numbers = pages { $first }–{ $second }
issue-page-failed = { $page }: FAILED ({ $kind }) — { $file }
issue-page-messages = ── page { $number } ({ $file }):
issue-combined = combined { $path } ({ $kib } KiB)
issue-built-pages = built { $done } of { $total } pages in { $seconds } s
issue-checked-pages = checked { $done } of { $total } pages in { $seconds } s
issue-failed-pages = ; { $failed } failed, nothing written for them
issue-output-is-a-file = -o { $dir }: an issue is written to a folder, one file a page; give a folder (and --combined FILE.pdf for one PDF of all pages)
made-page = made { $page } (template { $template }) and { $schema }
made-page-next = edit it, then: banmian serve { $page }  (live proof) or banmian build { $page }
schema-no-project = --template { $name }: no project here (no layout/templates/ above this folder); run in a project or pass --root
schema-no-template = --template { $name }: no such template; the project's templates: { $known }
serve-an-issue = { $page } is an issue: serve takes one page (serve the page you are editing; `banmian build` builds the issue)
watching = watching { $page } → { $output } (a proof; Ctrl-C to stop)
fonts-changed = fonts changed: re-scanned { $faces } faces
rebuilt = rebuilt { $output } in { $seconds } s: { $summary }
rebuild-failed = failed after { $seconds } s; { $output } is unchanged
diff-pages = give OLD.yaml NEW.yaml, or --since ROUND NEW.yaml
diff-wrote = wrote { $files }: { $changed ->
        [one] { $changed } changed line
       *[other] { $changed } changed lines
    } boxed in red, { $moved ->
        [one] { $moved } moved block
       *[other] { $moved } moved blocks
    } outlined in blue
nothing-written-diff = banmian: nothing written
