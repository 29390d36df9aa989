//! Seeded feature pages: the same seed always gives the same page, words and photos.
//!
//! A page's shape (sections, photos, which display lines and lead it has) is drawn first; the
//! text is then written to a share of what the page holds, from 50 % to 130 %. What a page
//! holds is estimated in body lines (27 characters of 9 pt in a 243 pt stack): four stacks
//! under the head bands, less the section heads, photos with their captions and the credit.
//! The estimate was calibrated by building pages (see `HOLDS`).
//!
//! Photos are flat gradients (cheap to encode and decode) drawn from a pool of named sizes, so
//! that many pages share the same files and their resampled copies: 9 aspect ratios from 3:1 to
//! 3:4 times 9 resolutions from 640 to 4,000 pixels on the long side, four copies of each.
//!
//! Plain Rust and `image` only: `examples/variants.rs` includes this file by path.

use std::fmt::Write as _;
use std::path::Path;

/// SplitMix64: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x6261_6E6D_6961_6E00)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.range(0, items.len() - 1)]
    }
}

// ---------------------------------------------------------------------------------------------
// The house numbers the estimate uses (layout/style.typ).

const PITCH: f64 = 13.0;
const TYPE_LINES: usize = 107;
const STACKS: usize = 4;
/// Body characters on one line of a stack (243 pt of 9 pt type).
pub const LINE_CHARS: usize = 27;
const STACK_PT: f64 = 243.0;
const LEAD_PHOTO_PT: f64 = 495.0;
const TYPE_WIDTH_PT: f64 = 999.0;
const HEAD_LINES: usize = 4;
/// Share of the estimated lines the text may really fill: what is lost at column feet (a head
/// or a photo that does not fit goes to the next column) and by paragraphs' last lines is in
/// the line counts already. Calibrated on pages built at 100 %: see the module docs.
const HOLDS: f64 = 0.97;

// ---------------------------------------------------------------------------------------------
// Photos.

/// Width : height, from 3:1 to 3:4.
pub const ASPECTS: [(u32, u32); 9] = [
    (3, 1),
    (5, 2),
    (2, 1),
    (16, 9),
    (3, 2),
    (4, 3),
    (1, 1),
    (4, 5),
    (3, 4),
];
/// Pixels on the long side.
pub const RESOLUTIONS: [u32; 9] = [640, 800, 1024, 1280, 1600, 2000, 2400, 3000, 4000];
/// Copies of each size in the pool (a page never uses one file twice).
pub const COPIES: usize = 4;

/// One pooled photo: a gradient of `width` × `height` pixels, unique to its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoSpec {
    pub aspect: usize,
    pub resolution: usize,
    pub copy: usize,
}

impl PhotoSpec {
    pub fn size(&self) -> (u32, u32) {
        let (a, b) = ASPECTS[self.aspect];
        let long = RESOLUTIONS[self.resolution];
        if a >= b {
            (long, (long * b / a).max(1))
        } else {
            ((long * a / b).max(1), long)
        }
    }

    pub fn name(&self) -> String {
        let (w, h) = self.size();
        format!(
            "g{}{}{}-{w}x{h}.jpg",
            self.aspect, self.resolution, self.copy
        )
    }

    /// The photo as JPEG: a diagonal gradient between two colours of its own, a darker band
    /// across the lower third (a horizon, so crops show), and a light square.
    pub fn jpeg(&self) -> Vec<u8> {
        let (w, h) = self.size();
        let mut rng = Rng::new((self.aspect * 100 + self.resolution * 10 + self.copy) as u64);
        let mut colour = || {
            [
                rng.range(30, 225) as f32,
                rng.range(30, 225) as f32,
                rng.range(30, 225) as f32,
            ]
        };
        let (a, b) = (colour(), colour());
        let (sx, sy) = (1.0 / w as f32, 1.0 / h as f32);
        let picture = image::RgbImage::from_fn(w, h, |x, y| {
            let t = 0.5 * (x as f32 * sx + y as f32 * sy);
            let mut px = [0u8; 3];
            let horizon = (y as f32 * sy - 0.66).abs() < 0.04;
            let square = (x as f32 * sx - 0.3).abs() < 0.08 && (y as f32 * sy - 0.35).abs() < 0.1;
            for (i, c) in px.iter_mut().enumerate() {
                let v = a[i] + (b[i] - a[i]) * t;
                let v = if horizon {
                    v * 0.5
                } else if square {
                    240.0
                } else {
                    v
                };
                *c = v as u8;
            }
            image::Rgb(px)
        });
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 75);
        picture
            .write_with_encoder(encoder)
            .expect("a photo encodes in memory");
        out
    }

    /// Writes the photo into `dir` unless a file of its name is there (pooled photos never
    /// change, and rewriting one would only void the resampled copies keyed by its time).
    pub fn write_into(&self, dir: &Path) -> std::io::Result<()> {
        let path = dir.join(self.name());
        if path.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(dir)?;
        let temp = dir.join(format!(".{}.tmp", self.name()));
        std::fs::write(&temp, self.jpeg())?;
        std::fs::rename(temp, path)
    }
}

// ---------------------------------------------------------------------------------------------
// Words.

const OPENERS: &[&str] = &[
    "五年来，",
    "近年来，",
    "今年以来，",
    "截至目前，",
    "与此同时，",
    "在此基础上，",
    "一方面，",
    "另一方面，",
    "此外，",
    "为此，",
    "下一步，",
    "去年以来，",
    "",
    "",
    "",
    "",
];
const SUBJECTS: &[&str] = &[
    "县委",
    "县政府",
    "县政协",
    "各级党组织",
    "广大干部群众",
    "政协委员",
    "基层党员",
    "社区工作者",
    "企业负责人",
    "农民专业合作社",
    "科技特派员",
    "志愿服务队",
    "市场监管部门",
    "各乡镇",
    "相关部门",
    "驻村工作队",
    "青年突击队",
    "专委会",
    "各民主党派",
    "文化工作者",
];
const VERBS: &[&str] = &[
    "深入推进",
    "持续加强",
    "认真落实",
    "积极探索",
    "扎实开展",
    "不断完善",
    "全面提升",
    "大力实施",
    "稳步推进",
    "着力破解",
    "统筹推进",
    "精心组织",
    "聚焦",
    "围绕",
    "主动服务",
    "广泛宣传",
    "深化",
    "健全",
    "创新",
    "优化",
];
const OBJECTS: &[&str] = &[
    "乡村振兴战略",
    "基层社会治理",
    "生态环境保护",
    "营商环境建设",
    "民生保障工作",
    "产业转型升级",
    "数字经济发展",
    "公共服务体系",
    "农村人居环境整治",
    "文化惠民工程",
    "黄河流域生态保护",
    "协商议政机制",
    "提案办理质量",
    "社情民意信息工作",
    "高标准农田建设",
    "特色产业发展",
    "职业技能培训",
    "医疗卫生服务",
    "义务教育均衡发展",
    "防汛抗旱工作",
    "安全生产责任制",
    "政务服务改革",
    "科技创新平台",
    "老旧小区改造",
];
const RESULTS: &[&str] = &[
    "取得了明显成效",
    "形成了一批可复制可推广的经验",
    "群众获得感幸福感安全感不断增强",
    "为高质量发展注入了强劲动力",
    "得到了社会各界的广泛好评",
    "有效破解了一批难点堵点问题",
    "推动各项工作迈上新台阶",
    "切实把好事办实、把实事办好",
    "凝聚起团结奋进的强大合力",
];
const QUOTED: &[&str] = &[
    "最多跑一次",
    "放管服",
    "一网通办",
    "四下基层",
    "互联网+政务服务",
    "双随机、一公开",
    "两学一做",
    "河长制",
    "三联系",
    "清单制",
];
const LATIN: &[&str] = &[
    "5G基站",
    "APP",
    "GDP",
    "PM2.5",
    "O2O",
    "VR体验馆",
    "AI",
    "Wi-Fi",
    "LED照明",
    "ETC",
];
const UNITS: &[&str] = &[
    "次", "篇", "件", "个", "场", "项", "条", "户", "人次", "亩", "万元", "公里",
];
pub const HEAD_FIRST: &[&str] = &[
    "夯实政治基础",
    "关注改善民生",
    "创新协商机制",
    "聚焦中心大局",
    "强化自身建设",
    "助力乡村振兴",
    "守护绿水青山",
    "服务发展大局",
    "凝聚各方共识",
    "深化民主监督",
    "筑牢安全底线",
    "推动产业升级",
];
pub const HEAD_SECOND: &[&str] = &[
    "书写履职尽责精彩答卷",
    "把“作业”写进群众心里",
    "为基层治理赋能",
    "画出最大同心圆",
    "让群众生活更美好",
    "奏响高质量发展强音",
    "打造过硬委员队伍",
    "建言献策显担当",
    "绘就乡村振兴新画卷",
    "守护一方碧水蓝天",
    "在服务中彰显作为",
    "跑出发展加速度",
];
pub const PLACES: &[&str] = &[
    "平罗县",
    "石嘴山市",
    "银川市",
    "黄渠桥镇",
    "宝丰镇",
    "陶乐镇",
    "城关镇",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "马", "欧阳",
];
const GIVEN: &[&str] = &[
    "鸣", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀英", "建华", "志强",
];

/// A person's name: 2 or 3 characters.
pub fn name(rng: &mut Rng) -> String {
    let mut s = rng.pick(SURNAMES).to_string();
    if s.chars().count() == 1 && rng.chance(0.3) {
        s.push_str(rng.pick(GIVEN));
        s = s.chars().take(3).collect();
    } else {
        s.push_str(rng.pick(GIVEN));
    }
    s.chars().take(3).collect()
}

/// A count: 42篇, 270余条, 95.8%, 1.2亿元.
fn count(rng: &mut Rng) -> String {
    match rng.range(0, 3) {
        0 => format!("{}.{}%", rng.range(1, 99), rng.range(0, 9)),
        1 => format!("{}.{}亿元", rng.range(1, 60), rng.range(1, 9)),
        2 => format!("{}{}", rng.range(2, 900), rng.pick(UNITS)),
        _ => format!("{}余{}", rng.range(2, 90) * 10, rng.pick(UNITS)),
    }
}

/// One clause: verb and object, sometimes a figure, a quotation, a list or a Latin word.
fn clause(rng: &mut Rng) -> String {
    let mut s = String::new();
    match rng.range(0, 9) {
        0 => write!(s, "{}“{}”", rng.pick(VERBS), rng.pick(QUOTED)).unwrap(),
        1 => write!(
            s,
            "共{}{}",
            rng.pick(&["开展", "收集", "提出", "办结", "建成"]),
            count(rng)
        )
        .unwrap(),
        2 => write!(
            s,
            "{}{}、{}、{}等工作",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(OBJECTS),
            rng.pick(OBJECTS)
        )
        .unwrap(),
        3 => write!(
            s,
            "建成{}{}{}",
            rng.pick(LATIN),
            rng.range(2, 90),
            rng.pick(&["个", "处", "套"])
        )
        .unwrap(),
        4 => write!(
            s,
            "{}{}的力度",
            rng.pick(&["加大", "加快", "提高"]),
            rng.pick(OBJECTS)
        )
        .unwrap(),
        _ => write!(s, "{}{}", rng.pick(VERBS), rng.pick(OBJECTS)).unwrap(),
    }
    s
}

/// One sentence, ended by 。 (or ；, or a quotation, or an ellipsis).
fn sentence(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.chance(0.06) {
        let year = 2016 + rng.range(0, 3);
        write!(s, "{}—{}年，", year, year + rng.range(2, 7)).unwrap();
    } else {
        s.push_str(rng.pick(OPENERS));
    }
    if rng.chance(0.2) {
        write!(s, "{}", rng.pick(PLACES)).unwrap();
    }
    s.push_str(rng.pick(SUBJECTS));
    s.push_str(&clause(rng));
    for _ in 0..rng.range(0, 3) {
        s.push_str(if rng.chance(0.15) { "；" } else { "，" });
        s.push_str(&clause(rng));
    }
    match rng.range(0, 11) {
        0 => {
            write!(s, "——{}", rng.pick(RESULTS)).unwrap();
        }
        1 => {
            s.push_str("……");
            return s;
        }
        2 => {
            write!(
                s,
                "。{}{}说：“{}，{}。”",
                rng.pick(&["村民", "委员", "负责人", "工作人员"]),
                name(rng),
                clause(rng),
                rng.pick(RESULTS)
            )
            .unwrap();
            return s;
        }
        3..=6 => {
            write!(s, "，{}", rng.pick(RESULTS)).unwrap();
        }
        _ => {}
    }
    s + "。"
}

/// A paragraph of about `lo` to `hi` characters (never fewer than one sentence).
pub fn paragraph(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let chars = rng.range(lo, hi);
    let mut p = sentence(rng);
    while p.chars().count() < chars {
        p.push_str(&sentence(rng));
    }
    p
}

/// A paragraph of whole sentences, as long as it can be within `chars` (at least one sentence,
/// cut at a comma if that is over).
fn paragraph_within(rng: &mut Rng, chars: usize) -> String {
    let mut p = sentence(rng);
    if p.chars().count() > chars {
        // Cut at the last comma in its second half, else mid-clause; close a quotation left open.
        let chars = chars.max(10);
        let cut: Vec<char> = p.chars().take(chars).collect();
        let at = cut
            .iter()
            .rposition(|c| *c == '，')
            .filter(|at| *at >= chars / 2);
        let mut cut: String = cut[..at.unwrap_or(chars)].iter().collect();
        cut = cut
            .trim_end_matches(['，', '、', '；', '：', '—', '…', '“'])
            .to_string();
        if cut.matches('“').count() > cut.matches('”').count() {
            cut.push('”');
        }
        return cut + "。";
    }
    loop {
        let next = sentence(rng);
        if p.chars().count() + next.chars().count() > chars {
            return p;
        }
        p.push_str(&next);
    }
}

fn caption(rng: &mut Rng) -> String {
    let mut s = String::new();
    if rng.chance(0.6) {
        write!(
            s,
            "{}年{}月{}日，",
            2017 + rng.range(0, 7),
            rng.range(1, 12),
            rng.range(1, 28)
        )
        .unwrap();
    }
    s.push_str(rng.pick(PLACES));
    s.push_str(rng.pick(SUBJECTS));
    s.push_str(&clause(rng));
    if rng.chance(0.4) {
        s.push('，');
        s.push_str(&clause(rng));
    }
    s + "。"
}

/// A display phrase of `lo` to `hi` characters, of whole words from the lists.
fn display_phrase(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let mut best = String::new();
    for _ in 0..20 {
        let mut s = String::new();
        while s.chars().count() < lo {
            let words = if s.is_empty() { VERBS } else { OBJECTS };
            s.push_str(rng.pick(words));
        }
        if s.chars().count() <= hi {
            return s;
        }
        best = s;
    }
    best.chars().take(hi).collect()
}

// ---------------------------------------------------------------------------------------------
// Pages.

#[derive(Debug, Clone)]
pub struct PhotoRef {
    pub spec: PhotoSpec,
    pub caption: String,
    pub credit: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub number: u32,
    pub head: Vec<String>,
    pub paragraphs: Vec<String>,
    pub photos: Vec<PhotoRef>,
}

/// The parts a page has, before its words.
#[derive(Debug, Clone)]
pub struct Shape {
    pub sections: usize,
    /// Photos in all, the lead photo included.
    pub photos: usize,
    pub kicker: bool,
    pub subtitle: bool,
    pub byline: bool,
    pub lead: bool,
    pub lead_photo: bool,
    pub photo_credits: bool,
    pub credit: bool,
    /// Text as a share of what the page holds.
    pub fill: f64,
}

impl Shape {
    pub fn random(rng: &mut Rng) -> Self {
        let photos = rng.range(0, 12);
        Self {
            sections: rng.range(1, 12),
            photos,
            kicker: rng.chance(0.5),
            subtitle: rng.chance(0.6),
            byline: rng.chance(0.7),
            lead: rng.chance(0.7),
            lead_photo: photos > 0 && rng.chance(0.5),
            photo_credits: rng.chance(0.3),
            credit: photos > 0 && rng.chance(0.5),
            fill: 0.5 + 0.8 * rng.unit(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub seed: u64,
    pub paper: String,
    pub date: String,
    pub page: u32,
    pub folio_section: Option<String>,
    pub editors: Vec<String>,
    pub kicker: Option<String>,
    pub headline: String,
    pub subtitle: Option<String>,
    pub byline: Option<(String, Vec<String>)>,
    pub lead: Vec<String>,
    pub lead_photo: Option<PhotoRef>,
    pub sections: Vec<Section>,
    pub credit: Option<String>,
    /// Body lines the page holds for section text, as estimated.
    pub capacity_lines: usize,
    /// Body lines the section text needs (27 characters a line, paragraphs' ends included).
    pub text_lines: usize,
}

/// Grid lines a picture of `aspect` takes at `width` pt: natural height, at least 4, at most
/// `max` (as layout/components/photo.typ crops it).
fn picture_lines(spec: &PhotoSpec, width: f64, max: usize) -> usize {
    let (w, h) = spec.size();
    ((width * f64::from(h) / f64::from(w) / PITCH).round() as usize).clamp(4, max)
}

/// Lines of text of `chars` characters at `per_line` a line.
fn text_lines(chars: usize, per_line: usize) -> usize {
    chars.div_ceil(per_line).max(1)
}

fn paragraph_lines(p: &str) -> usize {
    text_lines(p.chars().count() + 2, LINE_CHARS)
}

fn caption_lines(photo: &PhotoRef, width: f64) -> usize {
    let chars =
        photo.caption.chars().count() + photo.credit.as_ref().map_or(0, |c| c.chars().count());
    // 8 pt type on an 11 pt pitch; the block is whole 13 pt lines, gap included.
    let per_line = (width / 8.0).floor() as usize;
    let n = text_lines(chars, per_line) as f64;
    ((n * 11.0 - 3.0 + 4.0) / PITCH - 0.01).ceil() as usize
}

fn photo_ref(rng: &mut Rng, used: &mut Vec<PhotoSpec>, credits: bool) -> PhotoRef {
    let spec = loop {
        let spec = PhotoSpec {
            aspect: rng.range(0, ASPECTS.len() - 1),
            resolution: rng.range(0, RESOLUTIONS.len() - 1),
            copy: rng.range(0, COPIES - 1),
        };
        if !used.contains(&spec) {
            break spec;
        }
    };
    used.push(spec.clone());
    PhotoRef {
        spec,
        caption: caption(rng),
        credit: (credits && rng.chance(0.7)).then(|| format!("（{} 摄）", name(rng))),
    }
}

impl Variant {
    pub fn generate(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let shape = Shape::random(&mut rng);
        Self::with_shape(seed, shape)
    }

    /// A page of `shape`, its words and photos drawn from `seed`.
    pub fn with_shape(seed: u64, shape: Shape) -> Self {
        let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
        let rng = &mut rng;
        let mut used = Vec::new();
        let lead_photo = shape
            .lead_photo
            .then(|| photo_ref(rng, &mut used, shape.photo_credits));
        let section_photos = shape.photos - usize::from(lead_photo.is_some());
        let mut sections: Vec<Section> = (0..shape.sections)
            .map(|i| {
                let second = if rng.chance(0.3) {
                    display_phrase(rng, 6, 13)
                } else {
                    rng.pick(HEAD_SECOND).to_string()
                };
                Section {
                    number: i as u32 + 1,
                    head: vec![rng.pick(HEAD_FIRST).to_string(), second],
                    paragraphs: Vec::new(),
                    photos: Vec::new(),
                }
            })
            .collect();
        for _ in 0..section_photos {
            let k = rng.range(0, sections.len() - 1);
            let photo = photo_ref(rng, &mut used, shape.photo_credits);
            sections[k].photos.push(photo);
        }
        let headline = {
            let first = display_phrase(rng, 4, 8);
            format!("{first} {}", display_phrase(rng, 4, 8))
        };
        let kicker = shape.kicker.then(|| display_phrase(rng, 8, 22));
        let subtitle = shape
            .subtitle
            .then(|| format!("——{}{}", rng.pick(PLACES), display_phrase(rng, 8, 24)));
        let byline = shape.byline.then(|| {
            let label = rng
                .pick(&["本报记者", "本报通讯员", "记者", "通讯员"])
                .to_string();
            (label, (0..rng.range(1, 3)).map(|_| name(rng)).collect())
        });
        let lead: Vec<String> = if shape.lead {
            (0..rng.range(1, 4))
                .map(|_| paragraph(rng, 50, 220))
                .collect()
        } else {
            Vec::new()
        };
        let credit = shape.credit.then(|| {
            format!(
                "（本版图片均由{}{}提供）",
                rng.pick(PLACES),
                rng.pick(SUBJECTS)
            )
        });

        // What the page holds, in body lines.
        let mut head_lines = 7;
        head_lines += if shape.kicker { 2 } else { 0 };
        head_lines += if shape.subtitle { 2 } else { 0 };
        head_lines += if shape.byline { 1 } else { 0 };
        if !lead.is_empty() || lead_photo.is_some() {
            let text_width = if lead_photo.is_some() {
                TYPE_WIDTH_PT - LEAD_PHOTO_PT - 9.0
            } else {
                TYPE_WIDTH_PT
            };
            let per_line = (text_width / 11.0).floor() as usize;
            let lead_pt = lead
                .iter()
                .map(|p| text_lines(p.chars().count() + 2, per_line))
                .sum::<usize>() as f64
                * 19.5;
            let photo_pt = lead_photo.as_ref().map_or(0.0, |p| {
                (picture_lines(&p.spec, LEAD_PHOTO_PT, 24) + caption_lines(p, LEAD_PHOTO_PT)) as f64
                    * PITCH
                    - 4.0
            });
            head_lines += ((lead_pt.max(photo_pt) + 4.0) / PITCH - 0.01).ceil() as usize;
        }
        let mut lines = STACKS * TYPE_LINES.saturating_sub(head_lines);
        for s in &sections {
            lines = lines.saturating_sub(HEAD_LINES);
            for p in &s.photos {
                lines = lines.saturating_sub(
                    picture_lines(&p.spec, STACK_PT, 20) + caption_lines(p, STACK_PT),
                );
            }
        }
        if credit.is_some() {
            lines = lines.saturating_sub(1);
        }
        let capacity_lines = (lines as f64 * HOLDS).floor() as usize;

        // The text, shared out to the sections by weight, each at least one paragraph.
        let target = (shape.fill * capacity_lines as f64).round() as usize;
        let weights: Vec<f64> = sections.iter().map(|_| 0.4 + rng.unit()).collect();
        let total: f64 = weights.iter().sum();
        let mut written = 0;
        for (s, w) in sections.iter_mut().zip(&weights) {
            let want = ((target as f64) * w / total).round().max(1.0) as usize;
            let mut got = 0;
            while got < want {
                let lines = match rng.range(0, 4) {
                    0 => rng.range(2, 4),
                    1 | 2 => rng.range(4, 8),
                    _ => rng.range(8, 14),
                }
                .min(want - got)
                .max(if want - got == 1 { 1 } else { 2 });
                // Characters for that many lines, the indent and a part of the last line off.
                let chars = (lines * LINE_CHARS).saturating_sub(2 + rng.range(0, LINE_CHARS / 2));
                let p = paragraph_within(rng, chars);
                got += paragraph_lines(&p);
                s.paragraphs.push(p);
            }
            written += got;
        }
        Self {
            seed,
            paper: rng
                .pick(&["示例日报", "测试晚报", "样张时报", "演示报"])
                .to_string(),
            date: format!("2024-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
            page: rng.range(1, 24) as u32,
            folio_section: rng
                .chance(0.6)
                .then(|| rng.pick(&["专题", "要闻", "民生", "综合"]).to_string()),
            editors: if rng.chance(0.6) {
                vec![format!("责任编辑 {}", name(rng))]
            } else {
                Vec::new()
            },
            kicker,
            headline,
            subtitle,
            byline,
            lead,
            lead_photo,
            sections,
            credit,
            capacity_lines,
            text_lines: written,
        }
    }

    /// Section text as a share of what the page holds (lines).
    pub fn fill(&self) -> f64 {
        self.text_lines as f64 / self.capacity_lines.max(1) as f64
    }

    pub fn body_chars(&self) -> usize {
        self.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.chars().count())
            .sum()
    }

    /// Every photo, the lead photo first.
    pub fn photos(&self) -> Vec<&PhotoRef> {
        self.lead_photo
            .iter()
            .chain(self.sections.iter().flat_map(|s| &s.photos))
            .collect()
    }

    /// One line about the page, for reports.
    pub fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} sections", self.sections.len()),
            format!("{} photos", self.photos().len()),
            format!("{} body chars", self.body_chars()),
            format!("fill {:.0} %", self.fill() * 100.0),
        ];
        for (on, what) in [
            (self.kicker.is_some(), "kicker"),
            (self.subtitle.is_some(), "subtitle"),
            (self.byline.is_some(), "byline"),
            (!self.lead.is_empty(), "lead"),
            (self.lead_photo.is_some(), "lead photo"),
            (self.credit.is_some(), "credit"),
        ] {
            if on {
                parts.push(what.to_string());
            }
        }
        parts.join(", ")
    }

    /// Every text the page should print, as written in the YAML (the folio's date and the
    /// section numbers are set from numbers, and left out).
    pub fn texts(&self) -> Vec<String> {
        let mut out = vec![self.paper.clone(), self.headline.clone()];
        out.extend(self.folio_section.iter().cloned());
        out.extend(self.editors.iter().cloned());
        out.extend(self.kicker.iter().cloned());
        out.extend(self.subtitle.iter().cloned());
        if let Some((label, names)) = &self.byline {
            out.push(label.clone());
            out.extend(names.iter().cloned());
        }
        out.extend(self.lead.iter().cloned());
        for p in self.photos() {
            out.push(p.caption.clone());
            out.extend(p.credit.iter().cloned());
        }
        for s in &self.sections {
            out.extend(s.head.iter().cloned());
            out.extend(s.paragraphs.iter().cloned());
        }
        out.extend(self.credit.iter().cloned());
        out
    }

    /// The page's YAML, its photos named `<images>/<name>` (relative to the YAML file).
    pub fn yaml(&self, images: &str) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
        let mut y = String::new();
        writeln!(
            y,
            "# banmian variant {} (tests/suite/variants/generate.rs): {}",
            self.seed,
            self.summary()
        )
        .unwrap();
        writeln!(y, "template: feature").unwrap();
        writeln!(
            y,
            "folio:\n  paper: {}\n  date: {}\n  page: {}",
            q(&self.paper),
            self.date,
            self.page
        )
        .unwrap();
        if let Some(s) = &self.folio_section {
            writeln!(y, "  section: {}", q(s)).unwrap();
        }
        if !self.editors.is_empty() {
            let list: Vec<String> = self.editors.iter().map(|e| q(e)).collect();
            writeln!(y, "  editors: [{}]", list.join(", ")).unwrap();
        }
        if let Some(k) = &self.kicker {
            writeln!(y, "kicker: {}", q(k)).unwrap();
        }
        writeln!(y, "headline: {}", q(&self.headline)).unwrap();
        if let Some(s) = &self.subtitle {
            writeln!(y, "subtitle: {}", q(s)).unwrap();
        }
        if let Some((label, names)) = &self.byline {
            let list: Vec<String> = names.iter().map(|n| q(n)).collect();
            writeln!(
                y,
                "byline:\n  label: {}\n  names: [{}]",
                q(label),
                list.join(", ")
            )
            .unwrap();
        }
        let block = |y: &mut String, key: &str, indent: &str, paragraphs: &[String]| {
            writeln!(y, "{indent}{key}: |").unwrap();
            for (i, p) in paragraphs.iter().enumerate() {
                if i > 0 {
                    y.push('\n');
                }
                writeln!(y, "{indent}  {p}").unwrap();
            }
        };
        let photo = |y: &mut String, indent: &str, p: &PhotoRef| {
            writeln!(y, "{indent}file: {}/{}", images, p.spec.name()).unwrap();
            writeln!(y, "{indent}caption: {}", q(&p.caption)).unwrap();
            if let Some(c) = &p.credit {
                writeln!(y, "{indent}credit: {}", q(c)).unwrap();
            }
        };
        if !self.lead.is_empty() {
            block(&mut y, "lead", "", &self.lead);
        }
        if let Some(p) = &self.lead_photo {
            writeln!(y, "lead_photo:").unwrap();
            photo(&mut y, "  ", p);
        }
        writeln!(y, "sections:").unwrap();
        for s in &self.sections {
            writeln!(y, "  - number: {}", s.number).unwrap();
            let head: Vec<String> = s.head.iter().map(|h| q(h)).collect();
            writeln!(y, "    head: [{}]", head.join(", ")).unwrap();
            block(&mut y, "body", "    ", &s.paragraphs);
            if !s.photos.is_empty() {
                writeln!(y, "    photos:").unwrap();
                for p in &s.photos {
                    writeln!(y, "      - file: {}/{}", images, p.spec.name()).unwrap();
                    writeln!(y, "        caption: {}", q(&p.caption)).unwrap();
                    if let Some(c) = &p.credit {
                        writeln!(y, "        credit: {}", q(c)).unwrap();
                    }
                }
            }
        }
        if let Some(c) = &self.credit {
            writeln!(y, "credit: {}", q(c)).unwrap();
        }
        y
    }

    /// Writes `dir/page.yaml` and its photos in `dir/images/`.
    pub fn write(&self, dir: &Path) -> std::io::Result<std::path::PathBuf> {
        let images = dir.join("images");
        std::fs::create_dir_all(&images)?;
        for p in self.photos() {
            p.spec.write_into(&images)?;
        }
        let page = dir.join("page.yaml");
        std::fs::write(&page, self.yaml("images"))?;
        Ok(page)
    }
}
