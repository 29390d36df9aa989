//! The XMP metadata a PDF/X-4 must carry (ISO 15930-7): its identification
//! (`pdfxid:GTS_PDFXVersion`), `pdf:Trapped`, title, dates and the document's version IDs,
//! agreeing with the document information dictionary. typst's own packet gives the dates, the
//! creator and the document ID, so they stay what typst wrote.

/// The PDF/X version written in the XMP and the information dictionary.
pub const VERSION: &str = "PDF/X-4";

/// What the packet says.
pub struct Fields {
    pub title: String,
    pub creator: String,
    pub created: String,
    pub modified: String,
    pub document_id: String,
    pub instance_id: String,
}

impl Fields {
    /// Reads the fields from typst's packet, `title` given (typst writes none for a page).
    pub fn from_typst(packet: &str, title: &str) -> Self {
        let read = |tag: &str| {
            let open = format!("<{tag}>");
            let start = packet.find(&open)? + open.len();
            let end = packet[start..].find('<')? + start;
            Some(packet[start..end].to_string())
        };
        let fallback_id = format!("{:032x}", typst::utils::hash128(&title));
        Fields {
            title: title.to_string(),
            creator: read("xmp:CreatorTool").unwrap_or_else(|| "banmian".into()),
            created: read("xmp:CreateDate").unwrap_or_default(),
            modified: read("xmp:ModifyDate").unwrap_or_default(),
            document_id: read("xmpMM:DocumentID").unwrap_or_else(|| fallback_id.clone()),
            instance_id: read("xmpMM:InstanceID").unwrap_or(fallback_id),
        }
    }
}

/// The packet, as UTF-8, written by `xmp-writer` (the crate typst's PDF writer uses).
pub fn packet(f: &Fields) -> String {
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.format("application/pdf");
    xmp.title([(None, f.title.as_str())]);
    xmp.creator_tool(&f.creator);
    if let Some(created) = date(&f.created) {
        let modified = date(&f.modified).unwrap_or(created);
        xmp.create_date(created);
        xmp.modify_date(modified);
        xmp.metadata_date(modified);
    }
    xmp.document_id(&f.document_id);
    xmp.instance_id(&f.instance_id);
    xmp.version_id("1");
    xmp.rendition_class(xmp_writer::RenditionClass::Default);
    xmp.trapped(false);
    xmp.pdfx_version(VERSION);
    xmp.finish(None)
}

/// A date as typst writes it in its packet, `2021-09-28T00:00:00+00:00` (or `Z`, or with
/// fewer parts); `None` if it does not read.
fn date(text: &str) -> Option<xmp_writer::DateTime> {
    let number = |at: std::ops::Range<usize>| text.get(at)?.parse::<u8>().ok();
    let year = text.get(0..4)?.parse().ok()?;
    let zone = text.get(19..).and_then(|zone| match zone {
        // Written back as typst wrote it: the packet and typst's dates agree to the letter.
        "Z" => Some(xmp_writer::Timezone::Utc),
        zone => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let hour = zone.get(1..3)?.parse::<i8>().ok()? * sign;
            let minute = zone.get(4..6)?.parse::<i8>().ok()? * sign;
            Some(xmp_writer::Timezone::Local { hour, minute })
        }
    });
    Some(xmp_writer::DateTime {
        year,
        month: number(5..7),
        day: number(8..10),
        hour: number(11..13),
        minute: number(14..16),
        second: number(17..19),
        timezone: zone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_typst_ids_and_dates_and_identifies_pdfx() {
        let typst = "<xmp:CreatorTool>banmian 0.1.0</xmp:CreatorTool>\
            <xmp:CreateDate>2021-09-28T00:00:00+00:00</xmp:CreateDate>\
            <xmpMM:DocumentID>abc==</xmpMM:DocumentID>";
        let fields = Fields::from_typst(typst, "示例日报 <8>");
        let xmp = packet(&fields);
        assert!(xmp.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(xmp.contains("<xmpMM:DocumentID>abc==</xmpMM:DocumentID>"));
        assert!(
            xmp.contains("<xmp:ModifyDate>2021-09-28T00:00:00+00:00</xmp:ModifyDate>"),
            "{xmp}"
        );
        assert!(xmp.contains("示例日报 &lt;8&gt;"));
        assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"));
    }
}
