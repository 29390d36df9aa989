## Labels of the error printer.
error = 错误
warning = 警告
hint = 提示

## Why a command produced nothing (banmian::failure).
ink-over = { $found }：超过本报油墨总量上限（layout/style.typ 中的 `ink-limit`）；请减淡颜色，或检查 layout/style.typ 的配色
strict-refused = 拒绝生成：--strict 把警告当作错误，而本版有 { $n } 条警告：
cannot-write = 无法写入 { $path }：{ $error }
no-project = { $page } 的上级目录中没有 layout/templates/ 文件夹；请在项目文件夹中运行 banmian，或用 --root 指定（banmian init 目录 可新建项目）
no-page = { $page }：没有这个版面文件
combined-not-written = 合订 PDF { $output } 没有生成：第 { $pages } 版失败
fix-errors-or-draft = 请改正上面的错误，或用 --draft 生成带标记的校样
fix-warnings-or-not-strict = 请处理上面的警告，或不加 --strict 生成
internal-error = banmian 内部错误，请连同版面文件一起报告：模板在本版上出错（见下面的记录）；不是版面内容的问题
kind-content = 内容错误
kind-layout = 排版错误
kind-preflight = 印前检查错误
kind-ink = 油墨超限
kind-strict = --strict 下的警告
kind-photo = 图片错误
kind-refused = 拒绝执行
kind-other = 错误

## The content check's most common mistakes (the rest move over as they are touched).
not-a-date = `{ $date }` 不是日期
write-dates = 日期写作 YYYY-MM-DD，如 2021-09-28
not-a-page = 版次 { $number } 不是有效的版次
pages-from-1 = 版次从 1 开始
no-template = 没有名为 `{ $name }` 的模板
templates-are = layout/templates/ 中的模板：{ $names }
did-you-mean = 是不是 `{ $best }`？
allowed-keys = 这里可以用的键：{ $keys }
add-the-field = 请加上这个字段；见 README.md 的“Content format”一节
section-no-head = 第 { $number } 部分没有小标题
section-no-head-hint = 请写上 `head: [第一句, 第二句]`
section-no-body = 第 { $number } 部分没有正文
no-body-hint = 请在 `body: |` 下写正文，段与段之间空一行
no-caption = 图片 `{ $file }` 没有说明
no-caption-hint = 每张图片都要有 `caption:`（图片说明）
not-found = 找不到
image-missing = 图片 `{ $file }` { $problem }（查找位置：{ $path }）
image-missing-hint = 请检查文件名；路径相对于本版的 YAML 文件

## The commands.
nothing-written = banmian：什么也没有写入；原有的输出文件（如有）未被改动
built = 已生成 { $files }（{ $summary }，{ $kib } KiB），用时 { $seconds } 秒
built-spread = 已生成 { $sheet }（大样）及其两块印版 { $left }、{ $right }（{ $summary }，{ $kib } KiB），用时 { $seconds } 秒
combined-for-an-issue = --combined 用于一期报纸：{ $page } 是一个版面
stdin-needs-output = 从标准输入（-）读入的版面没有文件名可用来命名输出：请用 -o 指定
make-up = 组版：
issue-progress = {" "} [{ $done }/{ $total }] { $page }{ $what } { $seconds } 秒：{ $file }
issue-built-in = 生成，用时
issue-checked-in = 检查完毕，用时
issue-failed-after = 失败，用时
issue-page-built = { $page }：已生成 { $output }（{ $summary }，{ $kib } KiB），用时 { $seconds } 秒
issue-page-checked = { $page }：{ $summary }
page-number = 第 { $number } 版
spread-numbers = 第 { $first }–{ $second } 版（通版）
issue-page-failed = { $page }：失败（{ $kind }）— { $file }
issue-page-messages = ── 第 { $number } 版（{ $file }）：
issue-combined = 已合订 { $path }（{ $kib } KiB）
issue-built-pages = 已生成 { $done }/{ $total } 个版面，用时 { $seconds } 秒
issue-checked-pages = 已检查 { $done }/{ $total } 个版面，用时 { $seconds } 秒
issue-failed-pages = ；{ $failed } 个失败，均未写入
issue-missing-pages = ；{ $count ->
        [1] 第 { $pages } 版
       *[other] 第 { $pages } 这 { $count } 个版
    }不在本期里（在别处制作，或 `page:` 写错了）
issue-output-is-a-file = -o { $dir }：一期报纸写入一个文件夹，每版一个文件；请给出文件夹（要合订成一个 PDF 请用 --combined FILE.pdf）
made-page = 已新建 { $page }（模板 { $template }）和 { $schema }
made-page-next = 编辑它，然后：banmian serve { $page }（实时校样）或 banmian build { $page }
made-project = 已新建项目 { $root }：layout/（{ $layout } 个文件，本 banmian 自带的模板）、content/、fonts/（{ $fonts } 个字体文件）
made-project-no-fonts = { $fonts } 是空的：请把模板用到的字体文件（见 layout/style.typ）放进去，否则版面会因缺字被拒绝
made-project-next = 下一步：banmian new 名称 --root { $root }（在 { $root }/content/ 下新建版面文件夹）
schema-no-project = --template { $name }：这里不是项目（上级目录中没有 layout/templates/）；请在项目中运行，或用 --root 指定
schema-no-template = --template { $name }：没有这个模板；本项目的模板：{ $known }
serve-an-issue = { $page } 是一期报纸：serve 只接受一个版面（请预览正在编辑的版面；整期用 `banmian build` 生成）
watching = 正在监视 { $page } → { $output }（校样；按 Ctrl-C 停止）
fonts-changed = 字体有变化：重新扫描了 { $faces } 个字面
rebuilt = 已重新生成 { $output }，用时 { $seconds } 秒：{ $summary }
rebuild-failed = 失败，用时 { $seconds } 秒；{ $output } 未改动（{ $count } 个文件）
diff-pages = 请给出 OLD.yaml NEW.yaml，或 --since ROUND NEW.yaml
diff-wrote = 已写入 { $files }：{ $changed } 处改动以红框标出，{ $moved } 块移动以蓝框标出
nothing-written-diff = banmian：什么也没有写入

## Files that cannot be read (content::files): said after the file's name.
file-loop = 是循环的符号链接（链接直接或间接指回自身）
file-denied = 无法读取：没有权限
file-failed = 无法读取（{ $error }）
file-folder = 是文件夹，不是文件
file-pipe = 是命名管道（FIFO），不是文件
file-socket = 是套接字，不是文件
file-device = 是设备，不是文件
file-special = 不是普通文件

## Photos (content::images): said after "image `FILE`".
photo-not-jpeg-png = 是{ $kind ->
        [webp] WebP 图像
        [gif] GIF 图像
        [tiff] TIFF 图像
        [bmp] BMP 图像
        [heic] HEIC 图像（iPhone 的格式）
        [avif] AVIF 图像
        [jpeg2000] JPEG 2000 图像
        [photoshop] Photoshop 文档
        [pdf] PDF 文档
        [svg] SVG 矢量图
        [empty] 空文件
       *[other] banmian 不认识的文件
    }，不是 JPEG 或 PNG 照片；请转成 JPEG（如 `convert in out.jpg`，或在图片编辑软件中导出为 JPEG），并让 `file:` 指向新文件
photo-folder = 是文件夹，不是图片文件
photo-truncated = 不完整（文件在图像结束之前就断了）；请重新导出
photo-damaged-header = 已损坏或是 banmian 读不了的格式（{ $error }）
photo-too-large = 有 { $width } × { $height } 像素，超出版面能用的大小（每边最多 { $max }）
photo-scale-down = { $limit }；请缩小后重新导出（整个对开版面按 300 ppi 约需 2400 万像素）

## Limits (content::limits)
limit-subject = { $what ->
        [page] 本版
        [issue] 本期
        [brief-column] 简讯栏
        [photo-file] 图片文件
        [photo] 图片
        [key] 键
        [page-file] 版面文件
        [issue-file] 报纸期次文件
        [manifest-file] 模板清单文件
        [page-text] 本版文字（展开别名后）
        [page-expanded] 本版（展开别名后）
       *[other] { $what }
    }
limit-exceeded = { $what }：超出限制 `{ $name }`：{ $value } { $unit ->
        [bytes] 字节
        [levels] 层
        [aliases] 个别名
        [nodes] 个节点
        [characters] 个字符
        [sections] 个部分
        [photos] 张图片
        [stories] 篇稿件
        [pixels] 像素
        [pages] 个版面
       *[other] { $unit }
    }，最多 { $max }
limit-hint = 没有哪个版面需要这么多：请检查上游系统发来的内容（见 README.md 的 Limits 一节）
oversize = { $limit }；限制落在从这里开始的内容之中
oversize-hint = { $what ->
        [issue] 报纸期次文件
        [manifest] 模板清单
       *[page] 版面
    }的 YAML 只有几十 KiB：请看这里是否有被粘贴了许多遍的文字，或检查上游系统发来的内容（README.md 的 Limits 一节）

## YAML syntax (content::yaml::syntax); { $libyaml } is the parser's own words, kept for support
yaml-unclosed-quote = 从这里开始的引号没有闭合（{ $libyaml }）
yaml-unclosed-quote-hint = 请用开头的同一种引号闭合它，或把文字写成块（`键: |`，文字写在下面缩进的各行）
yaml-unclosed-list = 从这里开始的 `[` 列表没有闭合（{ $libyaml }）
yaml-unclosed-list-hint = 请用 `]` 闭合；含逗号或冒号的列表项要加引号
yaml-unclosed-map = 从这里开始的 `{"{"}` 没有闭合（{ $libyaml }）
yaml-unclosed-map-hint = 请用 `{"}"}` 闭合
with-libyaml = { $message }（{ $libyaml }）
yaml-block-cut = 这一行比上面的文字缩进得少，于是结束了从第 { $block } 行开始的文字块（{ $libyaml }）
yaml-block-cut-hint = 文字块的每一行都要至少缩进到与第一行一样
yaml-stray-indent = 这个{ $what ->
        [item] 列表项
       *[key] 键
    }缩进到第 { $column } 列，而上面没有哪一层的{ $what ->
        [item] 列表项
       *[key] 键
    }在这一列（它们在第 { $columns } 列）（{ $libyaml }）
yaml-stray-indent-hint = 请用空格把这个{ $what ->
        [item] 列表项
       *[key] 键
    }与同一层的{ $what ->
        [item] 列表项
       *[key] 键
    }对齐
or = {" "}或{" "}
yaml-tab-hint = YAML 只能用空格缩进，不能用制表符：请把这一行开头的制表符换成空格
yaml-syntax-hint = 请检查缩进和引号；含有 `: ` 或以特殊字符开头的文字可以写成块（`键: |`，文字写在下面缩进的各行）
yaml-syntax = YAML 语法错误：{ $problem ->
        [mapping-values] 这里不能出现“键: 值”（文字中的 `: ` 会被当作键）
        [expected-key] 这里应当是一个键（缩进或引号有误）
        [cannot-start] 这里的字符不能开始任何内容（常见的是制表符，或开头的 @、`、%）
        [end-of-stream] 文件在一个未结束的值中间结束了
        [expected-colon] 这里找不到键后面的 `:`
        [expected-dash] 这里应当是以 `-` 开头的列表项
        [sequence-entries] 这里不能开始 `-` 列表项（缩进有误）
        [document] 这里出现了 YAML 文档分隔符（`---` 或 `...`）
       *[other] 无法解析
    }（{ $libyaml }）

## Reading a page, issue or manifest file (content)
not-a-yaml-file = 是文件夹，不是{ $what ->
        [issue] 报纸期次
        [manifest] 模板清单
       *[page] 版面
    }文件
not-a-yaml-file-hint = 请给出{ $what ->
        [issue] 报纸期次
        [manifest] 模板清单
       *[page] 版面
    }的 YAML 文件，如 content/<page>/page.yaml
cannot-read-file = 无法读取{ $what ->
        [issue] 报纸期次文件
        [manifest] 模板清单
       *[page] 版面
    }：{ $problem }
cannot-read-file-hint = 请检查路径；{ $what ->
        [issue] 报纸期次文件
        [manifest] 模板清单
       *[page] 版面
    }是 UTF-8 编码的 YAML 文件
issue-page-unreadable = 第 { $page } 版（{ $entry }，{ $file }）：{ $message }
forbidden-char = 文字中有 { $char }
forbidden-char-hint = 请删除它（可能是从别的系统粘贴过来的）；印出来会是一个空框

## Characters that cannot print (content::hygiene)
character = U+{ $code }（{ $what ->
        [nul] NUL，控制字符
        [bel] BEL，控制字符
        [backspace] 退格，控制字符
        [esc] ESC，控制字符
        [control] 控制字符
        [c1] C1 控制字符，常见于用错了编码解读的文字
        [replacement] 替换字符：这段文字在到这里之前已被转换损坏
        [noncharacter] 非字符
        [soft-hyphen] 软连字符
        [zwsp] 零宽空格
        [zwnj] 零宽不连字
        [zwj] 零宽连字
        [direction] 方向标记
        [bidi] 双向文字控制符
        [word-joiner] 连词符（word joiner）
        [bom] 文字中间的字节顺序标记（BOM）
       *[invisible] 不可见字符
    }）

## The YAML read event by event (content::yaml::scan)
second-document = 这里开始了第二个 YAML 文档；一个版面文件只能有一个
second-document-hint = 请删掉 `---` 这一行，或把文件拆成两个版面
no-anchor = 别名 `*{ $name }` 在上文找不到对应的锚点 `&{ $name }`
no-anchor-hint = 请在第一次使用之前定义锚点，或直接写出文字
alias-as-key = 别名不能用作键
alias-as-key-hint = 请把键直接写成普通文字
key-not-text = 键必须是普通文字，不能是列表或映射
key-not-text-hint = 请检查这里之前的缩进，以及 `?`、`[` 或 `{"{"}`
duplicate-key = { $within ->
        [page] 本版
       *[other] `{ $within }`
    }中的键 `{ $key }` 重复了：第 { $line } 行已经有它
duplicate-key-hint = 请只保留一个；YAML 会悄悄丢掉另一个
escaped-control = `{ $path }` 含有 { $char }，是在引号中用转义写的
escaped-control-hint = 请删掉这个转义；控制字符印出来是空框
invisible-char = `{ $path }` 含有 { $char }{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }
invisible-char-hint = 它印不出任何东西，却会影响断行和查找；除非确有需要，请删除
long-word = `{ $path }` 中有一个 { $length } 个字符、无处可断的词（`{ $opening }…`）：行尾到哪里就在哪个字符处断开
long-word-hint = 请加空格、缩短它（链接请印短形式），或让它单独占一行

## Encodings (content::encoding)
utf16 = 文件是 UTF-16 编码，不是 UTF-8
utf16-hint = 请另存为 UTF-8（多数编辑器：另存为… → 编码：UTF-8），或转换：`iconv -f UTF-16 -t UTF-8 page.yaml > page-utf8.yaml`
gb18030 = 文件不是 UTF-8 编码：看起来是 GB18030/GBK，即中文 Windows 编辑器的编码（最先出现的非 UTF-8 字节：{ $bytes }）
gb18030-hint = 请转成 UTF-8：`iconv -f GB18030 -t UTF-8 page.yaml > page-utf8.yaml`，检查无误后用它替换 page.yaml（或在编辑器中另存为 UTF-8）
bad-utf8 = 无效的 UTF-8 从这里开始（字节 { $bytes }）：文件已损坏，或是从另一种编码的文档粘贴过来的
bad-utf8-hint = 请重新输入这个位置的文字，或把文件转成 UTF-8

## The content check (content::check)
headline-empty = `headline`（标题）是空的
headline-empty-hint = 请写上本版的标题；如果模板不用标题，就删掉这个字段
spread-disagrees = 本版{ $page ->
        [spread] 是通版
       *[single] 是单版
    }，而报纸期次文件 { $issue } 把它列为{ $page ->
        [spread] 单版
       *[single] 通版
    }（{ $entry }）
spread-disagrees-hint = 请在版面和报纸期次文件的条目中都写上 `spread: true`，或者都不写
folio-what = { $field ->
        [paper] 报名
        [date] 日期（YYYY-MM-DD）
       *[page] 版次
    }
field-empty = `{ $field }` 是空的
folio-empty-hint = 请填写{ $field ->
        [paper] 报名
       *[date] 日期
    }，或删掉这个键，用给出它的报纸期次文件生成本版
spread-odd = 通版从左手（双数）版开始，不能从第 { $page } 版开始
spread-odd-hint = 请把通版的第一版编为双数（第二版是紧接着的单数版），或改为单版
spread-not-set = { $template } 模板（{ $name }）只排单版：排成通版会让右手版空白
spread-not-set-hint = 请删掉 `spread: true`，把右手版另做一版；或改用能排通版的模板（feature）
folio-disagrees = 本版写的 { $field } 是 `{ $own }`，而报纸期次文件 { $issue } 写的是 `{ $theirs }`（{ $entry }）
folio-disagrees-page-hint = 请删掉 `{ $path }`（一期报纸中的版面按所在位置取得版次），或在报纸期次文件中把它的条目编为 `page: { $own }`
folio-disagrees-hint = 请删掉 `{ $path }`：一期报纸中的版面沿用报纸期次文件中的值
field-missing = 缺少 `{ $field }`
folio-missing-hint = 请填写{ $what }，或用给出它的报纸期次文件生成本版
not-an-id = `{ $id }` 不是有效的稿件 id
not-an-id-hint = 请用不超过 40 个小写字母、数字和连字符，如 `river-cleanup`
id-taken = 稿件 id `{ $id }` 在本版已被占用
id-taken-hint = 请给每个部分一个自己的 id，或不写 `id`（那样它就是 section-<编号>）
too-many-sections-hint = 请把这篇稿子分到两个版面
too-many-photos-hint = 请只选本版需要的图片
section-twice = 部分编号 { $number } 用了两次
section-out-of-order = 第 { $number } 部分放在了第 { $expected } 部分的位置（各部分的编号是 { $order }）
section-order-hint = 请按在版面上出现的顺序把各部分编为 1、2、3……
field-not-printed-hint = { $best ->
        [none] { $template } 模板（{ $name }）使用的字段：{ $takes }；请删掉这个字段，或换一个模板
       *[other] 是不是 `{ $best }`？{ $template } 模板（{ $name }）使用的字段：{ $takes }
    }
field-not-printed = { $template } 模板不印 `{ $field }`
field-needed = 缺少 `{ $field }`：{ $template } 模板需要它
field-needed-hint = 请在版面中加上 `{ $field }:`
story-count = 本版有 { $n } 篇稿件；{ $template } 模板可排 { $min } 到 { $max } 篇
story-count-hint = { $more ->
        [yes] 请加稿件，或换一个排较少稿件的模板
       *[no] 请把稿件移到别的版面（先移优先级最低的）
    }
too-many-stories-hint = 请把稿件移到别的版面
priority-shared = `{ $story }` 的 priority 是 { $priority }，与它上面的 `{ $first }` 相同：按在文件中的先后，`{ $first }` 排在前面
priority-shared-hint = 请给每篇稿件一个不同的 priority（头条为 1，二条为 2……），或对次序无所谓的稿件不写 `priority`
story-no-headline = 稿件的 `headline`（标题）是空的
story-no-headline-hint = 每篇稿件都要有标题
story-no-body = 稿件没有正文
not-a-kind = `{ $kind }` 不是稿件类型
not-a-kind-hint = 请写 `story`（默认）或 `photo`（图片新闻）
photo-news-no-photo = 图片新闻（`kind: photo`）没有图片
photo-news-no-photo-hint = 请给它加上有一张图片的 `photos:`，或改为 `kind: story`
not-a-frame = `{ $frame }` 不是边框样式
frame-hint = { $best ->
        [none] 请写 `box`（加框）或 `tint`（底纹）
       *[other] 是不是 `{ $best }`？请写 `box`（加框）或 `tint`（底纹）
    }
pin-zero = 固定位置的 { $field } 为 0
columns-from-1 = 栏从 1 开始数（最左一栏）
briefs-empty = 简讯栏没有条目
briefs-empty-hint = 请加上条目，或删掉 `briefs`
too-many-briefs-hint = 请把简讯移到别的版面
brief-incomplete = 有一条简讯没有标题或正文
brief-incomplete-hint = 每条简讯都要有 `headline:` 和 `body:`
crop-too-much = 裁切 { $crop }% 会裁掉图片的一半以上
crop-hint = 最多允许 { $max }（百分比），或换一张图片
span-zero = 图片宽 0 栏
span-zero-hint = 请写图片跨的栏数（1 或更多），或不写 `span`
image-outside = 图片 `{ $file }`：{ $problem }
image-outside-hint = 请把图片放在项目文件夹里，放在版面旁边
image-bad = 图片 `{ $file }` { $problem }
image-bad-hint = 图片须是 JPEG 或 PNG 文件，最多 1 亿像素
not-a-focus = `{ $focus }` 不是有效的焦点
focus-hint = 请写 center、top、bottom、left、right、top-left、top-right、bottom-left 或 bottom-right
latin-page = 本版文字大多是拉丁字母：按英文排
latin-story = 它的文字大多是拉丁字母：按英文排
lang-hint = 请写 BCP 47 语言标记：zh、zh-Hant、en、en-GB、fr……；或不写 `lang`，用本报的语言
lang-note-hint = 请{ $whose ->
        [story] 给它
       *[page] 给本版
    }加上 `lang: en`（或文字的语言，如 `lang: fr`）来说明；要按中文排，请写 `lang: zh`

## Languages, paths and manifests (content::lang, paths, manifest)
lang-no-code = `{ $tag }` 不是语言标记：语言标记以 2 或 3 个字母的语言代码开头
lang-bad-subtag = `{ $tag }` 不是语言标记：`{ $subtag }` 不是文字、地区或变体代码
lang-unsupported = banmian 没有 `{ $tag }` 这种语言的排版规范：中文、日文、韩文按中文规范排，拉丁字母的语言按拉丁规范排
root-unreadable = 项目根目录 { $root }：{ $error }
outside-root = { $path } 在项目根目录 { $root } 之外
path-not-unicode = 路径不是有效的 Unicode
manifest-needed = layout/templates/ 中的每个模板旁边都有一个说明它使用哪些字段的清单（{ $name }.yaml；见 layout/README.md）
not-a-page-field = `{ $field }` 不是版面字段
page-fields = 版面字段：{ $fields }
manifest-stories = `stories` 与字段不符
manifest-stories-hint = `min` 不能大于 `max`，并且要在字段中列出 `stories`

## Issue files (content::issue)
paper-empty = `paper`（报名）是空的
paper-empty-hint = 请填写报名
issue-no-pages = 报纸期次文件没有列出任何版面
issue-no-pages-hint = 请在 `pages:` 下列出各版面文件，如 `- file: front/page.yaml`
issue-too-many-pages-hint = 请把它分成几叠，每叠一个报纸期次文件
page-after-page = 第 { $number } 版排在了第 { $before } 版之后
page-order-hint = 请按顺序列出版面，每个版次都比前一个大
page-twice = `{ $file }` 列了两次：它已经是第 { $page } 版（第 { $line } 行）
page-twice-hint = 每个版面只列一次；要印两次的版面，请复制它的文件夹
page-outside-hint = 版面文件要放在项目文件夹里
page-file-problem = 版面文件 `{ $file }` { $problem }
page-file-problem-hint = 请给出版面的 YAML 文件，路径相对于报纸期次文件
issue-lists-itself = 报纸期次文件把自己（`{ $file }`）列为一个版面
issue-lists-itself-hint = 请列出各版面自己的 YAML 文件，如 `- file: front/page.yaml`
issue-in-issue = `{ $file }` 是报纸期次文件（它列有 `pages:`），不是版面
issue-in-issue-hint = 请列出各版面自己的 YAML 文件；报纸期次文件里不能再套报纸期次文件

## Jumps across an issue's pages (content::jumps, src/build/jumps)
jump-no-story = 转版没有写明是哪篇稿件
jump-no-story-hint = 请写上稿件在起始版上的 `id:`
jump-from-unlisted = `{ $file }` 不是本期的版面
jump-from-unlisted-hint = 请按 `pages:` 中的写法写出稿件起始的版面
jump-to-unlisted = 转版转到了 `{ $file }`，它不是本期的版面
jump-to-unlisted-hint = 请按 `pages:` 中的写法写出接续的版面，或先把它列入 `pages:`
jump-to-itself = `{ $story }` 转到了它自己所在的第 { $page } 版
jump-to-itself-hint = 稿件只能转到后面的版面：请在 `to:` 下写后面的一版
jump-backwards = `{ $story }` 将在第 { $to } 版接续，却在第 { $from } 版才开始：转版成了回环
jump-backwards-hint = 稿件只能转到后面的版面：请对调 `from` 和 `to`，或调整版面顺序
jump-twice = 第 { $page } 版的 `{ $story }` 转了两次（第 { $line } 行已转到第 { $to } 版）
jump-twice-hint = 一篇稿件只转一次：请删去其中一处转版
jump-again = 第 { $page } 版的 `{ $story }` 是第 { $from } 版转来的接续部分：接续部分不能再转
jump-again-hint = 请让接续版容纳余下的正文，或删减稿件
jump-starts-off-news = `{ $story }` 从第 { $page } 版开始，那是 `{ $template }` 版面：只有消息版可以转版
jump-ends-off-news = `{ $story }` 在第 { $page } 版接续，那是 `{ $template }` 版面：只有消息版可以转版
jump-off-news-hint = 请在消息版模板的版面之间转版
jump-story-missing = 第 { $page } 版没有稿件 `{ $story }`
jump-story-missing-hint = 该版的稿件有：{ $ids }；请写其中之一
jump-id-taken = 第 { $page } 版自己已有稿件 `{ $story }`，又要接续同名稿件
jump-id-taken-hint = 请给其中一篇稿件换一个 `id:`
jump-built-alone = 第 { $from } 版转来的 `{ $story }` 接续部分（{ $issue }，第 { $line } 行）在单独生成本版时不排
jump-built-alone-hint = 请生成整期报纸来排入它：它的正文是第 { $from } 版排版后余下的部分
jump-fits = `{ $story }` 现在在第 { $from } 版就排得下：不再转版（{ $issue }，第 { $line } 行），本版不排接续部分
jump-fits-hint = 可保留转版以备稿件加长，或从 `jumps:` 中删去它并补上这块版面
jump-unbuilt = 第 { $to } 版接续 `{ $story }`，但它起始的第 { $from } 版没有排成
jump-unbuilt-hint = 请先修好第 { $from } 版：它的提示说明了原因

## serde's schema errors, said again (content::yaml::schema)
at-path = { $path }：{ $message }
list-sep = 、
serde-missing = 缺少字段 `{ $field }`
serde-unknown = 未知字段 `{ $field }`；{ $count ->
        [0] 这里不能有字段
        [1] 这里只能用 { $expected }
       *[other] 这里可以用 { $expected }
    }
serde-invalid = 值{ $which ->
        [value] 不对
       *[type] 的类型不对
    }：这里是{ $got }，应当是{ $want }
serde-got = { $kind ->
        [string] 文字 { $value }
        [integer] 整数 { $value }
        [float] 小数 { $value }
        [boolean] 布尔值 { $value }
        [character] 字符 { $value }
        [sequence] 列表
        [map] 映射（`键: 值` 各行）
        [unit] 空值
       *[other] { $raw }
    }
serde-want = { $kind ->
        [sequence] 列表（`- 项` 各行，或 `[甲, 乙]`）
        [string] 文字
        [boolean] true 或 false
        [unsigned] 不小于 0 的整数
        [integer] 整数
        [number] 数
        [map] 映射（`键: 值` 各行）
       *[other] { $raw }
    }
value-kind-hint = 请检查值的类型：文字、数，还是列表（`- 项` 各行）
content-format-hint = 请检查缩进和引号；见 README.md 的“Content format”一节
stray-field = { $message }：这里有一个 `{ $field }`，但按它的缩进，它不在 { $within } 里
stray-within = { $path ->
        [none] 本版
       *[other] `{ $path }`
    }
stray-indent-hint = 请把它缩进到第 { $column } 列，与 `{ $path }` 的其他键对齐
stray-line-up-hint = 请与它所属的那些键对齐

## Preflight (src/preflight): the report
preflight-clean = 印前检查通过
preflight-counts = 印前检查：{ $errors } 个错误，{ $warnings } 个警告
photos-heading = 图片（嵌入的像素；整幅图的排入尺寸，裁切后只显示其中一部分，显示的尺寸见组版说明；分辨率）：
resampled-from = （由 { $width } × { $height } 重采样）
report-spread = { $page }：第 { $left }、{ $right } 版跨版，一张大样{ $overflow ->
        [0] {""}
       *[other] ，另有 { $overflow } 页溢出
    }，{ $summary }
report-pages = { $page }：{ $pages } 页，{ $summary }

## Preflight: overset, underset, holes
lines = { $n } 行
clause = { $first }；{ $second }
overset = { $story } 超版：{ $chars ->
        [0] { $lines }（不是正文）排不下
       *[other] { $lines }共 { $chars } 个字排不下
    }
overset-in-all = 总共 { $lines }、{ $chars } 个字
overset-follows = 它排在 { $story } 之后，那里删短了它就能排回来
overset-cut-before = 从 { $story } 及其前面的文字中删去 { $lines }（约 { $chars } 个字）：{ $story } 本身只排了 { $has }（{ $has_chars } 个字）
overset-cut = 从 { $story } 删去 { $lines }（{ $about ->
        [yes] 约{" "}
       *[no] {""}
    }{ $chars } 个字）
overset-at-least = （这样删一定排得下；栏脚还空着 { $lines }，删去 { $at_least }、{ $fewest } 个字也可能够，再少就排不下）
overset-drop-photo = ，或去掉图片 { $file }（{ $path }，第 { $line } 行：{ $lines }）
overset-cut-more = ，再删去 { $lines }
underset-whole = 第 { $column } 栏（共 { $count } 栏）是空的：{ $lines }
underset-foot = 第 { $column } 栏（共 { $count } 栏）{ $after ->
        [none] {""}
       *[other] 在 { $after } 之后
    }栏脚空着 { $lines }
# $alone（只有正文一种补法）：中文在“就能填满”前照样用逗号。
underset-total = { $what }；{ $total ->
        [0] {""}
       *[other] 正文区 { $count } × { $lines }中共有 { $total } 行空着；
    }这一栏再加约 { $chars } 字正文{ $taller ->
        [yes] ，或把栏中图片放高 { $height } 毫米
       *[no] {""}
    }{ $photo ->
        [yes] ，或加一张连图说 { $width } × { $height } 毫米的图片
       *[no] {""}
    }{ $alone ->
        [yes] {""}
       *[no] {""}
    }，就能填满
hole-bare = 第 { $column } 栏（共 { $count } 栏）起点之上空着 { $lines }，在导语旁留下 { $width } 毫米宽的一块空白，什么也没有排：把导语图片对齐栏线，或在旁边排导语文字，就能填上
hole = 第 { $column } 栏（共 { $count } 栏）{ $under ->
        [none] 栏中
       *[other] 在 { $under } 下面
    }空着 { $lines }，试过的组版都填不满：在那里放一张更高或更宽的图片，或多加些文字，就能填上

## Preflight: the other findings
photo-above-head = { $story } 的图片排在第 { $column } 栏栏首，比它在第 { $head } 栏的小标题还高：读来像旁边文字的配图，而不是本节的。试过的组版都没能把它排到小标题之下；在小标题之前增删几行文字，或把图片裁矮些，或许可以
low-head = { $story } 的小标题落在第 { $column } 栏底部，下面只有 { $lines }正文就转到第 { $next } 栏：小标题下至少要留 { $keep } 行，否则读来与本文脱节。试过的组版都没能把它排高；在它之前增删几行文字，或能把它排高
heads-side-by-side = { $left } 和 { $right } 的小标题并排在第 { $column }、{ $next } 栏，{ $shared ->
        [0] 首尾相接
       *[other] 有 { $lines } 在同一高度
    }（撞题）：读者的视线会从一个标题跑进另一个。试过的组版都没能把它们错开；{ $mover ->
        [none] 两个标题都在栏首，在它们之前增删几行文字并不能让它们移动：把某一节的文字或图片大幅增减，或许可以
       *[other] 在 { $mover } 之前增删约 { $move_by }文字，就能让它的标题错开
    }
news-heads-side-by-side = { $left } 和 { $right } 的标题从第 { $from } 行起并排（撞题）：读者的视线会从一个标题跑进另一个。试过的拼版都没能把它们错开；给它们上方的稿件增删几行，或用 `pin:` 固定其中一篇的位置，就能错开
past-edge = { $story }：有一行超出{ $within ->
        [column] 栏
       *[type-area] 版心
    }边缘 { $mm } 毫米，那里的字读不到；是一个比行宽还长的词（粘贴的链接？）或一个固定宽度的框：请断开或缩短它
colour-over-limit = 颜色 { $cmyk } 的油墨总量是 { $total }%，超过本报上限 { $limit }%（`ink-limit`）
rich-black-text = { $size } 磅的文字用了四色黑（{ $cmyk }）：{ $min } 磅以下的黑色只能用单黑 K（`rich-black-min-size`）
rgb-for-press = 付印的版面上有 RGB 颜色：请在 layout/style.typ 中写成 cmyk(…)
colour-where = { $problem }；本版共 { $count } 处，第一处在第 { $page } 页 { $x } × { $y } 毫米处
display-runs = { $what ->
        [credits] 栏目和编辑署名（{ $chars } 个字）
        [paper] 报名（{ $chars } 个字）和日期
       *[its] 它的 { $chars } 个字
    }在 { $size } 磅时排出 { $natural } 磅长，而只容得下 { $available } 磅
display-headline = 标题在版心中排不成一行：{ $runs }；即使缩到允许的最小字号 { $min } 磅（原字号的 { $percent }%），仍有 { $smallest_run } 磅长；请把标题缩短到约 { $fits } 个字（{ $size } 磅时可排 { $fits_full } 个字），或把一个短语移到引题或副题
display-folio-credits = 报眉排不成一行：{ $runs }，旁边还有版次；请缩短到约 { $fits } 个字（少署几个名，或署得短些）：报眉从不换行
display-folio-paper = 报眉排不成一行：{ $runs }，旁边还有版次；请把报名缩短到约 { $fits } 个字：报眉从不换行
display-subtitle = 副题排不成一行：{ $runs }；请把副题缩短到约 { $fits } 个字，或把一部分移到导语
display-byline = 署名排不成一行：{ $runs }；请把署名缩短到约 { $fits } 个字（少几个名字，或用短一些的前缀）
display-other = { $field } 排不成一行：{ $runs }；请把 { $field } 缩短到约 { $fits } 个字
head-breaks-in-phrase = { $story }：标题在“{ $phrase }”中间转行（排成“{ $set }”），可能把一个词拆开：这一段里没有标明可以断行的地方；请在可以转行的词与词之间加一个空格（转行处的空格不会印出），或把标题缩短到一行
glyph-borrowed = 会借用 { $font } 的字形
glyph-nowhere = 没有哪款字体有它：印出来会是一个空框
glyph-missing = { $story }：{ $family }（{ $role }）没有“{ $char }” U+{ $code } 的字形（{ $count } 处）；{ $outcome }。请换一个字，或加一款有这个字的字体

## Preflight: Latin text
loose-line = { $story }：有松行{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }，词距宽 { $worst } em（本报允许 { $allowed }）；请改写段中一两个词，让它断得好些
hyphen-ladder = { $story }：连续 { $worst } 行以连字符结尾{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }（本报允许 { $allowed }）；请改写一两个词，让段落在别处断行
straight-quote = { $story }：该用弯引号的地方印了直引号（" 或 '）{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }；请写 “ ” ‘ ’（撇号是 ’）
orphan = { $story }：段落的第一行孤零零地落在栏脚{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }（孤行）；请在它上面删去或加上一行
widow = { $story }：段落的最后一行孤零零地落在栏头{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }（寡行）；请在它上面删去或加上一行
short-last-line = { $story }：段落最后一行只有一个断词的后半截{ $count ->
        [1] {""}
       *[other] （{ $count } 处）
    }；请改写最后几行中的一两个词

## Preflight: make-up and photos
pin-unkept = { $id } 的 pin 无法照办：{ $width ->
        [0] 从第 { $column } 栏到版边只剩 { $room } 栏，而它的版块要占 { $widths } 栏
       *[other] 它的版块可占 { $widths } 栏，不能是 { $width } 栏{ $column ->
            [0] {""}
           *[other] （从第 { $column } 栏起只剩 { $room } 栏）
        }
    }；本版已按没有 pin 拼版：请给 pin 一个它能占的栏宽和栏位，或删掉 pin
left-out = { $id } 在本版找不到位置：{ $empty ->
        [0] 本版已排的稿件已把版面占满
       *[other] 本版已排的稿件留下的空当放不下它（共 { $empty } 行栏位空着，零散得放不下它）
    }。它最小要占 { $columns } 栏 × { $lines } 行，约合正文 { $chars } 字；请从本版已排的稿件或它自己删去这么多，或把它移到别的版面
page-not-filled-away = ；本版单独生成时缺少 { $stories } 的转版续文，它本应占去其中一部分：请生成整期报纸，再看还空多少
page-not-filled = 稿件填不满版面：栏脚共空着 { $lines } 行；请加一篇稿件或一张图片，或把某篇加长
page-not-filled-here = 稿件填不满版面：栏脚共空着 { $lines } 行，最多在第 { $width ->
        [1] { $first } 栏（空 { $depth } 行）
       *[other] { $first }–{ $last } 栏（各空 { $depth } 行）
    }；再加约 { $chars } 字正文，或在那里放一张 { $width } 栏宽、连图说共 { $depth } 行高的图片，就能填满
page-not-filled-text = 稿件填不满版面：栏脚共空着 { $lines } 行，最多在第 { $width ->
        [1] { $first } 栏（空 { $depth } 行）
       *[other] { $first }–{ $last } 栏（各空 { $depth } 行）
    }；再加约 { $chars } 字正文就能填满
page-not-filled-also = ；另外第 { $width ->
        [1] { $first } 栏空着 { $depth } 行
       *[other] { $first }–{ $last } 栏各空着 { $depth } 行
    }，放一张 { $width } 栏宽、连图说共 { $depth } 行高的图片或一篇稿件就能填满
photo-coarse = { $story }：图片 { $file } 按排出的尺寸只有 { $ppi } ppi（{ $width } × { $height } 像素排成 { $mm_wide } × { $mm_high } 毫米）；新闻纸需要 { $needed } ppi：请换用至少 { $need_wide } × { $need_high } 像素的原图，或撤下这张图片

## Builds (src/build, src/output)
build-summary = { $pages } 页，{ $warnings } 个 typst 警告，{ $preflight }
build-summary-spread = 第 { $left }、{ $right } 版跨版，一张大样{ $overflow ->
        [0] {""}
       *[other] ，另有 { $overflow } 页溢出
    }，{ $warnings } 个 typst 警告，{ $preflight }
ink-line = 油墨：最大 { $max }%（上限 { $limit }%），在第 { $page } 页，距成品左边 { $left } 毫米、上边 { $top } 毫米
ink-over-area = ；{ $mm2 } 平方毫米超过上限
ink-unmeasured = ；未测量：{ $what }
unmeasured-turned = 旋转或镜像的图片按每格中心的像素测量
unmeasured-vector = 矢量图（SVG 或 PDF）不测量
unmeasured-gradient = 没有色标的渐变不测量
unmeasured-tiling = 图案填充不测量

## Outputs that would cost an input (src/output/guard)
refuse-extension = 拒绝把 { $format } 写到 { $path }：文件名必须以 .{ $extension } 结尾
refuse-inputs = 拒绝写入 { $path }：它在 { $folder } 中，那里放着生成本版所用的模板或字体
refuse-folder = 拒绝写入 { $path }：它是文件夹；请给出文件名
refuse-input = 拒绝写入 { $path }：它是生成本版所用的文件（{ $real }），写入会毁掉它
refuse-special = 拒绝写入 { $path }：它不是普通文件
refuse-not-ours = 拒绝写入 { $path }：它已存在，而且不是 { $format } 文件；banmian 只替换自己生成的文件（请把它移走，或换一个文件名）
photo-damaged = 图片 `{ $file }` 已损坏（原文：{ $error }）
photo-damaged-hint = 请从原图重新导出，或换一张

## Command lines (src/commands, src/cli)
format-contradicts = --format { $asked } 与输出文件的扩展名（{ $named }）矛盾
option-problem = { $option }：{ $message }
unknown-pdf-standard = 没有 `{ $name }` 这种 PDF 标准（可用 x-4、1.7、2.0、a-2b、a-3b、ua-1）
pdfx-combined = PDF 标准 { $names }：x-4（PDF 1.6，CMYK，付印用）不能与 { $other } 同时使用；请分别生成
pdf-standards-bad = PDF 标准 { $names }：{ $error }
usage-unknown-argument = 没有 `{ $arg }` 这个选项或参数
usage-did-you-mean = 是不是 `{ $suggested }`？
usage-invalid-value = `{ $value }` 不是 `{ $arg }` 可以取的值
usage-no-value = `{ $arg }` 需要一个值，却没有给出
usage-possible-values = 可以取的值：{ $values }
usage-not-in-range = { $value } 不在 { $from } 到 { $to } 之间
usage-unknown-command = 没有 `{ $command }` 这个命令
usage-missing = 缺少必需的参数：{ $args }
usage-conflict = `{ $arg }` 不能与 { $prior } 同时使用
usage-too-many = `{ $arg }` 多出了一个值 `{ $value }`
usage-line = 用法：`{ $usage }`
usage-more = 更多说明请用 `--help`
usage-langs = banmian 只会说 en（英文）和 zh-CN（中文）

## The live proof in the browser (src/desk/serve)
serve-title = banmian 版面 · 校样
serve-connecting = 正在连接…
serve-findings = 检查结果
serve-changes = 改动
serve-changes-title = 与上一次生成相比：改动的行用红框标出，移动的块用轮廓标出
serve-ink = 油墨
serve-ink-title = 印版上的油墨：越深油墨越多，超过本报上限的是红色
serve-since = 对比
serve-previous-build = 上一次生成
serve-keep = 存为校次…
serve-keep-title = 把这份校样存为一个有名字的校次（一校、二校……），以后的校样可以与它对比
serve-zoom = 缩放
serve-broken = 下面是最近一次成功生成的校样；改好并保存后它会更新。
serve-findings-heading = 检查结果
serve-source-heading = 来源
serve-source-hint = 点一行文字或一张图片，看它在 YAML 中的位置。
serve-page = 第 { $page } 页
serve-page-overset = 第 { $page } 页：超版的文字，在版面之外
serve-round = 校次 { $name }
serve-nothing-here = 这里没有来自 YAML 的内容。
serve-source-at = { $what } 位于 { $at }
serve-build-failed = 第 { $build } 次生成失败，用时 { $seconds } 秒
serve-build-done = 第 { $build } 次生成，用时 { $seconds } 秒：{ $summary }
serve-building = 正在生成…
serve-disconnected = 连接已断开；正在重新连接…
serve-keep-prompt = 把这份校样存为校次（如 一校）：
serve-token-needed = 这份校样要凭令牌查看：请打开 banmian serve 启动时显示的网址
serve-remote-edit-off = 不允许从别的机器编辑（要允许，请用 banmian serve --allow-remote-edit）
serve-no-proof = 还没有校样

## banmian serve on the terminal and its editor (src/desk/serve)
editor-empty = --editor 是空的；例如 --editor 'code -g {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}'
editor-no-file = --editor `{ $command }` 中没有 {"{"}file{"}"}；例如 --editor 'code -g {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}'
editor-cannot-read = 无法读取 { $file }：{ $error }
editor-no-line = { $file } 没有第 { $line } 行（只有第 1 到 { $lines } 行）
editor-no-column = { $file } 第 { $line } 行没有第 { $column } 列（只有第 1 到 { $columns } 列）
editor-none = 没有设编辑器：请用 --editor '命令 {"{"}file{"}"}:{"{"}line{"}"}:{"{"}col{"}"}' 启动 banmian serve
editor-cannot-run = 无法运行编辑器 `{ $editor }`：{ $error }
editor-opened = 已打开 { $file }:{ $line }:{ $column }
kept-round = 已把校次 { $name } 存入 { $path }
warning-line = 警告: { $message }
error-line = 错误: { $message }
serve-failed-after = 失败，用时 { $seconds } 秒；浏览器保留最近一次成功的校样
serve-stopped = 错误: { $error }；不再重新生成：请重启 banmian serve
cannot-listen = 无法在 { $address } 上监听：{ $error }；请换一个 --port
serving-beyond = 警告: 正在 { $host } 上提供服务（不只本机）：谁有下面的网址（含令牌）谁就能看校样{ $edit ->
        [yes] ，在版面的某一行打开你的编辑器，并保存校次
       *[no] ；打开编辑器和保存校次仍只限本机（--allow-remote-edit）
    }
serving = 正在提供 { $page } 的校样：{ $url }（按 Ctrl-C 停止）
proof-built = 第 { $build } 次校样，用时 { $seconds } 秒：{ $summary }

## watch (src/commands/watch, watch_issue)
watch-plate-refused = -o { $asked }：这是 `banmian build` 为本版生成的付印 PDF；watch 只生成校样，不能替换它。请不用 -o（校样写到 { $proof }），或换一个文件名
watching-files = 监视文件出错：{ $error }
watching-issue = 正在监视 { $issue }（{ $pages } 个版面）→ 校样写到 { $folder }/（按 Ctrl-C 停止）
issue-not-reloaded = { $issue } 没有重新读入；仍按原来的版面监视
page-left-issue = { $page } 已不在这期报纸里：不再监视（{ $outputs } 保持原样）

## Fonts (src/engine/fonts, src/commands/fonts)
font-skipped = 警告: 跳过字体 { $file }：{ $problem }
font-no-face = 读不出任何字面（已损坏，或不是字体）
font-style = { $weight ->
        [bold] 粗体
        [light] 细体
       *[regular] 常规
    }（{ $number }）{ $style ->
        [italic] ，意大利体
        [oblique] ，倾斜体
       *[normal] {""}
    }{ $stretch ->
        [normal] {""}
       *[other] ，宽 { $stretch }%
    }

## Proof rounds (src/desk/redline/rounds)
round-name-bad = `{ $name }` 不能作校次名：{ $why ->
        [empty] 它是空的
        [long] 它超过 { $max } 个字符
        [space] 它以空格开头或结尾
        [dot] 它以点开头
        [path] 它含有文件名里不能有的 `{ $char }`
        [control] 它含有 U+{ $code }，是控制字符
        [bidi] 它含有 U+{ $code }，是会改变周围文字顺序的双向控制符
       *[invisible] 它含有 U+{ $code }，是不可见字符
    }（校次名最多 { $max } 个可打印字符，如 一校）
round-kept-already = 校次 `{ $name }` 已经存过了（{ $path }）；请换一个名字
round-cannot-keep = 无法把校次 `{ $name }` 存入 { $path }：{ $error }
round-none = 没有校次 `{ $name }`（{ $path }：{ $error }）；已存的校次：{ $kept ->
        [none] 无
       *[other] { $kept }
    }
round-not-ours = { $path }：不是 banmian 存下的校次：{ $error }

## New pages (src/desk/scaffold)
new-no-template = { $folder } 中没有模板 `{ $template }`；有这些模板：{ $known }
new-outside = { $issue } 在项目 { $root } 之外
new-exists = { $folder } 已经存在；banmian 从不覆盖版面（请换一个名字）
init-exists = { $root } 已经是项目（有 layout/）；banmian init 从不覆盖项目：请用 banmian new 名称 新建版面
init-no-fonts = --fonts { $folder }：那里没有字体文件（.ttf、.otf、.ttc、.otc）；请指定存放本报字体的文件夹，或去掉 --fonts，稍后再放入 fonts/
new-no-manifest = 模板 `{ $template }` 没有可读的清单：{ $errors }
new-breaks-issue = 新版面放在那里，{ $issue } 就生成不了，所以两者都没有改动：
new-breaks-issue-hint = 请换一个 --page（插在通版之前的版面会把通版挪到单数版），或不用 --page，把版面加在最后
new-bad-slug = `{ $slug }` 不能作版面名：请用小写字母、数字和连字符（如 2024-05-01-a8）

## The press profile and the project's files (src/engine)
icc-unreadable = 无法读取印刷特性文件 { $path }：{ $error }；请指定一个 ICC 文件（--icc FILE，或 layout/style.typ 中的 `press-profile`）
icc-not-icc = 不是 ICC 特性文件（读不出来）
icc-not-cmyk-output = 不是 CMYK 输出（印刷）特性文件：它是{ $space ->
        [rgb] RGB
        [grey] 灰度
        [cmyk] CMYK
        [lab] Lab
        [xyz] XYZ
       *[other] 其他色彩空间
    }的{ $class ->
        [input] 输入（扫描仪或相机）
        [display] 显示（显示器）
        [output] 输出（打印机）
        [link] 设备链接
        [abstract] 抽象
        [space] 色彩空间
        [named] 专色
       *[other] 其他
    }特性文件；印刷需要它的 CMYK 印刷条件的特性文件（如印厂的新闻纸或铜版纸特性文件）
icc-no-table = 这个特性文件不能把颜色转换到印刷（它没有转向 CMYK 的表）
icc-no-such-file = 无法读取印刷特性文件 { $path }：没有这个文件
icc-house = layout/style.typ 中的 `press-profile`：{ $why }（在 layout/ 中查找这个文件）
no-packages = 不能用 typst 包：请把模板放在 layout/ 中
resolves-outside = { $path } 指向项目根目录 { $root } 之外

## Steps under --verbose, and the rest of build and check
step-project = 项目 { $root }
step-read = 已读入 { $file }：模板 { $template }，{ $photos } 张图片
step-laid-out = 排版完成：{ $summary }
step-wrote = 已写入 { $file }（{ $bytes } 字节）
stdin-unreadable = 无法从标准输入读取版面：{ $error }
warning-typst = 警告: typst：{ $message }
warning-ink-unmeasured = 警告: 油墨未测量：{ $what }
watch-setup-failed = 无法开始监视文件（{ $error }）
watch-failed = 无法监视 { $path }（{ $error }）
watch-files-failed = 监视文件失败（{ $error }）
photo-not-separated = 图片 `{ $file }` 无法为印刷分色为 CMYK：{ $error }
and-more = ……另外还有 { $n } 处错误（改好这些后再检查，或用 `check --format json` 看全部）

## The make-up in words (src/makeup/explain, src/makeup/news/explain)
makeup-body = 正文：{ $stacks } 栏，栏宽 { $width } 毫米，排到第 { $foot } 行{ $end }
makeup-every-line-used = ，每行都用上了
makeup-lines-empty = ，空着 { $n } 行
makeup-lines-overset = ，超版 { $n } 行
makeup-lead-stepped = 导语：分 { $columns } 栏，栏宽 { $width } 毫米，排在图片旁；导语下的栏从第 { $text } 行起，图片下的栏从第 { $photo } 行起
makeup-lead-level = 导语：分 { $columns } 栏，栏宽 { $width } 毫米，排在图片旁，导语区高 { $lines } 行
makeup-lead-photo-only = 导语区：无导语文字，题图单独置于正文顶部（连图说 { $photo } 行），旁边各栏自标题下起排
makeup-lead-across = 导语：分 { $columns } 栏，栏宽 { $width } 毫米，通栏，高 { $lines } 行
makeup-lead-step = { $lead }；导语第 { $column } 栏下的各栏从第 { $line } 行起，紧接导语
makeup-photo = 图片 { $name }：{ $place }，{ $width } × { $height } 毫米（{ $lines } 行），{ $crop }
makeup-beside-lead = 在导语旁
makeup-in-stack = 在本节所在栏中
makeup-across-stacks = 跨第 { $first }–{ $last } 栏，从第 { $line } 行起
makeup-band = { $n ->
        [1] 通栏排在各栏之下
       *[other] 通栏并排排在各栏之下（共 { $n } 张）
    }
makeup-loose = 为排满版面拉行（字距略放宽，各多占一行）的段落，按“节.段”标出（2.4 即第 2 节第 4 段）：{ $which }
makeup-air = 为排满版面，标题区加空 { $lines } 行（标题上方、署名下方），正文随之下移
makeup-head-air = 为排满版面，各小标题区一律加高 { $lines } 行
makeup-uncropped = 未裁切
makeup-cut-across = 左右裁去 { $across }%
makeup-cut-down = 上下裁去 { $down }%
makeup-cut-both = 左右裁去 { $across }%，上下裁去 { $down }%
news-makeup = 消息版组版：{ $stories } 篇稿件按块排在 { $columns } 栏 × { $lines } 行上，按重要程度从左上排起
news-left-out = { $story }：排在前面的稿件之后版面上已无位置；它至少需要 { $columns } × { $lines }（栏 × 行）
news-empty-foot = 栏脚空着 { $lines } 行：稿件太短，排不满版面
news-role = { $role ->
        [briefs] 简讯栏
        [photo] 图片新闻
        [lead] 头条
        [second] 二条
       *[other] 第 { $rank } 条
    }
news-module = { $story }（{ $role }）：第 { $first }–{ $last } 栏，第 { $top }–{ $bottom } 行（{ $width } × { $height }）
news-headline = 标题 { $size } 磅，{ $lines } 行
news-legs = { $legs } 腿，每腿 { $columns } 栏 × { $lines } 行{ $empty ->
        [0] {""}
       *[other] （栏脚空 { $empty } 行）
    }
news-photo = 图片 { $n } { $place ->
        [across] 横跨全块
        [corner] { $legs ->
            [1] 压在最后一腿上，这一腿从图下起排
           *[other] 压在后 { $legs } 腿上，这几腿从图下起排
        }
       *[leg] 在一腿中
    }，{ $lines } 行，裁去 { $cut }%
news-turn = 拐角排：标题与前几腿在第 { $headed ->
        [1] { $start }
       *[other] { $start }–{ $last }
    } 栏，其余几腿拐到邻稿下方，排在第 { $turned ->
        [1] { $first }
       *[other] { $first }–{ $end }
    } 栏、自第 { $line } 行起
news-jump = 第 { $paragraph } 段第 { $line } 行后转版：{ $lines } 行转至第 { $to } 版
list-separator = ，
