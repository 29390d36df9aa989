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
no-project = no layout/templates/ folder above { $page }; run banmian in a project folder or pass --root (banmian init DIR starts a project)
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
built-spread = built { $sheet }, the sheet, and its plates { $left } and { $right } ({ $summary }, { $kib } KiB) in { $seconds } s
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
issue-missing-pages = ; { $count ->
        [one] page { $pages } is
       *[other] pages { $pages } are
    } not in this issue (made elsewhere, or a slip in `page:`)
issue-output-is-a-file = -o { $dir }: an issue is written to a folder, one file a page; give a folder (and --combined FILE.pdf for one PDF of all pages)
made-page = made { $page } (template { $template }) and { $schema }
made-page-next = edit it, then: banmian serve { $page }  (live proof) or banmian build { $page }
made-project = made the project { $root }: layout/ ({ $layout } files, the templates of this banmian), content/, fonts/ ({ $fonts ->
        [one] { $fonts } font file
       *[other] { $fonts } font files
    })
made-project-no-fonts = { $fonts } is empty: put the font files the templates name (layout/style.typ) there, or pages will be refused for missing glyphs
made-project-next = next: banmian new SLUG --root { $root }  (a page folder in { $root }/content/)
schema-no-project = --template { $name }: no project here (no layout/templates/ above this folder); run in a project or pass --root
schema-no-template = --template { $name }: no such template; the project's templates: { $known }
serve-an-issue = { $page } is an issue: serve takes one page (serve the page you are editing; `banmian build` builds the issue)
watching = watching { $page } → { $output } (a proof; Ctrl-C to stop)
fonts-changed = fonts changed: re-scanned { $faces } faces
rebuilt = rebuilt { $output } in { $seconds } s: { $summary }
rebuild-failed = failed after { $seconds } s; { $output } { $count ->
        [one] is
       *[other] are
    } unchanged
diff-pages = give OLD.yaml NEW.yaml, or --since ROUND NEW.yaml
diff-wrote = wrote { $files }: { $changed ->
        [one] { $changed } change
       *[other] { $changed } changes
    } boxed in red, { $moved ->
        [one] { $moved } moved block
       *[other] { $moved } moved blocks
    } outlined in blue
nothing-written-diff = banmian: nothing written

## Files that cannot be read (content::files): said after the file's name.
file-loop = is a symlink loop (a link that leads, directly or not, back to itself)
file-denied = cannot be read: permission denied
file-failed = cannot be read ({ $error })
file-folder = is a folder, not a file
file-pipe = is a named pipe (FIFO), not a file
file-socket = is a socket, not a file
file-device = is a device, not a file
file-special = is not a regular file

## Photos (content::images): said after "image `FILE`".
photo-not-jpeg-png = is { $kind ->
        [webp] a WebP image
        [gif] a GIF image
        [tiff] a TIFF image
        [bmp] a BMP image
        [heic] a HEIC image (the iPhone's format)
        [avif] an AVIF image
        [jpeg2000] a JPEG 2000 image
        [photoshop] a Photoshop document
        [pdf] a PDF document
        [svg] an SVG drawing
        [empty] an empty file
       *[other] not an image banmian knows
    }, not a JPEG or PNG photo; convert it to JPEG (e.g. `convert in out.jpg`, or export as JPEG from the photo editor) and point `file:` at the new file
photo-folder = is a folder, not a photo file
photo-truncated = is truncated (it ends before the image does); export it again
photo-damaged-header = is damaged or of a kind banmian cannot read ({ $error })
photo-too-large = is { $width } × { $height } pixels, more than a page can use (at most { $max } per side)
photo-scale-down = { $limit }; scale it down (a full broadsheet page at 300 ppi needs about 24 million pixels) and export it again

## Limits (content::limits)
limit-subject = { $what ->
        [page] the page
        [issue] the issue
        [brief-column] the brief column
        [photo-file] the photo file
        [photo] the photo
        [key] a key
        [page-file] the page file
        [issue-file] the issue file
        [manifest-file] the manifest file
        [page-text] the page's text (aliases expanded)
        [page-expanded] the page (aliases expanded)
       *[other] { $what }
    }
limit-exceeded = { $what }: limit `{ $name }` exceeded: { $value } { $unit ->
        [bytes] bytes
        [levels] levels
        [aliases] aliases
        [nodes] nodes
        [characters] characters
        [sections] sections
        [photos] photos
        [stories] stories
        [pixels] pixels
        [pages] pages
       *[other] { $unit }
    }, at most { $max }
limit-hint = no page needs this much: check what the upstream system sent (see README.md, Limits)
oversize = { $limit }; the limit falls inside what starts here
oversize-hint = a { $what ->
        [issue] issue
        [manifest] manifest
       *[page] page
    }'s YAML is a few dozen KiB: look here for text pasted many times over, or check what the upstream system sent (README.md, Limits)

## YAML syntax (content::yaml::syntax); { $libyaml } is the parser's own words, kept for support
yaml-unclosed-quote = the quoted text that starts here is never closed ({ $libyaml })
yaml-unclosed-quote-hint = close it with the same quote mark it opens with, or write the text as a block (`key: |`, then the text on indented lines)
yaml-unclosed-list = the `[` list that starts here is never closed ({ $libyaml })
yaml-unclosed-list-hint = close it with `]`; a list item with a comma or colon inside must be quoted
yaml-unclosed-map = the `{"{"}` that starts here is never closed ({ $libyaml })
yaml-unclosed-map-hint = close it with `{"}"}`
with-libyaml = { $message } ({ $libyaml })
yaml-block-cut = this line is indented less than the text above it, so it ends the block of text that starts at line { $block } ({ $libyaml })
yaml-block-cut-hint = indent every line of a block of text at least as far as its first line
yaml-stray-indent = this { $what ->
        [item] list item is indented to column { $column }, where no list above it has its list items
       *[key] key is indented to column { $column }, where no mapping above it has its keys
    } (they stand at column { $columns }) ({ $libyaml })
yaml-stray-indent-hint = { $what ->
        [item] line the list item up with the list items it belongs with, using spaces
       *[key] line the key up with the keys it belongs with, using spaces
    }
or = {" "}or{" "}
yaml-tab-hint = YAML indents with spaces, never tabs: replace the tab at the start of this line
yaml-syntax-hint = check indentation and quoting; text containing `: ` or starting with a special character can be written as a block (`key: |` then the text on indented lines)
yaml-syntax = YAML syntax: { $problem ->
       *[other] { $libyaml }
    }

## Reading a page, issue or manifest file (content)
not-a-yaml-file = is a folder, not { $what ->
        [issue] an issue
        [manifest] a template's manifest
       *[page] a page
    } file
not-a-yaml-file-hint = give the { $what ->
        [issue] issue
        [manifest] template's manifest
       *[page] page
    }'s YAML file, e.g. content/<page>/page.yaml
cannot-read-file = cannot read the { $what ->
        [issue] issue
        [manifest] template's manifest
       *[page] page
    }: { $problem }
cannot-read-file-hint = check the path; { $what ->
        [issue] an issue
        [manifest] a template's manifest
       *[page] a page
    } is a UTF-8 YAML file
issue-page-unreadable = page { $page } ({ $entry }, { $file }): { $message }
forbidden-char = { $char } in the text
forbidden-char-hint = delete it (it was probably pasted from another system); it would print as an empty box

## Characters that cannot print (content::hygiene)
character = U+{ $code } ({ $what ->
        [nul] NUL, a control character
        [bel] BEL, a control character
        [backspace] backspace, a control character
        [esc] ESC, a control character
        [control] a control character
        [c1] a C1 control character, often a sign of text decoded with the wrong encoding
        [replacement] the replacement character: this text was damaged by a conversion before it got here
        [noncharacter] not a character
        [soft-hyphen] a soft hyphen
        [zwsp] a zero-width space
        [zwnj] a zero-width non-joiner
        [zwj] a zero-width joiner
        [direction] a direction mark
        [bidi] a bidirectional control
        [word-joiner] a word joiner
        [bom] a byte-order mark inside the text
       *[invisible] an invisible character
    })

## The YAML read event by event (content::yaml::scan)
second-document = a second YAML document starts here; a page file holds one
second-document-hint = remove the `---` line, or split the file into two pages
no-anchor = alias `*{ $name }` refers to no anchor `&{ $name }` above it
no-anchor-hint = define the anchor before its first use, or write the text out
alias-as-key = an alias cannot be a key
alias-as-key-hint = write the key out as plain text
key-not-text = a key must be plain text, not a list or mapping
key-not-text-hint = check the indentation and the `?`, `[` or `{"{"}` before this point
duplicate-key = duplicate key `{ $key }` in { $within ->
        [page] the page
       *[other] `{ $within }`
    }: it is set already at line { $line }
duplicate-key-hint = keep one of the two; YAML would silently drop the other
escaped-control = `{ $path }` contains { $char }, written as an escape in quotes
escaped-control-hint = remove the escape; control characters print as empty boxes
invisible-char = `{ $path }` contains { $char }{ $count ->
        [1] {""}
       *[other] {" "}({ $count } times)
    }
invisible-char-hint = it prints nothing but can upset line breaks and searches; delete it unless it is wanted
long-word = `{ $path }` has a word of { $length } characters with no place to break (`{ $opening }…`): it is broken at any character where its line ends
long-word-hint = add spaces, shorten it (a link: print its short form) or move it to a line of its own

## Encodings (content::encoding)
utf16 = the file is UTF-16, not UTF-8
utf16-hint = save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8), or convert it: `iconv -f UTF-16 -t UTF-8 page.yaml > page-utf8.yaml`
gb18030 = the file is not UTF-8: it looks like GB18030/GBK, the encoding of Chinese Windows editors (first non-UTF-8 bytes: { $bytes })
gb18030-hint = convert it to UTF-8: `iconv -f GB18030 -t UTF-8 page.yaml > page-utf8.yaml`, check it, then put it in place of page.yaml (or Save As… UTF-8 in the editor)
bad-utf8 = invalid UTF-8 starts here (bytes { $bytes }): the file was damaged, or pasted from a document in another encoding
bad-utf8-hint = retype the text at this position, or convert the file to UTF-8

## The content check (content::check)
headline-empty = `headline` is empty
headline-empty-hint = write the page's headline, or leave the field out if its template takes none
spread-disagrees = the page is { $page ->
        [spread] a spread
       *[single] a single page
    }, its issue { $issue } lists it as { $page ->
        [spread] a single page
       *[single] a spread
    } ({ $entry })
spread-disagrees-hint = give the page `spread: true` and its issue entry `spread: true`, or neither
folio-what = { $field ->
        [paper] the paper's name
        [date] the date as YYYY-MM-DD
       *[page] the page number
    }
field-empty = `{ $field }` is empty
folio-empty-hint = give { $field ->
        [paper] paper
       *[date] date
    }, or delete the key and build the page from an issue file that gives it
spread-odd = a spread starts on a left-hand (even) page, not page { $page }
spread-odd-hint = number the spread's first page even (its second is the next, odd), or set it as a single page
spread-not-set = the { $template } template ({ $name }) sets single pages: as a spread it would leave the right-hand page blank
spread-not-set-hint = delete `spread: true` and make the right-hand page a page of its own, or set the spread with a template that makes one (feature)
folio-disagrees = the page says { $field } `{ $own }`, its issue { $issue } says `{ $theirs }` ({ $entry })
folio-disagrees-page-hint = delete `{ $path }` (a page of an issue takes its number from its place), or number its entry in the issue `page: { $own }`
folio-disagrees-hint = delete `{ $path }`: a page of an issue takes the issue's
field-missing = `{ $field }` is missing
folio-missing-hint = give { $what }, or build the page from an issue file that gives it
not-an-id = `{ $id }` is not a story id
not-an-id-hint = use up to 40 lowercase letters, digits and hyphens, e.g. `river-cleanup`
id-taken = story id `{ $id }` is already taken on this page
id-taken-hint = give each section an id of its own, or leave `id` out (then it is section-<number>)
too-many-sections-hint = split the story over two pages
too-many-photos-hint = choose the photos the page needs
section-twice = section number { $number } is used twice
section-out-of-order = section { $number } stands where section { $expected } belongs (the sections are numbered { $order })
section-order-hint = number the sections 1, 2, 3… in the order they appear on the page
field-not-printed-hint = { $best ->
        [none] the { $template } template ({ $name }) takes { $takes }; delete the field or choose another template
       *[other] did you mean `{ $best }`? The { $template } template ({ $name }) takes { $takes }
    }
field-not-printed = the { $template } template does not print `{ $field }`
field-needed = `{ $field }` is missing: the { $template } template needs it
field-needed-hint = add `{ $field }:` to the page
story-count = the page has { $n } stories; the { $template } template takes { $min } to { $max }
story-count-hint = { $more ->
        [yes] add stories, or choose a template for fewer
       *[no] move stories to another page (the last ones by priority go first)
    }
too-many-stories-hint = move stories to another page
priority-shared = `{ $story }` has priority { $priority }, as `{ $first }` above it has: `{ $first }` is ranked first, by its place in the file
priority-shared-hint = give each story a priority of its own (1 for the lead story, 2 for the second…), or leave `priority` out of those whose rank does not matter
story-no-headline = the story's `headline` is empty
story-no-headline-hint = every story needs a headline
story-no-body = the story has no body text
not-a-kind = `{ $kind }` is not a kind of story
not-a-kind-hint = write `story` (the default) or `photo` (图片新闻)
photo-news-no-photo = a photo-news item (`kind: photo`) has no photo
photo-news-no-photo-hint = give it `photos:` with one photo, or make it `kind: story`
not-a-frame = `{ $frame }` is not a frame
frame-hint = { $best ->
        [none] write `box` (加框) or `tint` (底纹)
       *[other] did you mean `{ $best }`? Write `box` (加框) or `tint` (底纹)
    }
pin-zero = a pin's { $field } of 0
columns-from-1 = columns count from 1 (the leftmost)
briefs-empty = the brief column has no items
briefs-empty-hint = give it items, or delete `briefs`
too-many-briefs-hint = move briefs to another page
brief-incomplete = a brief without a head or text
brief-incomplete-hint = give every brief `headline:` and `body:`
crop-too-much = a crop of { $crop } % would cut more than half the photo
crop-hint = allow at most { $max } (percent), or choose another photo
span-zero = a photo 0 columns wide
span-zero-hint = give the columns the photo spans (1 or more), or leave `span` out
image-outside = image `{ $file }`: { $problem }
image-outside-hint = keep images inside the project folder, next to the page
image-bad = image `{ $file }` { $problem }
image-bad-hint = photos are JPEG or PNG files, at most 100 megapixels
not-a-focus = `{ $focus }` is not a focus
focus-hint = write center, top, bottom, left, right, top-left, top-right, bottom-left or bottom-right
latin-page = the page's text is mostly in Latin letters: it is set as English
latin-story = its text is mostly in Latin letters: it is set as English
lang-hint = write a BCP 47 language tag: zh, zh-Hant, en, en-GB, fr…; or leave `lang` out for the house's language
lang-note-hint = add `lang: en` (or the text's language, e.g. `lang: fr`) { $whose ->
        [story] to it
       *[page] to the page
    } to say so, or `lang: zh` for the Chinese style

## Languages, paths and manifests (content::lang, paths, manifest)
lang-no-code = `{ $tag }` is not a language tag: it starts with a language code of 2 or 3 letters
lang-bad-subtag = `{ $tag }` is not a language tag: `{ $subtag }` is no script, region or variant
lang-unsupported = `{ $tag }` is a language banmian has no house style for: it sets Chinese, Japanese and Korean in the Chinese style and languages in Latin script in the Latin one
root-unreadable = project root { $root }: { $error }
outside-root = { $path } lies outside the project root { $root }
path-not-unicode = the path is not valid Unicode
manifest-needed = every template under layout/templates/ has a manifest beside it saying what it takes ({ $name }.yaml; see layout/README.md)
not-a-page-field = `{ $field }` is not a page field
page-fields = page fields: { $fields }
manifest-stories = `stories` does not match the fields
manifest-stories-hint = give `min` no larger than `max`, and list `stories` among the fields

## Issue files (content::issue)
paper-empty = `paper` is empty
paper-empty-hint = give the paper's name
issue-no-pages = the issue lists no pages
issue-no-pages-hint = list its page files under `pages:`, e.g. `- file: front/page.yaml`
issue-too-many-pages-hint = split it into sections of their own issue files
page-after-page = page { $number } comes after page { $before }
page-order-hint = list the pages in order, each number higher than the one before
page-twice = `{ $file }` is listed twice: it is page { $page } already (line { $line })
page-twice-hint = list each page once; for a page printed twice, copy its folder
page-outside-hint = page files live inside the project folder
page-file-problem = page file `{ $file }` { $problem }
page-file-problem-hint = give the page's YAML file relative to the issue file
issue-lists-itself = the issue lists itself (`{ $file }`) as a page
issue-lists-itself-hint = list the pages' own YAML files, e.g. `- file: front/page.yaml`
issue-in-issue = `{ $file }` is an issue file (it lists `pages:`), not a page
issue-in-issue-hint = list the pages' own YAML files; an issue cannot hold another issue

## Jumps across an issue's pages (content::jumps, src/build/jumps)
jump-no-story = the jump names no story
jump-no-story-hint = give the story's `id:` on the page it starts on
jump-from-unlisted = `{ $file }` is not a page of this issue
jump-from-unlisted-hint = name the page the story starts on as `pages:` lists it
jump-to-unlisted = the jump goes to `{ $file }`, which is not a page of this issue
jump-to-unlisted-hint = name the page that takes the continuation as `pages:` lists it, or list it there
jump-to-itself = `{ $story }` jumps to its own page ({ $page })
jump-to-itself-hint = a story continues on a later page: name it under `to:`
jump-backwards = `{ $story }` would continue on page { $to }, before it starts (page { $from }): a circular jump
jump-backwards-hint = a story continues on a later page: swap `from` and `to`, or move the pages
jump-twice = `{ $story }` of page { $page } jumps twice (to page { $to } on line { $line })
jump-twice-hint = a story continues once: remove one of the two jumps
jump-again = `{ $story }` on page { $page } is the continuation of page { $from }'s: a continuation does not jump again
jump-again-hint = let the continuation's page hold the rest, or cut the story
jump-starts-off-news = `{ $story }` starts on page { $page }, a `{ $template }` page: only news pages hold jumps
jump-ends-off-news = `{ $story }` continues on page { $page }, a `{ $template }` page: only news pages hold jumps
jump-off-news-hint = jump between pages of the news template
jump-story-missing = page { $page } has no story `{ $story }`
jump-story-missing-hint = its stories are { $ids }; name one of them
jump-id-taken = page { $page } has a story `{ $story }` of its own, and takes its namesake's continuation
jump-id-taken-hint = give one of the two stories another `id:`
jump-built-alone = the continuation of `{ $story }` from page { $from } ({ $issue }, line { $line }) is left out of this page built on its own
jump-built-alone-hint = build the issue to set it: its text is what page { $from }'s make-up leaves over
jump-fits = `{ $story }` fits on page { $from } now: it does not jump ({ $issue }, line { $line }), and this page sets no continuation
jump-fits-hint = keep the jump for when the story grows, or remove it from `jumps:` and fill its place
jump-unbuilt = page { $to } takes the continuation of `{ $story }`, but page { $from }, where it starts, did not lay it out
jump-unbuilt-hint = fix page { $from } first: its messages say why

## serde's schema errors, said again (content::yaml::schema)
at-path = { $path }: { $message }
list-sep = ,{" "}
serde-missing = missing field `{ $field }`
serde-unknown = unknown field `{ $field }`, { $count ->
        [0] there are no fields
        [1] expected { $expected }
       *[other] expected one of { $expected }
    }
serde-invalid = invalid { $which ->
        [value] value
       *[type] type
    }: { $got }, expected { $want }
serde-got = { $kind ->
        [string] string { $value }
        [integer] integer { $value }
        [float] floating point { $value }
        [boolean] boolean { $value }
        [character] character { $value }
       *[other] { $raw }
    }
serde-want = { $kind ->
       *[other] { $raw }
    }
value-kind-hint = check the value's kind: text, a number, or a list (`- item` lines)
content-format-hint = check indentation and quoting; see README.md, section "Content format"
stray-field = { $message }: a `{ $field }` stands here, but its indentation puts it outside { $within }
stray-within = { $path ->
        [none] the page
       *[other] `{ $path }`
    }
stray-indent-hint = indent it to column { $column }, like the other keys of `{ $path }`
stray-line-up-hint = line it up with the keys it belongs with

## Preflight (src/preflight): the report
preflight-clean = preflight clean
preflight-counts = preflight: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
photos-heading = photos (pixels embedded; the whole picture as drawn, of which a crop shows part: the make-up says what shows; resolution):
resampled-from = {" "}(resampled from { $width } × { $height })
report-spread = { $page }: the spread of pages { $left } and { $right } on one sheet{ $overflow ->
        [0] {""}
        [one] {" "}and { $overflow } page of overflow
       *[other] {" "}and { $overflow } pages of overflow
    }, { $summary }
report-pages = { $page }: { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $summary }

## Preflight: overset, underset, holes
lines = { $n ->
        [one] { $n } line
       *[other] { $n } lines
    }
clause = { $first }; { $second }
overset = { $story } is overset: { $chars ->
        [0] { $lines } (no running text) did not fit on the page
       *[other] { $lines } ({ $chars } characters) did not fit on the page
    }
overset-in-all = the page runs over by { $lines } ({ $chars } characters) in all
overset-follows = it follows { $story }, whose cut brings it back
overset-cut-before = cut { $lines } (about { $chars } characters) from { $story } and the text before it: { $story } sets only { $has } ({ $has_chars } characters)
overset-cut = cut { $lines } ({ $about ->
        [yes] about {""}
       *[no] {""}
    }{ $chars } characters) from { $story }
overset-at-least = {" "}(that surely fits; as { $lines } stand empty at column feet, a cut of { $at_least } ({ $fewest } characters) may do, and no smaller one will)
overset-drop-photo = , or drop photo { $file } ({ $path }, line { $line }: { $lines })
overset-cut-more = {" "}and cut { $lines } more
underset-whole = column { $column } of { $count } is empty: { $lines }
underset-foot = column { $column } of { $count }: { $lines } empty at its foot{ $after ->
        [none] {""}
       *[other] {" "}after { $after }
    }
underset-total = { $what }; { $total ->
        [0] {""}
       *[other] { $total } of the body's { $count } × { $lines } stand empty;{" "}
    }about { $chars } characters more text{ $taller ->
        [yes] , or a photo there { $height } mm taller
       *[no] {""}
    }{ $photo ->
        [yes] , or a new photo { $width } × { $height } mm with its caption
       *[no] {""}
    }{ $alone ->
        [yes] {" "}
       *[no] {", "}
    }would fill this column
hole-bare = column { $column } of { $count }: { $lines } over its start stand bare beside the lead, a block { $width } mm wide with nothing printed in it: a lead photo on the columns' edges, or the lead's text beside it, would close it
hole = column { $column } of { $count }: { $lines } stand empty inside the column{ $under ->
        [none] {""}
       *[other] {" "}under { $under }
    }, which no make-up tried could fill: a taller or wider photo, or more text, there would close them

## Preflight: the other findings
photo-above-head = { $story }'s photo opens column { $column } higher than its head stands in column { $head }: it reads with the text beside it, not its own. No make-up tried set it under its head; a few lines more or fewer before the head, or a shorter photo, may
low-head = { $story }'s head stands low in column { $column }, { $lines } of its text under it before it goes on in column { $next }: a head keeps { $keep } lines under it, or it reads apart from its story. No make-up tried kept it higher; a few lines more or fewer before it may lift it
heads-side-by-side = { $left }'s head and { $right }'s stand side by side in columns { $column } and { $next }, { $shared ->
        [0] edge to edge
       *[other] { $lines } on the same grid lines
    } (撞题): a reader's eye runs from one into the other. No make-up tried kept them apart; { $mover ->
        [none] both open their columns, so a few lines of text more or fewer before them do not move them: a section's text or photo a good deal shorter or longer may
       *[other] adding or cutting about { $move_by } of text before { $mover } would move its head clear
    }
news-heads-side-by-side = { $left }'s headline and { $right }'s stand side by side from line { $from } (撞题): a reader's eye runs from one into the other. No tiling tried kept them apart; a few lines more or fewer in one of the stories above them, or a `pin:` for one of them, would part them
past-edge = { $story }: a line runs { $mm } mm past the edge of its { $within ->
        [column] column
       *[type-area] type area
    }, where it cannot be read; a word too long for the measure (a pasted link?) or a box of fixed width: break or shorten it
colour-over-limit = colour { $cmyk } has { $total } % ink, over the house limit of { $limit } % (`ink-limit`)
rich-black-text = text of { $size } pt in rich black ({ $cmyk }): under { $min } pt black is pure K (`rich-black-min-size`)
rgb-for-press = an RGB colour on a page for the press: give it as cmyk(…) in layout/style.typ
colour-where = { $problem }; { $count ->
        [one] { $count } time
       *[other] { $count } times
    } on the page, first on page { $page } at { $x } × { $y } mm
display-runs = { $what ->
        [credits] the section and editors ({ $chars } characters)
        [paper] the paper's name ({ $chars } characters) and the date
       *[its] its { $chars } characters
    } run { $natural } pt at { $size } pt where { $available } pt fit
display-headline = headline does not fit the type area on one line: { $runs }, and still { $smallest_run } pt at the smallest it may be set, { $min } pt ({ $percent } % of its size); shorten the headline to about { $fits } characters ({ $fits_full } fit at { $size } pt), or move a phrase into the kicker or the subtitle
display-folio-credits = folio does not fit on one line: { $runs } beside the page number; shorten them to about { $fits } characters (fewer or shorter credits): the folio is never wrapped
display-folio-paper = folio does not fit on one line: { $runs } beside the page number; shorten the name to about { $fits } characters: the folio is never wrapped
display-subtitle = subtitle does not fit on one line: { $runs }; shorten the subtitle to about { $fits } characters, or move part of it into the lead
display-byline = byline does not fit on one line: { $runs }; shorten the byline to about { $fits } characters (fewer names or a shorter label)
display-other = { $field } does not fit on one line: { $runs }; shorten the { $field } to about { $fits } characters
head-breaks-in-phrase = { $story }: its headline wraps inside “{ $phrase }” (set as “{ $set }”), between two characters that may be one word: nothing in the phrase marks where a line may end; put a space between the words where it may wrap (a space at a line’s end is not printed), or shorten the headline to fit a line
glyph-borrowed = it would be borrowed from { $font }
glyph-nowhere = no font has it: it would print as an empty box
glyph-missing = { $story }: { $family } ({ $role }) has no glyph for “{ $char }” U+{ $code } ({ $count }×); { $outcome }. Use another character or add a font that has it

## Preflight: Latin text
loose-line = { $story }: a loose line{ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    }, its word spaces { $worst } em wide (the house allows { $allowed }); rewrite a word or two of the paragraph so it breaks better
hyphen-ladder = { $story }: { $worst } lines in a row end in a hyphen{ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    } (the house allows { $allowed }); rewrite a word or two so the paragraph breaks elsewhere
straight-quote = { $story }: a straight quote (" or '){ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    } is printed where a curly one belongs; write “ ” ‘ ’ (an apostrophe is ’)
orphan = { $story }: a paragraph's first line stands alone at the foot of a column{ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    } (an orphan); cut or add a line above it
widow = { $story }: a paragraph's last line stands alone at the head of a column{ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    } (a widow); cut or add a line above it
short-last-line = { $story }: a paragraph ends in the end of a hyphenated word alone on its last line{ $count ->
        [1] {""}
       *[other] {" "}({ $count }×)
    }; rewrite a word or two of its last lines

## Preflight: make-up and photos
pin-unkept = { $id }'s pin cannot be kept: { $width ->
        [0] from column { $column } only { $room } columns are left to the page's edge, and its rectangle takes { $widths } columns
       *[other] its rectangle takes { $widths } columns, not { $width }{ $column ->
            [0] {""}
           *[other] {" "}(from column { $column }, { $room } are left)
        }
    }; the page was made up as if it had no pin: give the pin a width and column it can take, or delete it
left-out = { $id } finds no place on the page: { $empty ->
        [0] the stories set on it fill it
       *[other] the stories set on it leave no room it fits ({ $empty } lines of column stand empty, in pieces too small for it)
    }. Its smallest rectangle is { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    } × { $lines } lines, about { $chars } characters of text; cut that much from the stories set on the page or from it, or move it to another page
page-not-filled-away = {"; "}the continuation of { $stories }, left out of this page built on its own, would stand in some of them: build the issue to see what stays empty
page-not-filled = the stories do not fill the page: { $lines } lines of column stand empty at its foot; add a story or a photo, or lengthen one
page-not-filled-here = the stories do not fill the page: { $lines } lines of column stand empty at its foot, most under { $width ->
        [1] column { $first } ({ $depth ->
            [one] { $depth } line
           *[other] { $depth } lines
        })
       *[other] columns { $first }–{ $last } ({ $depth ->
            [one] { $depth } line
           *[other] { $depth } lines
        } each)
    }; about { $chars } characters more text, or a photo with its caption { $width ->
        [1] one column
       *[other] { $width } columns
    } wide and { $depth } lines tall there, would fill it
page-not-filled-text = the stories do not fill the page: { $lines } lines of column stand empty at its foot, most under { $width ->
        [1] column { $first } ({ $depth ->
            [one] { $depth } line
           *[other] { $depth } lines
        })
       *[other] columns { $first }–{ $last } ({ $depth ->
            [one] { $depth } line
           *[other] { $depth } lines
        } each)
    }; about { $chars } characters more text would fill it
page-not-filled-also = ; and { $width ->
        [1] column { $first } stands { $depth } lines empty: a photo one column wide
       *[other] columns { $first }–{ $last } stand { $depth } lines empty each: a photo { $width } columns wide
    } and { $depth } lines tall with its caption, or a story, would fill { $width ->
        [1] it
       *[other] them
    }
photo-coarse = { $story }: photo { $file } is { $ppi } ppi at its placed size ({ $width } × { $height } px over { $mm_wide } × { $mm_high } mm); newsprint needs { $needed } ppi: use an original of at least { $need_wide } × { $need_high } px, or drop the photo

## Builds (src/build, src/output)
build-summary = { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }, { $warnings ->
        [one] { $warnings } typst warning
       *[other] { $warnings } typst warnings
    }, { $preflight }
build-summary-spread = the spread of pages { $left } and { $right } on one sheet{ $overflow ->
        [0] {""}
        [one] {" "}and { $overflow } page of overflow
       *[other] {" "}and { $overflow } pages of overflow
    }, { $warnings ->
        [one] { $warnings } typst warning
       *[other] { $warnings } typst warnings
    }, { $preflight }
ink-line = ink: at most { $max } % (limit { $limit } %) on page { $page }, { $left } mm from the left and { $top } mm from the top of the trim
ink-over-area = ; { $mm2 } mm² over the limit
ink-unmeasured = ; not measured: { $what }
unmeasured-turned = a turned or mirrored picture is measured by its pixel at each cell's centre
unmeasured-vector = a vector picture (SVG or PDF) is not measured
unmeasured-gradient = a gradient without stops is not measured
unmeasured-tiling = a tiling (pattern) fill is not measured

## Outputs that would cost an input (src/output/guard)
refuse-extension = refusing to write a { $format } to { $path }: its name must end in .{ $extension }
refuse-inputs = refusing to write { $path }: it lies in { $folder }, which holds templates or fonts the page is built from
refuse-folder = refusing to write { $path }: it is a folder; give a file name
refuse-input = refusing to write { $path }: it is a file this page is built from ({ $real }), and writing would destroy it
refuse-special = refusing to write { $path }: it is not a regular file
refuse-not-ours = refusing to write { $path }: it exists and is not a { $format } file; banmian replaces only its own output (move it away or choose another name)
photo-damaged = photo `{ $file }` is damaged: { $error }
photo-damaged-hint = export the photo again from the original, or replace it

## Command lines (src/commands, src/cli)
format-contradicts = --format { $asked } contradicts the output's extension ({ $named })
option-problem = { $option }: { $message }
unknown-pdf-standard = unknown PDF standard `{ $name }` (try x-4, 1.7, 2.0, a-2b, a-3b, ua-1)
pdfx-combined = PDF standards { $names }: x-4 (PDF 1.6, CMYK, for the press) cannot be combined with { $other }; build them separately
pdf-standards-bad = PDF standards { $names }: { $error }
usage-unknown-argument = unexpected argument `{ $arg }`
usage-did-you-mean = did you mean `{ $suggested }`?
usage-invalid-value = invalid value `{ $value }` for `{ $arg }`
usage-no-value = a value is required for `{ $arg }` but none was supplied
usage-possible-values = possible values: { $values }
usage-not-in-range = { $value } is not in { $from }..={ $to }
usage-unknown-command = unrecognized subcommand `{ $command }`
usage-missing = the following required arguments were not provided: { $args }
usage-conflict = `{ $arg }` cannot be used with { $prior }
usage-too-many = unexpected value `{ $value }` for `{ $arg }`; no more were expected
usage-line = usage: `{ $usage }`
usage-more = for more, try `--help`
usage-langs = banmian speaks en and zh-CN

## The live proof in the browser (src/desk/serve)
serve-title = banmian 版面 · proof
serve-connecting = connecting…
serve-findings = findings
serve-changes = changes
serve-changes-title = since the previous build: changed lines boxed in red, moved blocks outlined
serve-ink = ink
serve-ink-title = the ink on the plates: darker the more ink, red over the house limit
serve-since = since
serve-previous-build = the previous build
serve-keep = keep as round…
serve-keep-title = keep this proof as a named round (一校, 二校…) to mark later proofs against
serve-zoom = zoom
serve-broken = The proof below is the last good build; save a fix and it updates.
serve-findings-heading = Findings
serve-source-heading = Source
serve-source-hint = Click a line or a photo to see where it is in the YAML.
serve-page = page { $page }
serve-page-overset = page { $page }: overset text, past the page
serve-round = round { $name }
serve-nothing-here = Nothing from the YAML here.
serve-source-at = { $what } at { $at }
serve-build-failed = build { $build } failed after { $seconds } s
serve-build-done = build { $build } in { $seconds } s: { $summary }
serve-building = building…
serve-disconnected = disconnected; reconnecting…
serve-keep-prompt = Keep this proof as round (e.g. 一校):
serve-token-needed = this proof is served with a token: open the URL banmian serve printed
serve-remote-edit-off = editing from another machine is off (banmian serve --allow-remote-edit)
serve-no-proof = no proof yet

## banmian serve on the terminal and its editor (src/desk/serve)
editor-empty = --editor is empty; e.g. --editor 'code -g {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}'
editor-no-file = --editor `{ $command }` has no {"{"}file{"}"}; e.g. --editor 'code -g {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}'
editor-cannot-read = cannot read { $file }: { $error }
editor-no-line = line { $line } is not a line of { $file } (lines 1 to { $lines })
editor-no-column = column { $column } is not on line { $line } of { $file } (columns 1 to { $columns })
editor-none = no editor: start banmian serve with --editor 'CMD {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}'
editor-cannot-run = cannot run the editor `{ $editor }`: { $error }
editor-opened = opened { $file }:{ $line }:{ $column }
kept-round = kept round { $name } in { $path }
warning-line = warning: { $message }
error-line = error: { $message }
serve-failed-after = failed after { $seconds } s; the browser keeps the last good proof
serve-stopped = error: { $error }; no more rebuilds: restart banmian serve
cannot-listen = cannot listen on { $address }: { $error }; try another --port
serving-beyond = warning: serving on { $host } (not only this machine): whoever has the URL below (its token) sees the proof{ $edit ->
        [yes] , opens your editor at lines of the page and keeps proof rounds
       *[no] ; opening the editor and keeping rounds stay with this machine (--allow-remote-edit)
    }
serving = serving { $page } at { $url } (Ctrl-C to stop)
proof-built = proof { $build } in { $seconds } s: { $summary }

## watch (src/commands/watch, watch_issue)
watch-plate-refused = -o { $asked }: that is the press PDF `banmian build` writes for this page; watch writes proofs, which must not replace it. Leave out -o (the proof goes to { $proof }) or name another file
watching-files = watching files: { $error }
watching-issue = watching { $issue } ({ $pages } pages) → proofs in { $folder }/ (Ctrl-C to stop)
issue-not-reloaded = { $issue } not reloaded; its pages are watched as they were
page-left-issue = { $page } is no longer in the issue: no longer watched ({ $outputs } left as it is)

## Fonts (src/engine/fonts, src/commands/fonts)
font-skipped = warning: skipping font { $file }: { $problem }
font-no-face = no font face could be read from it (damaged, or not a font)
font-style = { $weight ->
        [bold] bold
        [light] light
       *[regular] regular
    } ({ $number }){ $style ->
        [normal] {""}
       *[other] , { $style }
    }{ $stretch ->
        [normal] {""}
       *[other] , { $stretch } % wide
    }

## Proof rounds (src/desk/redline/rounds)
round-name-bad = `{ $name }` is not a round name: { $why ->
        [empty] it is empty
        [long] it is longer than { $max } characters
        [space] it starts or ends with a space
        [dot] it starts with a dot
        [path] it holds `{ $char }`, which file names cannot
        [control] it holds U+{ $code }, a control character
        [bidi] it holds U+{ $code }, a bidi control, which reorders the text around it
       *[invisible] it holds U+{ $code }, an invisible character
    } (a round name is up to { $max } printable characters, e.g. 一校)
round-kept-already = round `{ $name }` is kept already ({ $path }); choose another name
round-cannot-keep = cannot keep round `{ $name }` in { $path }: { $error }
round-none = no round `{ $name }` ({ $path }: { $error }); kept rounds: { $kept ->
        [none] none
       *[other] { $kept }
    }
round-not-ours = { $path }: not a round banmian kept: { $error }

## New pages (src/desk/scaffold)
new-no-template = no template `{ $template }` in { $folder }; templates: { $known }
new-outside = { $issue } lies outside the project { $root }
new-exists = { $folder } already exists; banmian never overwrites a page (choose another name)
init-exists = { $root } is already a project (it has layout/); banmian init never overwrites one: add pages with banmian new SLUG
init-no-fonts = --fonts { $folder }: no font files (.ttf, .otf, .ttc, .otc) there; name the folder that holds the house's fonts, or leave --fonts out and fill fonts/ later
new-no-manifest = the template `{ $template }` has no readable manifest: { $errors }
new-breaks-issue = { $issue } would not build with the new page there, so neither is changed:
new-breaks-issue-hint = choose another --page (a page before a spread moves it to an odd page), or leave --page out to add the page at the end
new-bad-slug = `{ $slug }` is not a page name: use lower-case letters, digits and hyphens (e.g. 2024-05-01-a8)

## The press profile and the project's files (src/engine)
icc-unreadable = cannot read the press profile { $path }: { $error }; name an ICC file (--icc FILE, or `press-profile` in layout/style.typ)
icc-not-icc = not an ICC profile (it does not read as one)
icc-not-cmyk-output = not a CMYK output (printer) profile: it is { $class ->
        [input] an input (scanner or camera)
        [display] a display (monitor)
        [output] an output (printer)
        [link] a device link
        [abstract] an abstract
        [space] a colour space
        [named] a named colour
       *[other] an other
    } profile for { $space ->
        [rgb] RGB
        [grey] grey
        [cmyk] CMYK
        [lab] Lab
        [xyz] XYZ
       *[other] another colour space
    }; the press needs the profile of its CMYK printing condition (e.g. the plant's newsprint or coated-paper profile)
icc-no-table = the profile cannot convert colours to the press (it has no table towards CMYK)
icc-no-such-file = cannot read the press profile { $path }: no such file
icc-house = `press-profile` in layout/style.typ: { $why } (the file is looked for in layout/)
no-packages = packages are not available: keep templates in layout/
resolves-outside = { $path } resolves outside the project root { $root }

## Steps under --verbose, and the rest of build and check
step-project = project { $root }
step-read = read { $file }: template { $template }, { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
step-laid-out = laid out: { $summary }
step-wrote = wrote { $file } ({ $bytes } bytes)
stdin-unreadable = cannot read the page from stdin: { $error }
warning-typst = warning: typst: { $message }
warning-ink-unmeasured = warning: ink not measured: { $what }
watch-setup-failed = failed to set up file watching ({ $error })
watch-failed = failed to watch { $path } ({ $error })
watch-files-failed = failed to watch files ({ $error })
photo-not-separated = photo `{ $file }` cannot be separated into CMYK for the press: { $error }
and-more = … and { $n ->
        [one] { $n } more mistake
       *[other] { $n } more mistakes
    } (fix these and check again, or read them all in `check --format json`)

## The make-up in words (src/makeup/explain, src/makeup/news/explain)
makeup-body = body: { $stacks } stacks { $width } mm wide, columns down to line { $foot }{ $end }
makeup-every-line-used = , every line used
makeup-lines-empty = , { $n } lines left empty
makeup-lines-overset = , { $n } lines overset
makeup-lead-stepped = lead: { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    } { $width } mm wide beside its photo, { $text } lines over the stacks under it and { $photo } under the photo
makeup-lead-level = lead: { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    } { $width } mm wide beside its photo, the band { $lines } lines
makeup-lead-photo-only = lead: its photo alone at the body's top ({ $photo } lines with its caption), the stacks beside it starting under the title
makeup-lead-across = lead: { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    } { $width } mm wide across the page, { $lines } lines
makeup-lead-step = { $lead }; the stacks under its column { $column } from line { $line }, right under its text
makeup-photo = photo { $name }: { $place }, { $width } × { $height } mm ({ $lines } lines), { $crop }
makeup-beside-lead = beside the lead
makeup-in-stack = in its section's stack
makeup-across-stacks = across stacks { $first }–{ $last } from line { $line }
makeup-band = { $n ->
        [one] across the page under the stacks
       *[other] one of { $n } side by side across the page under the stacks
    }
makeup-loose = paragraphs set a touch looser to fill the page, each a line longer (拉行), by section and paragraph (2.4: section 2's fourth): { $which }
makeup-air = { $lines ->
    [one] a grid line of air under the title's byline to fill the page, the body starting that much lower
   *[other] { $lines } grid lines of air around the title (over it and under its byline) to fill the page, the body starting that much lower
}
makeup-head-air = { $lines ->
    [one] every section head opened by a grid line to fill the page
   *[other] every section head opened by { $lines } grid lines to fill the page
}
makeup-uncropped = uncropped
makeup-cut-across = { $across } % cut across
makeup-cut-down = { $down } % cut down
makeup-cut-both = { $across } % cut across, { $down } % down
news-makeup = news make-up: { $stories } stories in rectangles on { $columns } columns × { $lines } lines, by rank from the top left
news-left-out = { $story }: no place on the page with the stories above it; it needs at least { $columns } × { $lines } (columns × lines)
news-empty-foot = { $lines } lines of column left empty at the foot: the stories are too short to fill the page
news-role = { $role ->
        [briefs] brief column
        [photo] photo news
        [lead] lead story (头条)
        [second] second story (二条)
       *[other] rank { $rank }
    }
news-module = { $story } ({ $role }): columns { $first }–{ $last }, lines { $top }–{ $bottom } ({ $width } × { $height })
news-headline = headline { $size } pt in { $lines } lines
news-legs = { $legs ->
        [one] { $legs } leg
       *[other] { $legs } legs
    } of { $columns ->
        [one] { $columns } column
       *[other] { $columns } columns
    } × { $lines } lines{ $empty ->
        [0] {""}
       *[other] {" "}({ $empty } empty at the feet)
    }
news-photo = photo { $n } { $place ->
        [across] across it
        [corner] { $legs ->
            [one] over its last leg, which starts under it
           *[other] over its last { $legs } legs, which start under it
        }
       *[leg] in a leg
    }, { $lines } lines, { $cut } % cut
news-turn = set in an L: its head and first legs over { $headed ->
        [one] column { $start }
       *[other] columns { $start }–{ $last }
    }, its other legs turning the corner under its neighbour on { $turned ->
        [one] column { $first }
       *[other] columns { $first }–{ $end }
    } from line { $line }
news-jump = jumps after line { $line } of paragraph { $paragraph }: { $lines } lines continue on page { $to }
list-separator = {", "}
