//! Times each stage (normalize, quotes and attributions, flags) on one file, read as plain
//! text: `cargo run --release --example stage_times FILE`. For finding which stage an input
//! that takes long (a fuzzer's `slow-*.bin`) spends its time in.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_times FILE");
        std::process::exit(2);
    };
    let data = match std::fs::read(&path) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("stage_times: {path}: {e}");
            std::process::exit(1);
        }
    };
    let article = slant::Article::from_text("a", &String::from_utf8_lossy(&data));
    let lexicon = slant::score::lexicon::Lexicon::default_english();
    let t = std::time::Instant::now();
    let doc = slant::normalize(&article);
    eprintln!(
        "normalize {:?} ({} sentences)",
        t.elapsed(),
        doc.sentences.len()
    );
    let t = std::time::Instant::now();
    let (quotes, attrs) = slant::extract::quotes::extract(0, &article, &doc, &lexicon);
    eprintln!(
        "extract {:?} ({} quotes, {} attributions)",
        t.elapsed(),
        quotes.len(),
        attrs.len()
    );
    eprintln!(
        "quote text: {} bytes in all, longest {}",
        quotes.iter().map(|q| q.text.len()).sum::<usize>(),
        quotes.iter().map(|q| q.text.len()).max().unwrap_or(0)
    );
    let t = std::time::Instant::now();
    let flags = slant::score::flags::flag_article(0, &article, &doc, &quotes, &lexicon);
    eprintln!("flag {:?} ({} flags)", t.elapsed(), flags.len());
}
