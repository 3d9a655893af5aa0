//! How long the HTML sanitiser takes as a mail grows: 100 kB, 1 MB and 10 MB
//! of a newsletter-like block with hostile bits, best of 5 runs each. Linear
//! work shows ~10× per step; quadratic would show ~100×.
//!
//!     cargo bench -p kindly-web --bench sanitize

use std::time::{Duration, Instant};

use kindly_web::sanitize::safe_html;

const BLOCK: &str = "<table width=\"600\"><tr><td style=\"color: #333\"><p>Hello <b>world</b> \
     <a href=\"https://ok.example/?id=1\">link</a> <img src=\"https://cdn.example/i.png\" width=100>\
     <script>alert(1)</script><span onclick=x>t</span></p></td></tr></table>\n";

fn best_of(runs: usize, html: &str) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = safe_html(html, false);
            let took = t.elapsed();
            assert!(!out.html.contains("<script"));
            took
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut last: Option<Duration> = None;
    for size in [100_000, 1_000_000, 10_000_000] {
        let html = BLOCK.repeat(size / BLOCK.len());
        let took = best_of(if size > 1_000_000 { 2 } else { 5 }, &html);
        let ratio = last.map_or_else(String::new, |l| {
            format!(
                "  ({:.1}× the size before)",
                took.as_secs_f64() / l.as_secs_f64()
            )
        });
        println!(
            "sanitize {:>6} kB: {:>9.2?}{ratio}",
            html.len() / 1000,
            took
        );
        last = Some(took);
    }
}
