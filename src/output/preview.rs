//! Proof images of a laid-out page: PNG (raster, for a quick look or a web preview) and SVG.
//! A document of one page gives one file, `OUT.png`; of several, `OUT-1.png`, `OUT-2.png`, …

use std::path::{Path, PathBuf};

use super::Format;

use typst::utils::Scalar;
use typst_layout::PagedDocument;
use typst_render::RenderOptions;
use typst_svg::SvgOptions;

/// Highest PNG resolution accepted: at 600 ppi a broadsheet is already ~9,000 × 13,000 pixels
/// (~450 MB in memory), and a proof needs far less.
pub const MAX_PPI: u32 = 600;

/// Where page `index` (0-based) of `count` goes: `output` itself for a single page, else
/// `output` with `-<n>` before the extension.
pub fn page_path(output: &Path, index: usize, count: usize) -> PathBuf {
    if count == 1 {
        return output.to_path_buf();
    }
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match output.extension() {
        Some(ext) => format!("{stem}-{}.{}", index + 1, ext.to_string_lossy()),
        None => format!("{stem}-{}", index + 1),
    };
    output.with_file_name(name)
}

/// One PNG or SVG file per page, bleed included (proofs show the whole sheet, like the PDF's
/// MediaBox). `ppi` is pixels per inch, used for PNG only.
pub fn images(
    document: &PagedDocument,
    format: Format,
    output: &Path,
    ppi: u32,
) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let pages = document.pages();
    let mut files = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let bytes = match format {
            Format::Png => {
                let options = RenderOptions {
                    pixel_per_pt: Scalar::new(
                        f64::from(ppi.clamp(1, MAX_PPI)) / crate::units::PT_PER_INCH,
                    ),
                    render_bleed: true,
                };
                typst_render::render(page, &options)
                    .encode_png()
                    .map_err(|err| format!("cannot encode page {} as PNG: {err}", index + 1))?
            }
            Format::Svg => {
                let options = SvgOptions {
                    render_bleed: true,
                    pretty: false,
                };
                typst_svg::svg(page, &options).into_bytes()
            }
            Format::Pdf => return Err("PDF is one file for all pages; use output::to_pdf".into()),
        };
        files.push((page_path(output, index, pages.len()), bytes));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_pages_only_when_there_are_several() {
        let out = Path::new("out/x.png");
        assert_eq!(page_path(out, 0, 1), PathBuf::from("out/x.png"));
        assert_eq!(page_path(out, 0, 2), PathBuf::from("out/x-1.png"));
        assert_eq!(page_path(out, 1, 2), PathBuf::from("out/x-2.png"));
        assert_eq!(page_path(Path::new("y"), 2, 3), PathBuf::from("y-3"));
    }

    #[test]
    fn reads_format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a.PNG")), Some(Format::Png));
        assert_eq!(Format::from_path(Path::new("a.svg")), Some(Format::Svg));
        assert_eq!(Format::from_path(Path::new("a.tif")), None);
    }
}
