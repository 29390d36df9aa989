//! The page's one walk: every text with the font role that sets it and its story, and every
//! photo with its YAML path and story, in page order. Preflight, photo preparation and the
//! tests all read the page through these, so a field added to the page is added here once.

use crate::lang::LangView;
use crate::view::{PageView, PhotoView};

/// A text of the page: the role that sets it (`head`, `body`, `caption`…), its story
/// (`headline`, `section-3`, `lead_photo`…), the text and its language (`None`: the house's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Text<'a> {
    pub role: &'static str,
    pub story: &'a str,
    pub text: &'a str,
    pub lang: Option<&'a LangView>,
}

/// A photo of the page: its YAML path (`lead_photo`, `sections[2].photos[0]`), its story and
/// the photo.
#[derive(Debug, Clone)]
pub struct PhotoEntry<'a> {
    pub path: String,
    pub story: &'a str,
    pub photo: &'a PhotoView,
}

/// A text of the page with the YAML path it is written at (`sections[2].body`,
/// `folio.editors[0]`), so a character of it can be found in its own field. A text the page
/// does not give itself (the paper, the brief column's default title) has the path it
/// would have; lookups fall back to the nearest enclosing node.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    pub path: String,
    pub text: Text<'a>,
}

impl PageView {
    /// Every editor-written text, in page order.
    pub fn texts(&self) -> Vec<Text<'_>> {
        self.located_texts().into_iter().map(|l| l.text).collect()
    }

    /// Every editor-written text with its YAML path, in page order.
    pub fn located_texts(&self) -> Vec<Located<'_>> {
        let mut out = Vec::new();
        let mut one = |path: String, role, story, text, lang| {
            out.push(Located {
                path,
                text: Text {
                    role,
                    story,
                    text,
                    lang,
                },
            })
        };
        // The folio is the house's running head, in its language.
        let page = self.lang.as_ref();
        let folio = &self.folio;
        one(
            "folio.paper".into(),
            "folio",
            "folio",
            folio.paper.as_str(),
            None,
        );
        if let Some(t) = folio.edition.as_deref() {
            one("folio.edition".into(), "folio", "folio", t, None);
        }
        if let Some(t) = folio.section.as_deref() {
            one("folio.section".into(), "folio", "folio", t, None);
        }
        for (i, t) in folio.editors.iter().enumerate() {
            one(format!("folio.editors[{i}]"), "folio", "folio", t, None);
        }
        for (field, text) in [
            ("kicker", &self.kicker),
            ("headline", &self.headline),
            ("subtitle", &self.subtitle),
        ] {
            if let Some(t) = text.as_deref() {
                one(field.into(), field, field, t, page);
            }
        }
        if let Some(byline) = &self.byline {
            if let Some(t) = byline.label.as_deref() {
                one("byline.label".into(), "byline", "byline", t, page);
            }
            for (i, t) in byline.names.iter().enumerate() {
                one(format!("byline.names[{i}]"), "byline", "byline", t, page);
            }
        }
        for t in &self.lead {
            one("lead".into(), "lead", "lead", t, page);
        }
        if let Some(photo) = &self.lead_photo {
            for (path, t) in captions("lead_photo", photo) {
                one(path, "caption", "lead_photo", t, photo.lang.as_ref());
            }
        }
        for (i, section) in self.sections.iter().enumerate() {
            let story = section.id.as_str();
            let lang = section.lang.as_ref();
            for (j, t) in section.head.iter().enumerate() {
                one(format!("sections[{i}].head[{j}]"), "head", story, t, lang);
            }
            // The lead set as the page's one story is written at `lead` and `lead_photo`.
            let body = if section.is_lead {
                "lead".to_string()
            } else {
                format!("sections[{i}].body")
            };
            for t in &section.body {
                one(body.clone(), "body", story, t, lang);
            }
            for (j, photo) in section.photos.iter().enumerate() {
                for (path, t) in captions(&section.photo_path(i, j), photo) {
                    one(path, "caption", story, t, photo.lang.as_ref());
                }
            }
        }
        if let Some(t) = self.credit.as_deref() {
            one("credit".into(), "credit", "credit", t, page);
        }
        for (i, story) in self.stories.iter().enumerate() {
            let id = story.id.as_str();
            let lang = story.lang.as_ref();
            let at = |field: &str| format!("stories[{i}].{field}");
            if let Some(t) = story.kicker.as_deref() {
                one(at("kicker"), "kicker", id, t, lang);
            }
            one(
                at("headline"),
                "headline",
                id,
                story.headline.as_str(),
                lang,
            );
            if let Some(t) = story.subtitle.as_deref() {
                one(at("subtitle"), "subtitle", id, t, lang);
            }
            if let Some(byline) = &story.byline {
                if let Some(t) = byline.label.as_deref() {
                    one(at("byline.label"), "byline", id, t, lang);
                }
                for (j, t) in byline.names.iter().enumerate() {
                    one(at(&format!("byline.names[{j}]")), "byline", id, t, lang);
                }
            }
            if let Some(t) = story.dateline.as_deref() {
                one(at("dateline"), "dateline", id, t, lang);
            }
            for t in &story.body {
                one(at("body"), "body", id, t, lang);
            }
            for (j, photo) in story.photos.iter().enumerate() {
                for (path, t) in captions(&at(&format!("photos[{j}]")), photo) {
                    one(path, "caption", id, t, photo.lang.as_ref());
                }
            }
        }
        if let Some(briefs) = &self.briefs {
            one(
                "briefs.title".into(),
                "brief-title",
                briefs.id,
                briefs.title.as_str(),
                page,
            );
            for (i, item) in briefs.items.iter().enumerate() {
                let at = format!("briefs.items[{i}]");
                one(
                    format!("{at}.headline"),
                    "brief-head",
                    briefs.id,
                    item.headline.as_str(),
                    page,
                );
                one(
                    format!("{at}.body"),
                    "body",
                    briefs.id,
                    item.body.as_str(),
                    page,
                );
            }
        }
        out
    }

    /// Every photo, in page order.
    pub fn photos(&self) -> Vec<PhotoEntry<'_>> {
        let lead = self.lead_photo.iter().map(|photo| PhotoEntry {
            path: "lead_photo".into(),
            story: "lead_photo",
            photo,
        });
        let sections = self.sections.iter().enumerate().flat_map(|(i, s)| {
            s.photos
                .iter()
                .enumerate()
                .map(move |(j, photo)| PhotoEntry {
                    path: s.photo_path(i, j),
                    story: s.id.as_str(),
                    photo,
                })
        });
        let stories = self.stories.iter().enumerate().flat_map(|(i, s)| {
            s.photos
                .iter()
                .enumerate()
                .map(move |(j, photo)| PhotoEntry {
                    path: format!("stories[{i}].photos[{j}]"),
                    story: s.id.as_str(),
                    photo,
                })
        });
        lead.chain(sections).chain(stories).collect()
    }
}

/// A photo's caption and its credit, if any, with their paths under the photo's `path`.
fn captions<'a>(path: &str, photo: &'a PhotoView) -> Vec<(String, &'a str)> {
    let mut out = vec![(format!("{path}.caption"), photo.caption.as_str())];
    if let Some(credit) = photo.credit.as_deref() {
        out.push((format!("{path}.credit"), credit));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::view::{
        BriefView, BriefsView, FolioView, PageView, PhotoView, SectionView, StoryView,
    };

    fn photo(caption: &str, credit: Option<&str>) -> PhotoView {
        PhotoView {
            src: format!("/{caption}.jpg"),
            format: crate::images::PhotoFormat::Jpeg,
            caption: caption.into(),
            credit: credit.map(Into::into),
            width_px: 30,
            height_px: 20,
            focus: (0.5, 0.5),
            crop: None,
            span: None,
            lang: None,
        }
    }

    #[test]
    fn every_text_and_photo_once_in_page_order_with_its_story() {
        let view = PageView {
            spread: None,
            folio: FolioView {
                paper: "报".into(),
                date: "2021-09-28".into(),
                page: 3,
                edition: Some("第1期".into()),
                side: "right",
                section: None,
                editors: vec!["编辑".into()],
            },
            kicker: None,
            headline: Some("主题".into()),
            subtitle: Some("副题".into()),
            byline: None,
            lead: vec!["导语".into()],
            lead_photo: Some(photo("导图", Some("摄"))),
            sections: vec![SectionView {
                id: "river".into(),
                number: 1,
                head: vec!["分题".into()],
                body: vec!["一".into(), "二".into()],
                photos: vec![photo("图一", None)],
                is_lead: false,
                lang: None,
            }],
            credit: Some("（供图）".into()),
            stories: vec![StoryView {
                id: "fair".into(),
                rank: 0,
                kind: "story".into(),
                kicker: None,
                headline: "消息".into(),
                subtitle: None,
                byline: None,
                dateline: Some("本报讯".into()),
                body: vec!["三".into()],
                photos: vec![photo("图二", None)],
                pin: None,
                frame: None,
                lang: None,
                jump: None,
            }],
            briefs: Some(BriefsView {
                id: "briefs",
                title: "简讯".into(),
                items: vec![BriefView {
                    headline: "短".into(),
                    body: "四".into(),
                }],
            }),
            lang: None,
        };
        let texts: Vec<(&str, &str, &str)> = view
            .texts()
            .iter()
            .map(|t| (t.role, t.story, t.text))
            .collect();
        assert_eq!(
            texts,
            [
                ("folio", "folio", "报"),
                ("folio", "folio", "第1期"),
                ("folio", "folio", "编辑"),
                ("headline", "headline", "主题"),
                ("subtitle", "subtitle", "副题"),
                ("lead", "lead", "导语"),
                ("caption", "lead_photo", "导图"),
                ("caption", "lead_photo", "摄"),
                ("head", "river", "分题"),
                ("body", "river", "一"),
                ("body", "river", "二"),
                ("caption", "river", "图一"),
                ("credit", "credit", "（供图）"),
                ("headline", "fair", "消息"),
                ("dateline", "fair", "本报讯"),
                ("body", "fair", "三"),
                ("caption", "fair", "图二"),
                ("brief-title", "briefs", "简讯"),
                ("brief-head", "briefs", "短"),
                ("body", "briefs", "四"),
            ]
        );
        let paths: Vec<String> = view.located_texts().into_iter().map(|l| l.path).collect();
        assert_eq!(
            paths,
            [
                "folio.paper",
                "folio.edition",
                "folio.editors[0]",
                "headline",
                "subtitle",
                "lead",
                "lead_photo.caption",
                "lead_photo.credit",
                "sections[0].head[0]",
                "sections[0].body",
                "sections[0].body",
                "sections[0].photos[0].caption",
                "credit",
                "stories[0].headline",
                "stories[0].dateline",
                "stories[0].body",
                "stories[0].photos[0].caption",
                "briefs.title",
                "briefs.items[0].headline",
                "briefs.items[0].body",
            ]
        );
        let photos: Vec<(String, &str)> = view
            .photos()
            .into_iter()
            .map(|e| (e.path, e.story))
            .collect();
        assert_eq!(
            photos,
            [
                ("lead_photo".to_string(), "lead_photo"),
                ("sections[0].photos[0]".to_string(), "river"),
                ("stories[0].photos[0]".to_string(), "fair"),
            ]
        );
    }
}
