## Labels of the error printer.
error = 错误
warning = 警告
hint = 提示

## Why a command produced nothing (banmian::failure).
ink-over = { $found }：超过本报油墨总量上限（layout/style.typ 中的 `ink-limit`）；请减淡颜色，或检查 layout/style.typ 的配色
strict-refused = 拒绝生成：--strict 把警告当作错误，而本版有 { $n } 条警告：
cannot-write = 无法写入 { $path }：{ $error }
no-project = { $page } 的上级目录中没有 layout/templates/ 文件夹；请在项目文件夹中运行 banmian，或用 --root 指定
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
issue-output-is-a-file = -o { $dir }：一期报纸写入一个文件夹，每版一个文件；请给出文件夹（要合订成一个 PDF 请用 --combined FILE.pdf）
made-page = 已新建 { $page }（模板 { $template }）和 { $schema }
made-page-next = 编辑它，然后：banmian serve { $page }（实时校样）或 banmian build { $page }
schema-no-project = --template { $name }：这里不是项目（上级目录中没有 layout/templates/）；请在项目中运行，或用 --root 指定
schema-no-template = --template { $name }：没有这个模板；本项目的模板：{ $known }
serve-an-issue = { $page } 是一期报纸：serve 只接受一个版面（请预览正在编辑的版面；整期用 `banmian build` 生成）
watching = 正在监视 { $page } → { $output }（校样；按 Ctrl-C 停止）
fonts-changed = 字体有变化：重新扫描了 { $faces } 个字面
rebuilt = 已重新生成 { $output }，用时 { $seconds } 秒：{ $summary }
rebuild-failed = 失败，用时 { $seconds } 秒；{ $output } 未改动
diff-pages = 请给出 OLD.yaml NEW.yaml，或 --since ROUND NEW.yaml
diff-wrote = 已写入 { $files }：{ $changed } 行改动以红框标出，{ $moved } 块移动以蓝框标出
nothing-written-diff = banmian：什么也没有写入
