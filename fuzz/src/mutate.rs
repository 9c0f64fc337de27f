//! Input mutations for fuzzing: byte edits, plus the structures hostile or broken pages are
//! made of (quotation marks, tags, JSON punctuation, sentence ends, odd Unicode, long runs of
//! nesting), spliced into inputs that already reach deep into the stages.

/// A tiny xorshift64 generator: the same inputs for the same seed on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The largest input a mutation makes; larger inputs are cut.
pub const MAX_LEN: usize = 256 * 1024;

/// Pieces that mean something to some stage.
const TOKENS: &[&str] = &[
    // quotation marks, straight, curly, guillemets, low
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "``",
    "''",
    "\u{300c}",
    "\u{300d}",
    // markup
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span>",
    "<b>",
    "<i>",
    "</i>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&quot;",
    "&nbsp;",
    "<a href=\"x\">",
    "</a>",
    "<article>",
    "<h1>",
    "<table><tr><td>",
    "<figcaption>",
    "<meta charset=\"utf-8\">",
    "<html>",
    "<body>",
    // JSON
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"text\":",
    "\"html\":",
    "\"id\":",
    "\"title\":",
    "null",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "\n{\"text\": \"x\"}\n",
    "1e999",
    // sentences and reporting
    ". ",
    "? ",
    "! ",
    "... ",
    "\n",
    "\n\n",
    "\r\n",
    "Mr. ",
    "U.S. ",
    "said",
    "claimed",
    "according to",
    "told reporters",
    ", he said.",
    " was killed",
    "so-called ",
    "regime",
    "terrorists",
    "at least 12 people",
    "Photo: ",
    "Read more",
    "Advertisement",
    ": \"",
    "(AP) - ",
    "WASHINGTON \u{2014} ",
    // headers of text files
    "title: ",
    "outlet: ",
    "date: ",
    "url: ",
    "note: ",
    // Unicode edges
    "\u{0}",
    "\u{200b}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "\u{301}",
    "\u{130}",
    "\u{fffd}",
    "\u{1f600}",
    "\u{ff02}",
    "\u{2028}",
    "\u{85}",
    "\u{ad}",
    "\u{fb01}",
    "\u{1e9e}",
];

/// Openers that nest when repeated.
const NESTING: &[&str] = &[
    "<div>", "<span>", "<b><i>", "\u{201c}", "\"", "(", "[", "{\"a\":", "<p>", "\u{ab}",
];

/// A mutated copy of `input`; `pool` supplies material to splice in.
pub fn mutate(rng: &mut Rng, input: &[u8], pool: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        match rng.below(11) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.below(256) as u8;
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, token.iter().copied());
            }
            4 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                out.drain(start..end);
            }
            5 if !out.is_empty() => {
                // Repeat a stretch: long texts, many copies of one sentence.
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(256)).min(out.len());
                let piece = out[start..end].to_vec();
                let most = if rng.below(8) == 0 { 400 } else { 8 };
                let times = 1 + rng.below(most);
                let at = rng.below(out.len() + 1);
                let repeated: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * times)
                    .collect();
                out.splice(at..at, repeated);
            }
            6 if !pool.is_empty() => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(2048)).min(other.len());
                    let at = rng.below(out.len() + 1);
                    out.splice(at..at, other[start..end].iter().copied());
                }
            }
            7 if !out.is_empty() => {
                let keep = rng.below(out.len());
                out.truncate(keep);
            }
            8 => {
                // Deep nesting: thousands of openers, sometimes closed.
                let opener = NESTING[rng.below(NESTING.len())].as_bytes();
                let most = if rng.below(4) == 0 { 20_000 } else { 64 };
                let depth = 1 + rng.below(most);
                let at = rng.below(out.len() + 1);
                let run: Vec<u8> = opener
                    .iter()
                    .copied()
                    .cycle()
                    .take(opener.len() * depth)
                    .collect();
                out.splice(at..at, run);
            }
            9 => {
                // Quotation-mark soup: marks between short words.
                let mut soup = Vec::new();
                for _ in 0..1 + rng.below(200) {
                    soup.extend_from_slice(TOKENS[rng.below(13)].as_bytes());
                    soup.extend_from_slice(if rng.below(2) == 0 {
                        b"word "
                    } else {
                        b"said. "
                    });
                }
                let at = rng.below(out.len() + 1);
                out.splice(at..at, soup);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.extend_from_slice(token);
            }
        }
        if out.len() > MAX_LEN {
            out.truncate(MAX_LEN);
        }
    }
    out
}
