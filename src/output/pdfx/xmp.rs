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

/// The packet, as UTF-8.
pub fn packet(f: &Fields) -> String {
    let dates = if f.created.is_empty() {
        String::new()
    } else {
        format!(
            "<xmp:CreateDate>{}</xmp:CreateDate><xmp:ModifyDate>{}</xmp:ModifyDate>\
             <xmp:MetadataDate>{}</xmp:MetadataDate>",
            escape(&f.created),
            escape(if f.modified.is_empty() {
                &f.created
            } else {
                &f.modified
            }),
            escape(if f.modified.is_empty() {
                &f.created
            } else {
                &f.modified
            }),
        )
    };
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
<rdf:Description rdf:about=\"\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" \
xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" \
xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\
<dc:format>application/pdf</dc:format>\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\
<xmp:CreatorTool>{creator}</xmp:CreatorTool>{dates}\
<xmpMM:DocumentID>{document_id}</xmpMM:DocumentID>\
<xmpMM:InstanceID>{instance_id}</xmpMM:InstanceID>\
<xmpMM:VersionID>1</xmpMM:VersionID>\
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\
<pdf:Trapped>False</pdf:Trapped>\
<pdfxid:GTS_PDFXVersion>{VERSION}</pdfxid:GTS_PDFXVersion>\
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"r\"?>",
        title = escape(&f.title),
        creator = escape(&f.creator),
        document_id = escape(&f.document_id),
        instance_id = escape(&f.instance_id),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
        assert!(xmp.contains("<xmp:ModifyDate>2021-09-28T00:00:00+00:00</xmp:ModifyDate>"));
        assert!(xmp.contains("示例日报 &lt;8&gt;"));
        assert!(xmp.contains("<pdf:Trapped>False</pdf:Trapped>"));
    }
}
