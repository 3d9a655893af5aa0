//! `html_body` on the shared third-party corpora (../shared/data/mail, read in place;
//! the tests skip when the folder is absent).

// Test code: a failed read should fail the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use kindly_mail::{html_body, inline_images, parse};

fn mail_dir() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/mail");
    if p.is_dir() {
        Some(p)
    } else {
        println!("skipping: shared data folder {} is absent", p.display());
        None
    }
}

fn read(rel: &str) -> Option<Vec<u8>> {
    let path = mail_dir()?.join(rel);
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !(name.starts_with("LICENSE") || name.ends_with(".json") || name.ends_with(".tsv")) {
                out.push(p);
            }
        }
    }
}

#[test]
fn rt_multipart_alternative_gives_the_html_alternative_with_umlauts() {
    let Some(raw) = read("rt/multipart-alternative-with-umlaut") else {
        return;
    };
    let html = html_body(&raw).expect("has an HTML alternative");
    assert!(html.to_ascii_lowercase().contains("<html"), "{html}");
    // iso-8859-1 quoted-printable decoded: no mojibake, no QP soft breaks.
    assert!(
        !html.contains("=3D") && !html.contains('\u{FFFD}'),
        "{html}"
    );
    assert!(html.chars().any(|c| "äöüÄÖÜß".contains(c)), "{html}");
}

#[test]
fn rt_single_part_html_with_umlaut() {
    let Some(raw) = read("rt/text-html-with-umlaut") else {
        return;
    };
    let html = html_body(&raw).expect("text/html mail");
    assert!(!html.contains('\u{FFFD}'), "{html}");
    assert!(html.chars().any(|c| "äöüÄÖÜß".contains(c)), "{html}");
}

#[test]
fn plain_text_fixtures_have_no_html_body() {
    let Some(dir) = mail_dir() else { return };
    let mut files = Vec::new();
    walk(&dir.join("mikel-mail/plain_emails"), &mut files);
    let mut checked = 0;
    for f in files {
        let raw = std::fs::read(&f).unwrap();
        let lower = String::from_utf8_lossy(&raw).to_ascii_lowercase();
        if lower.contains("text/html") {
            continue;
        }
        assert_eq!(html_body(&raw), None, "{}", f.display());
        checked += 1;
    }
    assert!(checked > 5, "only {checked} plain fixtures");
}

#[test]
fn inline_image_fixture_maps_its_content_id() {
    let Some(raw) = read("mikel-mail/attachment_emails/attachment_message_rfc822_inline_image.eml")
    else {
        return;
    };
    let html = html_body(&raw).expect("has HTML");
    let cid = "emedfeb92f-a786-4718-a446-98db8afb53fb@kronos";
    assert!(html.contains(&format!("cid:{cid}")), "{html}");
    let map = inline_images(&raw);
    let parsed = parse(&raw).unwrap();
    let i = *map.get(cid).expect("content id mapped");
    assert!(parsed.attachments[i].content_type.starts_with("image/"));
}

/// Every fixture: no panic, and whenever mail-parser finds an HTML body we return one
/// (the stalwart JSON files list the parts; this checks our side only).
#[test]
fn whole_corpus_never_panics_and_html_mail_gives_html() {
    let Some(dir) = mail_dir() else { return };
    let mut files = Vec::new();
    walk(&dir, &mut files);
    files.sort();
    let (mut with_html, mut total) = (0, 0);
    for f in &files {
        let raw = std::fs::read(f).unwrap();
        total += 1;
        let _ = inline_images(&raw);
        if let Some(html) = html_body(&raw) {
            with_html += 1;
            assert!(!html.is_empty() || raw.len() < 10_000, "{}", f.display());
        }
    }
    println!("{with_html} of {total} fixtures have an HTML body");
    assert!(total > 200 && with_html >= 20, "{with_html} of {total}");
}
