//! Hostile-mail-safe HTML for the agent's browser.
//!
//! ```text
//! safe_html(html, show_remote_images) -> SafeHtml { html, blocked_images, removed }
//! safe_html_with(html, show_remote_images, cid_url) -> SafeHtml
//! ```
//!
//! `html` is a mail's HTML body as sent (`kindly_mail::html_body`). The result's
//! `html` is a fragment to put inside the page as it is (no further escaping): every
//! element and attribute in it comes from the allow-list below, so nothing in it can
//! run script, submit a form, restyle or overlay the page, or load anything the agent
//! did not ask for.
//!
//! # What is kept
//! - Formatting tags: `a abbr address b bdi bdo big blockquote br caption center cite
//!   code col colgroup dd del dfn div dl dt em figcaption figure font h1`…`h6 hr i img
//!   ins kbd li mark ol p pre q s samp small span strike strong sub sup table tbody td
//!   tfoot th thead time tr tt u ul var wbr` and the sectioning tags (`article aside
//!   footer header main nav section`). Unknown tags are removed, their text kept.
//! - Attributes: `title lang dir align` anywhere; table layout (`width height border
//!   cellpadding cellspacing colspan rowspan valign bgcolor span`); `font`'s `color
//!   face size`; `ol start type`, `li value`, `time datetime`; `img alt width height src`;
//!   `a href`. No `class`, `id` or `name` (the page's own CSS and DOM stay ours).
//! - `style`: only `color`, `background-color`, `text-align`, `vertical-align`,
//!   `font-weight`, `font-style` and `text-decoration`, and only with values made of
//!   letters, digits, spaces and `# % . , -`, plus parentheses after `rgb`, `rgba`,
//!   `hsl`, `hsla`: no `url(`, `expression(`, `var(`, escapes, comments, quotes or
//!   `@import` can get through. Other declarations are dropped.
//! - Links: `http:`, `https:` and `mailto:` only, always with
//!   `rel="noopener noreferrer nofollow"` and `target="_blank"`. Relative links are
//!   dropped (they would point into Kindly itself).
//!
//! # What is removed
//! - With their content: `script style title noscript noembed noframes iframe frame
//!   frameset object embed applet template svg math xmp plaintext textarea select`.
//! - Without their content (the text stays): everything not in the list, e.g. `form`,
//!   `input`, `button`, `base`, `meta`, `link`, `body`, `html`. Comments.
//! - Every other attribute, event handlers (`on*`) included; URLs with any other
//!   scheme (`javascript:`, `data:`, `vbscript:`, `file:`…, however encoded or
//!   obfuscated: the URL is parsed as browsers do).
//!
//! # Images
//! - Remote (`http`/`https`) images lose their `src` unless `show_remote_images`;
//!   they are counted in [`SafeHtml::blocked_images`] so the page can offer "show
//!   images". The `alt` text stays.
//! - Tracking pixels lose their `src` even then: `width` or `height` of 2 or less (as
//!   an attribute or in `style`), `display:none`, `visibility:hidden`, `opacity:0`.
//! - `cid:` images (inline attachments) lose their `src` with [`safe_html`]; with
//!   [`safe_html_with`] the `cid_url` callback maps a content id (without `cid:`) to
//!   our own attachment URL (absolute, or a relative path such as
//!   `/tickets/7/attachments/2`), which is then the only relative URL let through.
//! - `data:` and every other image source is removed. An `<img>` whose `src` was not
//!   decided on by this module's first pass never keeps one.
//!
//! [`SafeHtml::removed`] says what was taken out, one entry per kind with its count
//! (`"2 × <script>"`, `"1 × onerror attribute"`, `"3 × javascript: link"`,
//! `"1 × tracking pixel"`), in order of first appearance, for a "we removed N things"
//! note. Blocked remote images are not in it (they are in `blocked_images`).
//!
//! Never panics; the work is linear in the input for ordinary mail (html5ever parses it
//! twice).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ammonia::{Builder, Url, UrlRelative, UrlRelativeEvaluate};
use html5ever::serialize::{SerializeOpts, serialize};
use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, QualName, local_name, ns, parse_fragment};
use markup5ever_rcdom::{Handle, NodeData, RcDom, SerializableHandle};

/// A mail's HTML made safe to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeHtml {
    /// The sanitised fragment, ready to be embedded unescaped.
    pub html: String,
    /// Remote images whose `src` was removed because `show_remote_images` was false.
    pub blocked_images: usize,
    /// What was stripped, one `"N × what"` entry per kind, in order of first appearance.
    pub removed: Vec<String>,
}

const TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "main",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Removed together with everything inside them.
const CLEAN_CONTENT_TAGS: &[&str] = &[
    "script",
    "style",
    "title",
    "noscript",
    "noembed",
    "noframes",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "template",
    "svg",
    "math",
    "xmp",
    "plaintext",
    "textarea",
    "select",
];

const GENERIC_ATTRIBUTES: &[&str] = &["title", "lang", "dir", "align", "style"];

const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href"]),
    ("img", &["src", "alt", "width", "height"]),
    (
        "table",
        &[
            "width",
            "height",
            "border",
            "cellpadding",
            "cellspacing",
            "bgcolor",
        ],
    ),
    ("tr", &["valign", "bgcolor", "height"]),
    (
        "td",
        &["colspan", "rowspan", "width", "height", "valign", "bgcolor"],
    ),
    (
        "th",
        &["colspan", "rowspan", "width", "height", "valign", "bgcolor"],
    ),
    ("col", &["span", "width", "valign"]),
    ("colgroup", &["span", "width", "valign"]),
    ("font", &["color", "face", "size"]),
    ("ol", &["start", "type"]),
    ("li", &["value"]),
    ("time", &["datetime"]),
    ("hr", &["width", "size"]),
];

const STYLE_PROPERTIES: &[&str] = &[
    "color",
    "background-color",
    "text-align",
    "vertical-align",
    "font-weight",
    "font-style",
    "text-decoration",
];

const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// [`safe_html_with`] without inline images: `cid:` images lose their `src`.
/// Deepest tag nesting [`nesting_depth_at_most`] lets through to the parser: the
/// HTML parser's work grows with the square of the depth, so a hostile mail of
/// nested `<div>`s could tie a worker up for minutes. Real mail stays far below.
pub const MAX_NESTING: usize = 400;

/// True when no point of `html` is more than `max` start tags deep, by a cheap
/// linear scan that over-counts (void and never-closed tags count as open): a
/// mail that fails it is shown as text.
pub fn nesting_depth_at_most(html: &str, max: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            match bytes.get(i + 1) {
                Some(b'/') => depth = depth.saturating_sub(1),
                Some(c) if c.is_ascii_alphabetic() => {
                    depth += 1;
                    if depth > max {
                        return false;
                    }
                }
                _ => {}
            }
        } else if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'>') {
            depth = depth.saturating_sub(1);
        }
        i += 1;
    }
    true
}

pub fn safe_html(html: &str, show_remote_images: bool) -> SafeHtml {
    safe_html_with(html, show_remote_images, &|_| None)
}

/// Sanitises a mail's HTML; `cid_url` maps an inline image's content id (the part
/// after `cid:`, percent-decoded) to the URL that serves that attachment.
pub fn safe_html_with(
    html: &str,
    show_remote_images: bool,
    cid_url: &dyn Fn(&str) -> Option<String>,
) -> SafeHtml {
    let mut pass = FirstPass {
        show_remote_images,
        cid_url,
        approved: HashSet::new(),
        blocked: 0,
        changed: false,
        removed: Vec::new(),
    };
    let dom = parse(html);
    let root = fragment_root(&dom);
    if let Some(root) = &root {
        pass.walk(root);
    }
    // Only serialise the first pass's tree when it changed something.
    let input: Cow<'_, str> = match (&root, pass.changed) {
        (Some(root), true) => Cow::Owned(serialise(root)),
        _ => Cow::Borrowed(html),
    };
    drop(dom);
    let approved = Arc::new(pass.approved);
    let clean = builder(approved).clean(&input).to_string();
    SafeHtml {
        html: clean,
        blocked_images: pass.blocked,
        removed: pass
            .removed
            .into_iter()
            .map(|(what, n)| format!("{n} × {what}"))
            .collect(),
    }
}

/// The ammonia policy. `approved` holds the only image sources (and the only
/// relative URLs) that may stay: those the first pass decided on.
fn builder(approved: Arc<HashSet<String>>) -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(CLEAN_CONTENT_TAGS.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .generic_attribute_prefixes(HashSet::new())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                .collect(),
        )
        .tag_attribute_values(HashMap::new())
        .allowed_classes(HashMap::new())
        .url_schemes(LINK_SCHEMES.iter().copied().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .set_tag_attribute_value("a", "target", "_blank")
        .strip_comments(true)
        .id_prefix(None);
    b.url_relative(UrlRelative::Custom(Box::new(OnlyApproved(Arc::clone(
        &approved,
    )))));
    b.attribute_filter(move |element, attribute, value| {
        let value = match (element, attribute) {
            ("img", "src") => approved.contains(value).then_some(Cow::Borrowed(value))?,
            (_, "style") => Cow::Owned(safe_style(value)?),
            (_, "href" | "src") => Cow::Borrowed(value),
            _ => plain_value(attribute, value)?,
        };
        harden_attribute(attribute, value)
    });
    b
}

/// Presentational attributes keep only values of their own shape: numbers for sizes,
/// colour names and `#hex` for colours, plain words for the rest.
fn plain_value<'u>(attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let v = value.trim();
    let ok = match attribute {
        "width" | "height" | "border" | "cellpadding" | "cellspacing" | "colspan" | "rowspan"
        | "span" | "start" | "value" | "size" => {
            !v.is_empty()
                && v.len() <= 12
                && v.chars()
                    .all(|c| c.is_ascii_digit() || ".%*+- ".contains(c))
        }
        "bgcolor" | "color" => {
            !v.is_empty()
                && v.len() <= 30
                && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
        }
        "align" | "valign" | "dir" | "type" | "lang" => {
            v.len() <= 20 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }
        "face" => v
            .chars()
            .all(|c| c.is_alphanumeric() || " ,-_'".contains(c)),
        // title, alt, datetime: text.
        _ => true,
    };
    ok.then_some(Cow::Borrowed(value))
}

/// Defence in depth for the serialised output: no raw `<` or `>` inside attribute
/// values (they are harmless in a value, but markup that is later re-parsed in another
/// context, or scanned by a naive filter, should not carry tag-like text), and no
/// attribute that mentions a script URL (an allowed `title` saying `javascript:` is
/// dropped: it only ever comes from hostile mail).
fn harden_attribute<'u>(attribute: &str, value: Cow<'u, str>) -> Option<Cow<'u, str>> {
    let squashed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    if squashed.contains("javascript:") || squashed.contains("vbscript:") {
        return None;
    }
    if !value.contains(['<', '>']) {
        return Some(value);
    }
    let url = matches!(attribute, "href" | "src");
    Some(Cow::Owned(
        value
            .chars()
            .map(|c| match (c, url) {
                ('<', true) => "%3C".to_string(),
                ('>', true) => "%3E".to_string(),
                ('<', false) => "\u{2039}".to_string(),
                ('>', false) => "\u{203A}".to_string(),
                (c, _) => c.to_string(),
            })
            .collect(),
    ))
}

/// Relative URLs: only the attachment URLs the first pass put in.
struct OnlyApproved(Arc<HashSet<String>>);

impl UrlRelativeEvaluate<'_> for OnlyApproved {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        self.0.contains(url).then_some(Cow::Borrowed(url))
    }
}

/// Parses like ammonia does: a fragment in a `<div>`.
fn parse(html: &str) -> RcDom {
    parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("div")),
        vec![],
        false,
    )
    .one(html)
}

/// The `<html>` element html5ever puts the fragment in.
fn fragment_root(dom: &RcDom) -> Option<Handle> {
    dom.document.children.borrow().first().cloned()
}

fn serialise(root: &Handle) -> String {
    let mut out = Vec::new();
    let handle: SerializableHandle = root.clone().into();
    if serialize(&mut out, &handle, SerializeOpts::default()).is_err() {
        // Writing to a Vec does not fail; should it, ammonia cleans an empty fragment.
        return String::new();
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decides on every image and notes what the policy will remove.
struct FirstPass<'f> {
    show_remote_images: bool,
    cid_url: &'f dyn Fn(&str) -> Option<String>,
    approved: HashSet<String>,
    blocked: usize,
    changed: bool,
    removed: Vec<(String, usize)>,
}

impl FirstPass<'_> {
    fn note(&mut self, what: String) {
        match self.removed.iter_mut().find(|(w, _)| *w == what) {
            Some((_, n)) => *n += 1,
            None => self.removed.push((what, 1)),
        }
    }

    /// Depth-first without recursion (mail can nest deeply).
    fn walk(&mut self, root: &Handle) {
        let mut stack: Vec<Handle> = root.children.borrow().iter().rev().cloned().collect();
        while let Some(node) = stack.pop() {
            if let NodeData::Element { name, .. } = &node.data {
                let tag = name.local.to_ascii_lowercase();
                let html_ns = name.ns == ns!(html);
                if CLEAN_CONTENT_TAGS.contains(&tag.as_str()) {
                    self.note(format!("<{tag}>"));
                    continue;
                }
                if !html_ns || !TAGS.contains(&tag.as_str()) {
                    self.note(format!("<{tag}>"));
                } else {
                    self.element(&tag, &node);
                }
            }
            stack.extend(node.children.borrow().iter().rev().cloned());
        }
    }

    fn element(&mut self, tag: &str, node: &Handle) {
        let NodeData::Element { attrs, .. } = &node.data else {
            return;
        };
        let list: Vec<(String, String)> = attrs
            .borrow()
            .iter()
            .map(|a| (str::to_ascii_lowercase(&a.name.local), a.value.to_string()))
            .collect();
        for (name, value) in &list {
            if name.starts_with("on") {
                self.note(format!("{name} attribute"));
            } else if name == "style" {
                let declared = style_declarations(value).count();
                let kept = safe_style(value).map_or(0, |s| s.split("; ").count());
                if kept < declared || value.contains(['@', '\\', '/', '{']) {
                    self.note("style attribute".into());
                }
            } else if name == "href" && tag == "a" {
                if let Some(what) = bad_link(value) {
                    self.note(what);
                }
            } else if name == "srcset" || name == "background" {
                self.note(format!("{name} attribute"));
            }
        }
        if tag == "img" {
            self.image(node, &list);
        }
    }

    fn image(&mut self, node: &Handle, attrs: &[(String, String)]) {
        let Some(src) = attrs.iter().find(|(n, _)| n == "src").map(|(_, v)| v) else {
            return;
        };
        let new_src = match Url::parse(src.trim()) {
            Ok(url) if url.scheme() == "http" || url.scheme() == "https" => {
                if is_tracking_pixel(attrs) {
                    self.note("tracking pixel".into());
                    None
                } else if self.show_remote_images {
                    self.approved.insert(src.clone());
                    return;
                } else {
                    self.blocked += 1;
                    None
                }
            }
            Ok(url) if url.scheme() == "cid" => {
                let cid = percent_decode(url.path());
                match (self.cid_url)(&cid) {
                    Some(mapped) => {
                        self.approved.insert(mapped.clone());
                        Some(mapped)
                    }
                    None => {
                        self.note("inline image".into());
                        None
                    }
                }
            }
            Ok(url) => {
                self.note(format!("{}: image", url.scheme()));
                None
            }
            Err(_) => {
                self.note("image with a relative or broken address".into());
                None
            }
        };
        let NodeData::Element { attrs, .. } = &node.data else {
            return;
        };
        let mut attrs = attrs.borrow_mut();
        match new_src {
            Some(url) => {
                for a in attrs.iter_mut() {
                    if str::eq_ignore_ascii_case(&a.name.local, "src") {
                        a.value = url.as_str().into();
                    }
                }
            }
            None => attrs.retain(|a| !str::eq_ignore_ascii_case(&a.name.local, "src")),
        }
        self.changed = true;
    }
}

/// What a link's `href` is removed as, or `None` when the link stays.
fn bad_link(href: &str) -> Option<String> {
    match Url::parse(href.trim()) {
        Ok(url) if LINK_SCHEMES.contains(&url.scheme()) => None,
        Ok(url) => Some(format!("{}: link", url.scheme())),
        Err(_) => Some("relative or broken link".into()),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A length of 2 CSS pixels or less (`1`, `0px`, `2.0`, `1px`); `None` when not a plain length.
fn tiny_length(value: &str) -> Option<bool> {
    let v = value.trim().trim_end_matches("!important").trim();
    let v = v.strip_suffix("px").unwrap_or(v).trim();
    v.parse::<f64>().ok().map(|n| n <= 2.0)
}

fn style_declarations(style: &str) -> impl Iterator<Item = (String, String)> + '_ {
    style.split(';').filter_map(|decl| {
        let (prop, value) = decl.split_once(':')?;
        Some((
            prop.trim().to_ascii_lowercase(),
            value.trim().to_ascii_lowercase(),
        ))
    })
}

fn is_tracking_pixel(attrs: &[(String, String)]) -> bool {
    let attr = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v);
    if ["width", "height"]
        .iter()
        .any(|n| attr(n).and_then(|v| tiny_length(v)) == Some(true))
    {
        return true;
    }
    let Some(style) = attr("style") else {
        return false;
    };
    style_declarations(style).any(|(prop, value)| {
        let value = value.trim_end_matches("!important").trim();
        match prop.as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "opacity" => value.parse::<f64>().is_ok_and(|o| o <= 0.01),
            "width" | "height" | "max-width" | "max-height" => tiny_length(value) == Some(true),
            _ => false,
        }
    })
}

/// The allowed part of a `style` attribute, normalised; `None` when nothing is left.
pub(crate) fn safe_style(style: &str) -> Option<String> {
    let kept: Vec<String> = style_declarations(style)
        .filter(|(prop, value)| STYLE_PROPERTIES.contains(&prop.as_str()) && safe_css_value(value))
        .map(|(prop, value)| format!("{prop}: {value}"))
        .collect();
    (!kept.is_empty()).then(|| kept.join("; "))
}

/// Letters, digits, spaces and `# % . , -`; parentheses only after rgb/rgba/hsl/hsla,
/// never nested. Nothing that can name a URL, escape a character or end the value.
fn safe_css_value(value: &str) -> bool {
    if value.is_empty() || value.len() > 100 {
        return false;
    }
    let mut ident = String::new();
    let mut in_call = false;
    for c in value.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' => ident.push(c.to_ascii_lowercase()),
            '(' => {
                if in_call || !matches!(ident.as_str(), "rgb" | "rgba" | "hsl" | "hsla") {
                    return false;
                }
                in_call = true;
                ident.clear();
            }
            ')' => {
                if !in_call {
                    return false;
                }
                in_call = false;
                ident.clear();
            }
            ' ' | '#' | '%' | '.' | ',' => ident.clear(),
            _ => return false,
        }
    }
    !in_call
}

#[cfg(test)]
#[path = "sanitize_tests.rs"]
mod tests;

#[cfg(test)]
mod nesting {
    use super::*;

    #[test]
    fn deep_nesting_is_caught_in_linear_time_and_real_mail_passes() {
        assert!(nesting_depth_at_most("<div><p>a</p><br/><p>b</p></div>", 2));
        assert!(!nesting_depth_at_most(
            "<div><div><div>x</div></div></div>",
            2
        ));
        let hostile = "<div>".repeat(200_000);
        assert!(!nesting_depth_at_most(&hostile, MAX_NESTING));
        let flat = "<p>line</p>".repeat(100_000);
        assert!(nesting_depth_at_most(&flat, MAX_NESTING));
        assert!(nesting_depth_at_most("a < b and 3 </ 4 <", 1));
    }
}
