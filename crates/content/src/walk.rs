//! The page's one walk: every text with the font role that sets it and its story, and every
//! photo with its YAML path and story, in page order. Preflight, photo preparation and the
//! tests all read the page through these, so a field added to the page is added here once.

use crate::view::{PageView, PhotoView};

/// A text of the page: the role that sets it (`head`, `body`, `caption`…), its story
/// (`headline`, `section-3`, `lead_photo`…) and the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Text<'a> {
    pub role: &'static str,
    pub story: &'a str,
    pub text: &'a str,
}

/// A photo of the page: its YAML path (`lead_photo`, `sections[2].photos[0]`), its story and
/// the photo.
#[derive(Debug, Clone)]
pub struct PhotoEntry<'a> {
    pub path: String,
    pub story: &'a str,
    pub photo: &'a PhotoView,
}

impl PageView {
    /// Every editor-written text, in page order.
    pub fn texts(&self) -> Vec<Text<'_>> {
        let mut out = Vec::new();
        let folio = &self.folio;
        let one = |role, story, text| Text { role, story, text };
        out.push(one("folio", "folio", folio.paper.as_str()));
        out.extend(folio.edition.as_deref().map(|t| one("folio", "folio", t)));
        out.extend(folio.section.as_deref().map(|t| one("folio", "folio", t)));
        out.extend(folio.editors.iter().map(|t| one("folio", "folio", t)));
        out.extend(self.kicker.as_deref().map(|t| one("kicker", "kicker", t)));
        out.extend(
            self.headline
                .as_deref()
                .map(|t| one("headline", "headline", t)),
        );
        out.extend(
            self.subtitle
                .as_deref()
                .map(|t| one("subtitle", "subtitle", t)),
        );
        if let Some(byline) = &self.byline {
            out.extend(byline.label.as_deref().map(|t| one("byline", "byline", t)));
            out.extend(byline.names.iter().map(|t| one("byline", "byline", t)));
        }
        out.extend(self.lead.iter().map(|t| one("lead", "lead", t)));
        if let Some(photo) = &self.lead_photo {
            out.extend(captions(photo).map(|t| one("caption", "lead_photo", t)));
        }
        for section in &self.sections {
            let story = section.id.as_str();
            out.extend(section.head.iter().map(|t| one("head", story, t)));
            out.extend(section.body.iter().map(|t| one("body", story, t)));
            for photo in &section.photos {
                out.extend(captions(photo).map(|t| one("caption", story, t)));
            }
        }
        out.extend(self.credit.as_deref().map(|t| one("credit", "credit", t)));
        for story in &self.stories {
            let id = story.id.as_str();
            out.extend(story.kicker.as_deref().map(|t| one("kicker", id, t)));
            out.push(one("headline", id, story.headline.as_str()));
            out.extend(story.subtitle.as_deref().map(|t| one("subtitle", id, t)));
            if let Some(byline) = &story.byline {
                out.extend(byline.label.as_deref().map(|t| one("byline", id, t)));
                out.extend(byline.names.iter().map(|t| one("byline", id, t)));
            }
            out.extend(story.dateline.as_deref().map(|t| one("dateline", id, t)));
            out.extend(story.body.iter().map(|t| one("body", id, t)));
            for photo in &story.photos {
                out.extend(captions(photo).map(|t| one("caption", id, t)));
            }
        }
        if let Some(briefs) = &self.briefs {
            out.push(one("brief-title", briefs.id, briefs.title.as_str()));
            for item in &briefs.items {
                out.push(one("brief-head", briefs.id, item.headline.as_str()));
                out.push(one("body", briefs.id, item.body.as_str()));
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

/// A photo's caption and its credit, if any.
fn captions(photo: &PhotoView) -> impl Iterator<Item = &str> {
    std::iter::once(photo.caption.as_str()).chain(photo.credit.as_deref())
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
            }],
            briefs: Some(BriefsView {
                id: "briefs",
                title: "简讯".into(),
                items: vec![BriefView {
                    headline: "短".into(),
                    body: "四".into(),
                }],
            }),
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
