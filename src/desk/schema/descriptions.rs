//! The schema's descriptions, in Chinese for the desk: what an editor's hover shows.

/// Descriptions for the desk, by type (`Page`) and field (`Page.headline`). Every type and
/// field of the schema must have one, and every entry must name one (tested).
pub const DESCRIPTIONS: &[(&str, &str)] = &[
    ("Page", "一个版面：刊头、标题、导语、各部分正文与图片。"),
    (
        "Page.template",
        "版式模板名（layout/templates/ 下的文件名，不带 .typ），默认 feature（专题版）。",
    ),
    ("Page.folio", "刊头：报名、日期、版次、版名、责任编辑。"),
    (
        "Page.lang",
        "本版的语言（BCP 47 语言标记，如 zh、zh-Hant、en、en-GB），也是各部分、各稿件的默认语言；不写则按本报的语言（中文），正文多为拉丁字母时按英文排并提示。拉丁字母语言按西文版式排（西文字体、断词、弯引号、首行缩进一个字宽）。",
    ),
    (
        "Page.spread",
        "通版：本版（双数版，左页）与下一版（右页）合排为一个跨版，可省略。",
    ),
    ("Page.kicker", "引题（主标题上方的一行），可省略。"),
    (
        "Page.headline",
        "主标题（专题版）。词组之间用一个空格分开；排成一行，过长时按比例缩小，最小到 60%。",
    ),
    (
        "Page.stories",
        "本版各篇稿件（消息版）：按重要性排列，头条在前；版式自动组成块状版面。",
    ),
    ("Page.briefs", "简讯栏（消息版），可省略。"),
    (
        "Story",
        "一篇稿件：引题、主题、副题、署名、电头、正文和图片。",
    ),
    (
        "Story.id",
        "稿件标识（小写字母、数字和连字符），检查报告用它称呼本稿；默认 story-序号。",
    ),
    (
        "Story.priority",
        "重要性：1 为头条，2 为二条，依次类推；不写的按出现顺序排在有序号的稿件之后。",
    ),
    (
        "Story.kind",
        "story（默认，消息）或 photo（图片新闻：图片通栏，配简短文字）。",
    ),
    (
        "Story.lang",
        "本稿的语言（BCP 47 语言标记，如 en），与本版不同时填写；不写则随本版，正文多为拉丁字母时按英文排。",
    ),
    ("Story.kicker", "引题，可省略。"),
    ("Story.headline", "主题（本稿标题）。"),
    ("Story.subtitle", "副题，可省略。"),
    ("Story.byline", "署名，可省略。"),
    (
        "Story.dateline",
        "电头，如“本报讯”或“新华社北京9月28日电”，排在正文开头，可省略。",
    ),
    (
        "Story.body",
        "正文。段与段之间空一行；段内换行会被连接（汉字之间不加空格）。",
    ),
    ("Story.photos", "本稿图片，可省略。"),
    (
        "Story.pin",
        "固定位置：从第几栏开始（column，1 为最左）、占几栏（width）；自动组版在其周围排其他稿件。",
    ),
    ("Story.frame", "box（加框）或 tint（底纹），可省略。"),
    ("Pin", "稿件的固定位置。"),
    ("Pin.column", "起始栏，1 为最左一栏。"),
    ("Pin.width", "所占栏数（基本栏）。"),
    ("Briefs", "简讯栏：栏题和若干条简讯。"),
    ("Briefs.title", "栏题，默认“简讯”。"),
    ("Briefs.items", "各条简讯，按顺序排列。"),
    ("Brief", "一条简讯：标题和正文。"),
    ("Brief.headline", "简讯标题，排在正文前，加粗。"),
    ("Brief.body", "简讯正文。"),
    ("Page.subtitle", "副题，如“——……”，可省略。"),
    ("Page.byline", "署名：如“本报记者 某某”，可省略。"),
    ("Page.lead", "导语。段与段之间空一行；可省略。"),
    ("Page.lead_photo", "导语旁的图片，可省略。"),
    (
        "Page.sections",
        "正文各部分（带序号的小标题和正文），按顺序排列。",
    ),
    (
        "Page.credit",
        "整版图片署名，如“（本版图片均由……提供）”，可省略。",
    ),
    (
        "Folio",
        "刊头：报名、日期、版次，以及可选的版名和责任编辑。",
    ),
    (
        "Folio.paper",
        "报名，如“示例日报”；作为一期报纸的一版时取自期文件（issue.yaml），可省略。",
    ),
    (
        "Folio.date",
        "出版日期，格式 YYYY-MM-DD（如 2021-09-28）；PDF 的日期也取自这里；属于一期报纸时取自期文件，可省略。",
    ),
    (
        "Folio.page",
        "版次（第几版），正整数；属于一期报纸时按其在期文件中的位置编排，可省略。",
    ),
    ("Folio.section", "版名，如“专题”，可省略。"),
    (
        "Folio.editors",
        "责任编辑等人员，如 [责任编辑 某某]，可省略。",
    ),
    ("Byline", "署名：身份标签和姓名。"),
    ("Byline.label", "身份标签，如“本报记者”，可省略。"),
    (
        "Byline.names",
        "姓名列表；照常输入，两字姓名的间距由版式处理。",
    ),
    ("Section", "正文的一个部分：序号、小标题、正文和图片。"),
    (
        "Section.id",
        "本部分的稿件标识（小写字母、数字和连字符），检查报告用它称呼本部分；默认 section-序号。",
    ),
    (
        "Section.number",
        "部分序号（1、2、3……），在本版内不得重复。",
    ),
    (
        "Section.head",
        "小标题的各个词组，排版时以空格隔开，如 [第一句, 第二句]。",
    ),
    (
        "Section.body",
        "正文。段与段之间空一行；段内换行会被连接（汉字之间不加空格）。",
    ),
    ("Section.photos", "本部分的图片，可省略。"),
    (
        "Section.lang",
        "本部分的语言（BCP 47 语言标记，如 en），与本版不同时填写；不写则随本版，正文多为拉丁字母时按英文排。",
    ),
    ("Photo", "一张图片及其说明。"),
    (
        "Photo.file",
        "图片文件，相对于本 YAML 文件的路径；JPEG 或 PNG。",
    ),
    ("Photo.caption", "图片说明。"),
    ("Photo.credit", "本图署名，如“（张三 摄）”，可省略。"),
    (
        "Photo.focus",
        "裁切时保留的部位：center、top、bottom、left、right 或 top-left 等四角；竖图默认保留上部，其余默认居中。",
    ),
    (
        "Photo.crop",
        "裁切最多可去掉图片宽或高的百分之几（默认按本报规范 10，最多 50）。",
    ),
    (
        "Photo.span",
        "锁定图片宽度（占几个基本栏），按原比例排，不裁切（消息版），可省略。",
    ),
    (
        "Issue",
        "一期报纸：报名、日期、期号，以及按版次排列的各版文件。",
    ),
    ("Issue.paper", "报名，如“示例日报”；各版的刊头都取自这里。"),
    (
        "Issue.date",
        "出版日期，格式 YYYY-MM-DD（如 2021-09-28）；各版的日期都取自这里。",
    ),
    (
        "Issue.edition",
        "期号，如“第 1234 期”，印在各版刊头上，可省略。",
    ),
    ("Issue.pages", "本期各版，按版次顺序排列。"),
    ("IssuePage", "本期的一版：版面文件，及可选的版次和通版。"),
    (
        "IssuePage.file",
        "版面文件（page.yaml），相对于本期文件的路径。",
    ),
    (
        "IssuePage.page",
        "版次；不写的比上一版多一（第一版为 1），后面各版依次顺延，可省略。",
    ),
    (
        "IssuePage.spread",
        "通版：本版与下一版合排为一个跨版（版面文件里也写 spread: true），可省略。",
    ),
    (
        "Issue.jumps",
        "转版：在某一版开头、转到后面某一版接续的稿件；正文只写在起始版的文件里，可省略。",
    ),
    (
        "JumpEntry",
        "一篇转版稿件：稿件 id、起始版和接续版的版面文件，及可选的转版标题。",
    ),
    ("JumpEntry.story", "稿件在起始版上的 id。"),
    ("JumpEntry.from", "稿件起始的版面文件，按 pages 中的写法。"),
    (
        "JumpEntry.to",
        "接续刊登余下正文的后面一版的版面文件，按 pages 中的写法。",
    ),
    (
        "JumpEntry.head",
        "接续部分的简短标题（转版标题）；不写则用原标题，可省略。",
    ),
];
