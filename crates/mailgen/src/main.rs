//! `kindly-mailgen --count N --seed S --out DIR`: write N synthetic help-desk mails.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use kindly_mailgen::Generator;

const MIX_HELP: &str = "\
Writes DIR/000001.eml, DIR/000002.eml, ... in arrival order. The same --seed always gives
byte-identical files: Date headers start at 2025-03-03T08:00:00Z and advance by seeded gaps
(5..240 s); nothing reads the clock or the network.

The mix (per mille of all mail):
  540  new requests: et 30%, ru 25%, en 25%, de 20% of customers; topics login, invoice,
       delivery, refund, bug, with order and invoice numbers; ~12% angry (capitals, \"!!!\",
       chargeback/complaint threats)
  120  replies threaded to an earlier mail of the thread (In-Reply-To: their own last mail or a
       plausible acknowledgement id; References always carry the customer's earlier ids),
       quoting the previous text
   40  thank-you replies (threaded; close the thread for further replies)
   50  identical re-sends: same text and subject as an earlier request, new Message-ID
   70  out-of-office auto-replies to our acknowledgement (Auto-Submitted: auto-replied)
   40  bounces of our acknowledgement: multipart/report; report-type=delivery-status from
       MAILER-DAEMON
   90  newsletters (List-Id, List-Unsubscribe, Precedence: bulk), multipart/alternative
   50  re-deliveries of a recent customer mail: same bytes plus one more Received header

Customer mail formats: text/plain (~55%), multipart/alternative (~35%), HTML only (~10%);
~12% carry a small attachment (PNG, log, PDF) in multipart/mixed; charsets UTF-8, and for
Russian windows-1251 (~25%) and KOI8-R (~12%), for the others ISO-8859-1 (~20% when the text
fits); transfer encodings 7bit/8bit (~45%), quoted-printable (~35%), base64 (~20%); Outlook
mail and ~10% of the rest with CRLF line ends. Typical sizes 1-20 KB.

--manifest FILE writes a TSV line per mail: file, kind, language, message_id, angry, topic.";

/// Deterministic synthetic customer mail for Kindly's benchmarks and tests.
#[derive(Parser, Debug)]
#[command(name = "kindly-mailgen", version, about, after_long_help = MIX_HELP, after_help = "The mix of mail kinds is described in --help.")]
struct Args {
    /// How many mails to write.
    #[arg(long)]
    count: usize,
    /// Seed of the generator: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory (created when missing).
    #[arg(long)]
    out: PathBuf,
    /// Also write a TSV manifest (file, kind, language, message_id, angry, topic).
    #[arg(long)]
    manifest: Option<PathBuf>,
}

fn run(args: &Args) -> Result<(), String> {
    fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    let mut manifest = match &args.manifest {
        Some(path) => Some(std::io::BufWriter::new(
            fs::File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?,
        )),
        None => None,
    };
    let width = args.count.to_string().len().max(6);
    for (i, mail) in Generator::new(args.seed, args.count)
        .take(args.count)
        .enumerate()
    {
        let name = format!("{:0width$}.eml", i + 1);
        let path = args.out.join(&name);
        fs::write(&path, &mail.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        if let Some(m) = manifest.as_mut() {
            writeln!(
                m,
                "{name}\t{}\t{}\t{}\t{}\t{}",
                mail.kind,
                mail.language.unwrap_or("-"),
                mail.message_id,
                mail.angry,
                mail.topic.unwrap_or("-")
            )
            .map_err(|e| format!("cannot write manifest: {e}"))?;
        }
    }
    if let Some(mut m) = manifest {
        m.flush()
            .map_err(|e| format!("cannot write manifest: {e}"))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kindly-mailgen: {e}");
            ExitCode::from(73) // EX_CANTCREAT
        }
    }
}
