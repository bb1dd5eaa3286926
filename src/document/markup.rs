//! Markdown and HTML articles: which bytes are prose.
//!
//! Rather than extracting the prose into a new string (and composing one more offset map), the
//! markup is *masked*: a copy of the source of exactly the same length in which every byte that
//! is not prose becomes NUL (dropped by the normalizer as invisible), line breaks stay where they
//! are, and block boundaries become blank lines. Offsets into the masked text are therefore
//! offsets into the original file, so every label still points at the original bytes.
//!
//! Not prose: Markdown code blocks, inline code, front matter, link targets, images and raw HTML
//! (comments included); HTML tags and attributes, comments, `<script>`, `<style>`, `<template>`,
//! `<pre>` and `<code>`. HTML entities and Markdown escapes are decoded in place.

use std::ops::Range;
use std::path::Path;

/// How an article is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Markup {
    /// Plain text, including text extracted from PDF pages.
    #[default]
    Text,
    Markdown,
    Html,
}

impl Markup {
    /// The markup a file's extension implies: `.md`/`.markdown` and `.html`/`.htm`; anything
    /// else is plain text.
    pub fn from_path(path: &Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Markup::Markdown,
            Some("html" | "htm" | "xhtml") => Markup::Html,
            _ => Markup::Text,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Markup::Text => "text",
            Markup::Markdown => "markdown",
            Markup::Html => "html",
        }
    }
}

/// An HTML comment (`<!-- … -->`): where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, delimiters included, in the original.
    pub span: Range<usize>,
    /// The text between the delimiters, trimmed.
    pub body: String,
}

/// The prose of a marked-up article.
#[derive(Debug, Clone)]
pub struct Prose {
    /// The source with every non-prose byte masked; `None` when the whole source is prose.
    pub masked: Option<String>,
    /// HTML comments, where factlint's suppressions live.
    pub comments: Vec<Comment>,
    /// The front matter's text (Markdown), for reading a publication date.
    pub front_matter: Option<String>,
}

/// Finds the prose of `source` written in `markup`.
pub fn prose(source: &str, markup: Markup) -> Prose {
    match markup {
        Markup::Text => text(source),
        Markup::Markdown => markdown(source),
        Markup::Html => html(source),
    }
}

/// The masked copy under construction: NUL everywhere but line breaks, until revealed.
struct Mask<'a> {
    source: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Mask<'a> {
    fn hidden(source: &'a str) -> Self {
        let bytes = source
            .bytes()
            .map(|b| if matches!(b, b'\n' | b'\r') { b } else { 0 })
            .collect();
        Self { source, bytes }
    }

    fn revealed(source: &'a str) -> Self {
        Self {
            source,
            bytes: source.as_bytes().to_vec(),
        }
    }

    fn reveal(&mut self, range: Range<usize>) {
        if let Some(src) = self.source.as_bytes().get(range.clone()) {
            self.bytes[range].copy_from_slice(src);
        }
    }

    /// Hides a range, keeping its line breaks.
    fn hide(&mut self, range: Range<usize>) {
        let src = self.source.as_bytes();
        let end = range.end.min(src.len());
        let start = range.start.min(end);
        for (slot, &b) in self.bytes[start..end].iter_mut().zip(&src[start..end]) {
            *slot = if matches!(b, b'\n' | b'\r') { b } else { 0 };
        }
    }

    /// Writes `text` (decoded from the markup in `range`) at the start of `range`, NUL after it;
    /// when it does not fit, the range stays hidden.
    fn write(&mut self, range: Range<usize>, text: &str) {
        if self.source.get(range.clone()) == Some(text) {
            self.reveal(range);
        } else if text.len() <= range.len() && range.end <= self.bytes.len() {
            self.hide(range.clone());
            self.bytes[range.start..range.start + text.len()].copy_from_slice(text.as_bytes());
        }
    }

    /// Puts `filler` (ASCII) on the first bytes of a hidden range: a separator where markup
    /// divided two pieces of prose.
    fn separate(&mut self, at: usize, filler: &[u8]) {
        for (k, &b) in filler.iter().enumerate() {
            if let Some(slot) = self.bytes.get_mut(at + k) {
                if *slot == 0 {
                    *slot = b;
                }
            }
        }
    }

    fn finish(self) -> String {
        // Only whole characters are ever copied and only ASCII is written, so this is UTF-8;
        // the fallback keeps offsets valid if that ever failed.
        String::from_utf8(self.bytes).unwrap_or_else(|_| self.source.to_string())
    }
}

/// Plain text: whole lines that hold only a factlint comment are directives, not prose.
fn text(source: &str) -> Prose {
    let mut comments = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("<!--")
            && trimmed.ends_with("-->")
            && trimmed[4..].trim_start().starts_with("factlint-")
        {
            let offset = start + (line.len() - line.trim_start().len());
            let span = offset..offset + trimmed.len();
            comments.push(Comment {
                body: trimmed[4..trimmed.len() - 3].trim().to_string(),
                span,
            });
        }
        start += line.len();
    }
    let masked = (!comments.is_empty()).then(|| {
        let mut mask = Mask::revealed(source);
        for c in &comments {
            mask.hide(c.span.clone());
        }
        mask.finish()
    });
    Prose {
        masked,
        comments,
        front_matter: None,
    }
}

fn markdown(source: &str) -> Prose {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut mask = Mask::hidden(source);
    let mut html_ranges: Vec<Range<usize>> = Vec::new();
    let mut tables: Vec<Range<usize>> = Vec::new();
    let mut front_matter = None;
    // Depth of constructs whose text is not prose: code blocks, metadata, images, autolinks.
    let mut opaque = 0usize;
    let mut in_metadata = false;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::Image { .. }) => opaque += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::Image) => {
                opaque = opaque.saturating_sub(1)
            }
            Event::Start(Tag::MetadataBlock(_)) => {
                opaque += 1;
                in_metadata = true;
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                opaque = opaque.saturating_sub(1);
                in_metadata = false;
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => opaque += 1,
            Event::End(TagEnd::Link) if opaque > 0 && link_is_autolink(source, &range) => {
                opaque -= 1
            }
            Event::Start(Tag::Table(_)) => tables.push(range),
            Event::Text(text) if in_metadata => {
                front_matter = Some(text.to_string());
            }
            Event::Text(text) if opaque == 0 => mask.write(range, &text),
            Event::Code(_) => {
                // Inline code is not prose, but it does separate the words around it.
                mask.separate(range.start, b" ");
            }
            Event::Html(_) | Event::InlineHtml(_) => html_ranges.push(range),
            Event::SoftBreak | Event::HardBreak => {}
            _ => {}
        }
    }
    // A cell boundary separates two figures (`|2023|13.5|`): the pipes become spaces.
    for table in tables {
        for i in table.clone() {
            if source.as_bytes().get(i) == Some(&b'|') {
                mask.separate(i, b" ");
            }
        }
    }
    let mut comments = Vec::new();
    for block in super::ranges::merge(html_ranges) {
        find_comments(source, block, &mut comments);
    }
    Prose {
        masked: Some(mask.finish()),
        comments,
        front_matter,
    }
}

/// Whether a link's source text is `<…>` (an autolink), whose text is its target.
fn link_is_autolink(source: &str, range: &Range<usize>) -> bool {
    source
        .get(range.clone())
        .is_some_and(|s| s.starts_with('<') && s.ends_with('>'))
}

fn find_comments(source: &str, range: Range<usize>, out: &mut Vec<Comment>) {
    let Some(block) = source.get(range.clone()) else {
        return;
    };
    let mut from = 0;
    while let Some(open) = block[from..].find("<!--") {
        let start = from + open;
        let Some(close) = block[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(Comment {
            span: range.start + start..range.start + end,
            body: block[start + 4..end - 3].trim().to_string(),
        });
        from = end;
    }
}

/// Elements that end a block of prose: their tags become a paragraph break.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not prose.
const OPAQUE_TAGS: &[&str] = &["script", "style", "template", "pre", "code", "svg"];

/// A small HTML tokenizer that keeps byte offsets: tags, comments, entities and the text between.
/// It is forgiving (unclosed tags run to the end) and never fails.
fn html(source: &str) -> Prose {
    let bytes = source.as_bytes();
    let mut mask = Mask::hidden(source);
    let mut comments = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if source[i..].starts_with("<!--") => {
                mask.reveal(text_start..i);
                let end = source[i + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |k| i + 4 + k + 3);
                comments.push(Comment {
                    span: i..end,
                    body: source[i + 4..end.saturating_sub(3).max(i + 4)]
                        .trim()
                        .to_string(),
                });
                i = end;
                text_start = i;
            }
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) =>
            {
                mask.reveal(text_start..i);
                let end = tag_end(bytes, i);
                let (name, closing) = tag_name(&source[i..end]);
                if BLOCK_TAGS.contains(&name.as_str()) {
                    mask.separate(i, b"\n\n");
                } else if matches!(name.as_str(), "td" | "th") {
                    mask.separate(i, b" ");
                }
                i = end;
                if !closing && OPAQUE_TAGS.contains(&name.as_str()) {
                    // Skip to the matching close tag; its content stays hidden.
                    let close = format!("</{name}");
                    i = find_ascii_ci(source, i, &close).map_or(bytes.len(), |k| tag_end(bytes, k));
                    mask.separate(end, b"\n\n");
                }
                text_start = i;
            }
            b'&' => {
                mask.reveal(text_start..i);
                let end = source[i..]
                    .char_indices()
                    .take(34)
                    .find(|&(_, c)| c == ';' || c.is_whitespace() || c == '<')
                    .filter(|&(_, c)| c == ';')
                    .map_or(i + 1, |(k, _)| i + k + 1);
                let entity = &source[i..end];
                let decoded = html_escape::decode_html_entities(entity);
                mask.write(i..end, &decoded);
                i = end;
                text_start = i;
            }
            _ => i += 1,
        }
    }
    mask.reveal(text_start..bytes.len());
    Prose {
        masked: Some(mask.finish()),
        comments,
        front_matter: None,
    }
}

/// The end of a tag starting at `start` (`<`): after its `>`, honouring quoted attributes.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = start + 1;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// A tag's lower-case name and whether it closes an element.
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// The byte offset of `needle` (ASCII) in `haystack` at or after `from`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len()) + 1)
        .find(|&k| hay[k..k + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(source: &str, markup: Markup) -> String {
        let prose = prose(source, markup);
        let masked = prose.masked.unwrap_or_else(|| source.to_string());
        assert_eq!(masked.len(), source.len(), "masking keeps every offset");
        masked.replace('\0', "")
    }

    #[test]
    fn markdown_code_is_not_prose() {
        let md = "# 外贸\n\n出口`13`万亿元。\n\n```\n进出口总值99万亿元\n```\n\n进口8.79万亿元。\n";
        let v = visible(md, Markup::Markdown);
        assert!(!v.contains("99万亿元"), "{v}");
        assert!(!v.contains("13"), "{v}");
        assert!(v.contains("进口8.79万亿元"), "{v}");
        assert!(!v.contains('#'), "{v}");
    }

    #[test]
    fn markdown_front_matter_links_and_entities() {
        let md =
            "---\ndate: 2025-07-15\n---\n\n见[通报](https://x.cn/2025/123.html)，增长5&#46;3%。\n";
        let p = prose(md, Markup::Markdown);
        assert_eq!(
            p.front_matter.as_deref().map(str::trim),
            Some("date: 2025-07-15")
        );
        let v = visible(md, Markup::Markdown);
        assert!(!v.contains("2025-07-15") && !v.contains("123"), "{v}");
        assert!(v.contains("增长5.3%"), "{v}");
    }

    #[test]
    fn markdown_comments_are_found() {
        let md = "正文。\n\n<!-- factlint-disable-next-line trade-balance -- 原文如此 -->\n出口13万亿元。\n";
        let p = prose(md, Markup::Markdown);
        assert_eq!(p.comments.len(), 1);
        assert_eq!(
            p.comments[0].body,
            "factlint-disable-next-line trade-balance -- 原文如此"
        );
        assert_eq!(
            &md[p.comments[0].span.clone()],
            "<!-- factlint-disable-next-line trade-balance -- 原文如此 -->"
        );
    }

    #[test]
    fn markdown_table_cells_stay_apart() {
        let md = "| 年份 | 增速 |\n|---|---|\n| 2023 | 5.2% |\n";
        let v = visible(md, Markup::Markdown);
        assert!(v.contains("2023 ") || v.contains("2023  "), "{v:?}");
        assert!(!v.contains("20235.2"), "{v:?}");
    }

    #[test]
    fn html_tags_scripts_and_entities() {
        let html = "<html><head><style>p{width:100%}</style><script>var x=\"99万亿元\";</script></head>\
<body><p class=\"lead\" data-n=\"12%\">出口<b>13</b>万亿元&nbsp;，进口8.79万亿元</p><p>第二段</p></body></html>";
        let v = visible(html, Markup::Html);
        assert!(
            !v.contains("99万亿元") && !v.contains("100%") && !v.contains("12%"),
            "{v}"
        );
        assert!(v.contains("出口13万亿元\u{a0}，进口8.79万亿元"), "{v}");
        assert!(v.contains("\n\n第二段"), "{v:?}");
    }

    #[test]
    fn html_comments_and_unclosed_markup_never_fail() {
        for s in [
            "<",
            "<p",
            "<!--",
            "&",
            "&amp",
            "<script>",
            "<a href='x>",
            "&#xFFFFFFFF;",
        ] {
            let v = visible(s, Markup::Html);
            assert!(v.len() <= s.len());
        }
        let p = prose("a<!-- factlint-enable -->b", Markup::Html);
        assert_eq!(p.comments[0].body, "factlint-enable");
    }

    #[test]
    fn text_directive_lines_are_masked() {
        let t =
            "标题\n<!-- factlint-disable-next-line trade-balance -- 原稿如此 -->\n出口13万亿元。\n";
        let p = prose(t, Markup::Text);
        assert_eq!(p.comments.len(), 1);
        let v = visible(t, Markup::Text);
        assert!(!v.contains("factlint"), "{v}");
        // Ordinary text is untouched and needs no mask.
        assert!(prose("出口13万亿元。", Markup::Text).masked.is_none());
    }

    #[test]
    fn kinds_from_extensions() {
        assert_eq!(Markup::from_path(Path::new("a/b.MD")), Markup::Markdown);
        assert_eq!(Markup::from_path(Path::new("a.htm")), Markup::Html);
        assert_eq!(Markup::from_path(Path::new("a.txt")), Markup::Text);
        assert_eq!(Markup::from_path(Path::new("README")), Markup::Text);
    }
}
