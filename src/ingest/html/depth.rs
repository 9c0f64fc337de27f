//! How deep a page nests its elements, before and after parsing, and flattening pages nested
//! too deep to parse quickly.
//!
//! The HTML parser's time grows with the square of the nesting for block elements (each
//! `<div>` start tag looks down the whole stack of open elements for a `<p>` to close): 0.3 s
//! at 10,000 nested `<div>`s, 9 s at 50,000 (measured on this project's machine). So before
//! parsing, one linear scan of the tags ([`estimate`]) follows the stack of open elements with
//! the parser's main rules for closing them (implied ends of `<p>`, `<li>`, table cells;
//! end tags that do not close across other blocks), each rule answered in constant time. A
//! page estimated deeper than [`PARSE_LIMIT`] is [`flatten`]ed: tags past a depth are dropped,
//! their text kept, block boundaries kept as `<hr>`. The estimate can be off on misnested
//! markup, so it only guards the parser, with a wide margin; which reader reads the body is
//! decided on the parsed tree's own depth ([`tree_depth`]).

use super::tags::{Tag, tags};
use scraper::Html;
use std::collections::HashMap;

/// Pages estimated deeper than this are flattened before parsing.
pub(super) const PARSE_LIMIT: usize = 10_000;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Start tags that close an open `<p>` (in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Formatting elements: their end tag closes them even across blocks opened inside them.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements an end tag of an ordinary inline element does not close across.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "button",
    "caption",
    "center",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "iframe",
    "li",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "xmp",
];

/// Elements that bound the default scope: an end tag does not reach past them.
const SCOPE: &[&str] = &[
    "applet", "caption", "marquee", "object", "table", "td", "template", "th",
];
const BUTTON_SCOPE: &[&str] = &[
    "applet", "button", "caption", "marquee", "object", "table", "td", "template", "th",
];
const LIST_ITEM_SCOPE: &[&str] = &[
    "applet", "caption", "marquee", "object", "ol", "table", "td", "template", "th", "ul",
];
const TABLE_SCOPE: &[&str] = &["table", "template"];

/// Elements the page parser always provides, counted once whatever the page says.
const IMPLIED: &[&str] = &["body", "head", "html"];

/// Depth of the elements the scan sees first: inside `<html>` and `<body>` (or `<head>`).
const ROOT_DEPTH: usize = 2;

/// Table parts: the parser ignores them outside a table, and adds the row group and row a
/// cell needs.
const TABLE_PARTS: &[&str] = &[
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Elements kept even past the flattening depth: their text is not page text, and dropping
/// their tags would show it.
const KEEP_WHEN_FLAT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "template", "textarea",
    "title", "xmp",
];

/// The deepest nesting of elements the parser is estimated to build from `page`, counting
/// `<html>` and `<body>` (so a page with one `<p>` in its body is 3 deep).
pub(super) fn estimate(page: &str) -> usize {
    let mut open = OpenElements::default();
    for tag in tags(page) {
        open.read(&tag);
    }
    open.deepest + ROOT_DEPTH
}

/// `page` with no element deeper than about `depth`: tags past it are dropped (the text
/// between them is kept, and a dropped block's start or end becomes `<hr>` before the next
/// text, so paragraphs stay apart).
pub(super) fn flatten(page: &str, depth: usize) -> String {
    let cap = depth.saturating_sub(ROOT_DEPTH);
    let mut open = OpenElements::default();
    let mut out = String::with_capacity(page.len());
    let mut copied = 0;
    let mut pending_break = false;
    for tag in tags(page) {
        let text = &page[copied..tag.span.start];
        if pending_break && !text.trim().is_empty() {
            out.push_str("<hr>");
            pending_break = false;
        }
        out.push_str(text);
        copied = tag.span.end;
        let kept = open.read_capped(&tag, cap);
        if kept {
            if pending_break {
                out.push_str("<hr>");
                pending_break = false;
            }
            out.push_str(&page[tag.span.clone()]);
        } else if Kind::of(&tag.name).special {
            pending_break = true;
        }
    }
    if pending_break && !page[copied..].trim().is_empty() {
        out.push_str("<hr>");
    }
    out.push_str(&page[copied..]);
    out
}

/// The deepest nesting of elements in a parsed page (the root element is depth 1), counted
/// without recursion.
pub(super) fn tree_depth(doc: &Html) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ego_tree::iter::Edge::Close(node) if node.value().is_element() => depth -= 1,
            _ => {}
        }
    }
    deepest
}

/// What the rules need to know about an element name, looked up once per name.
#[derive(Debug, Clone, Copy, Default)]
struct Kind {
    void: bool,
    implied: bool,
    table_part: bool,
    closes_p: bool,
    formatting: bool,
    special: bool,
    keep_when_flat: bool,
    /// Which scopes ([`Scope`]) the element bounds.
    bounds: [bool; Scope::COUNT],
}

impl Kind {
    fn of(name: &str) -> Self {
        let is = |list: &[&str]| list.contains(&name);
        Self {
            void: is(VOID),
            implied: is(IMPLIED),
            table_part: is(TABLE_PARTS),
            closes_p: is(CLOSES_P),
            formatting: is(FORMATTING),
            special: is(SPECIAL),
            keep_when_flat: is(KEEP_WHEN_FLAT),
            bounds: Scope::ALL.map(|scope| is(scope.bounds())),
        }
    }
}

/// The parser's scopes: an element is "in scope" when no element bounding the scope was
/// opened after it.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

impl Scope {
    const COUNT: usize = 4;
    const ALL: [Scope; Self::COUNT] = [Self::Default, Self::Button, Self::ListItem, Self::Table];

    fn bounds(self) -> &'static [&'static str] {
        match self {
            Self::Default => SCOPE,
            Self::Button => BUTTON_SCOPE,
            Self::ListItem => LIST_ITEM_SCOPE,
            Self::Table => TABLE_SCOPE,
        }
    }
}

/// One element the scan has seen open, and whether [`flatten`] kept its tags.
#[derive(Debug)]
struct Open {
    name: usize,
    kept: bool,
}

/// An element name seen in the page: what it is, and where it is open.
#[derive(Debug)]
struct Name {
    kind: Kind,
    /// Its positions in the stack of open elements, lowest first.
    open_at: Vec<usize>,
}

/// The parser's stack of open elements as the scan follows it, with the positions of each
/// open name and of each scope's bounding elements, so that "is there an open `<p>` above the
/// nearest table?" takes constant time.
#[derive(Debug, Default)]
struct OpenElements {
    stack: Vec<Open>,
    ids: HashMap<String, usize>,
    names: Vec<Name>,
    /// Positions of the open [`SPECIAL`] elements, lowest first.
    special: Vec<usize>,
    /// For each scope, the positions of the open elements that bound it, lowest first.
    bounds: [Vec<usize>; Scope::COUNT],
    deepest: usize,
}

impl OpenElements {
    /// Follows one tag with no flattening.
    fn read(&mut self, tag: &Tag<'_>) {
        self.read_capped(tag, usize::MAX);
    }

    /// Follows one tag; returns whether a page flattened at `cap` keeps it.
    fn read_capped(&mut self, tag: &Tag<'_>, cap: usize) -> bool {
        let name = self.id(&tag.name);
        let kind = self.names[name].kind;
        if kind.implied || kind.void {
            return true;
        }
        if tag.end {
            return match self.closed_by_end_tag(name, &tag.name) {
                Some(i) => self.pop_to(i),
                None => self.stack.len() < cap,
            };
        }
        let ignored = (tag.self_closing && self.nearest_of(&["math", "svg"]).is_some())
            || (kind.table_part && self.nearest("table").is_none());
        if ignored {
            return self.stack.len() < cap;
        }
        self.close_implied_by(&tag.name, kind);
        self.open_implied_by(&tag.name, cap);
        let kept = self.stack.len() < cap || kind.keep_when_flat;
        self.push(name, kept);
        kept
    }

    /// The id of an element name, given one the first time it is seen.
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len();
        self.names.push(Name {
            kind: Kind::of(name),
            open_at: Vec::new(),
        });
        self.ids.insert(name.to_string(), id);
        id
    }

    /// The position of the element an end tag closes, if any.
    fn closed_by_end_tag(&self, id: usize, name: &str) -> Option<usize> {
        let nearest = *self.names[id].open_at.last()?;
        let kind = self.names[id].kind;
        if kind.formatting {
            Some(nearest)
        } else if kind.special {
            let scope = match name {
                "p" => Scope::Button,
                "li" => Scope::ListItem,
                "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => Scope::Table,
                _ => Scope::Default,
            };
            self.in_scope(nearest, scope).then_some(nearest)
        } else {
            self.special
                .last()
                .is_none_or(|&s| s < nearest)
                .then_some(nearest)
        }
    }

    /// Closes what a start tag `name` implicitly ends: an open `<p>` before a block, the
    /// previous item, cell, row, option or heading, an open link before another.
    fn close_implied_by(&mut self, name: &str, kind: Kind) {
        if kind.closes_p
            && let Some(p) = self
                .nearest("p")
                .filter(|&p| self.in_scope(p, Scope::Button))
        {
            self.pop_to(p);
        }
        let (previous, scope): (&[&str], Option<Scope>) = match name {
            "li" => (&["li"], Some(Scope::ListItem)),
            "dd" | "dt" => (&["dd", "dt"], Some(Scope::Default)),
            "td" | "th" => (&["td", "th"], Some(Scope::Table)),
            "tr" => (&["tr"], Some(Scope::Table)),
            "tbody" | "tfoot" | "thead" => (&["tbody", "tfoot", "thead"], Some(Scope::Table)),
            "a" | "nobr" => (&["a", "nobr"], None),
            "option" | "optgroup" => (&["option"], None),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                (&["h1", "h2", "h3", "h4", "h5", "h6"], None)
            }
            _ => return,
        };
        let Some(i) = self.nearest_of(previous) else {
            return;
        };
        let closes = match scope {
            Some(scope) => self.in_scope(i, scope),
            // Options and headings close only the current element; links close across.
            None => {
                !matches!(
                    name,
                    "option" | "optgroup" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) || i + 1 == self.stack.len()
            }
        };
        if closes {
            self.pop_to(i);
        }
    }

    /// Opens what the parser adds before a row or cell: a row group, a row.
    fn open_implied_by(&mut self, name: &str, cap: usize) {
        if !matches!(name, "td" | "th" | "tr") {
            return;
        }
        let table = self.nearest("table");
        let group = self.nearest_of(&["tbody", "tfoot", "thead"]);
        if group < table {
            let tbody = self.id("tbody");
            self.push(tbody, self.stack.len() < cap);
        }
        let group = self.nearest_of(&["tbody", "tfoot", "thead"]);
        if name != "tr" && self.nearest("tr") < group {
            let tr = self.id("tr");
            self.push(tr, self.stack.len() < cap);
        }
    }

    fn push(&mut self, name: usize, kept: bool) {
        let position = self.stack.len();
        let kind = self.names[name].kind;
        self.names[name].open_at.push(position);
        if kind.special {
            self.special.push(position);
        }
        for (bounds, &bounding) in self.bounds.iter_mut().zip(&kind.bounds) {
            if bounding {
                bounds.push(position);
            }
        }
        self.stack.push(Open { name, kept });
        self.deepest = self.deepest.max(self.stack.len());
    }

    /// Closes the element at `position` and every element opened after it; returns whether
    /// the element at `position` was kept.
    fn pop_to(&mut self, position: usize) -> bool {
        let mut kept = true;
        while self.stack.len() > position {
            let open = self.stack.pop().expect("the stack is longer than position");
            let index = self.stack.len();
            self.names[open.name].open_at.pop();
            for positions in std::iter::once(&mut self.special).chain(self.bounds.iter_mut()) {
                if positions.last() == Some(&index) {
                    positions.pop();
                }
            }
            kept = open.kept;
        }
        kept
    }

    fn nearest(&self, name: &str) -> Option<usize> {
        let id = *self.ids.get(name)?;
        self.names[id].open_at.last().copied()
    }

    fn nearest_of(&self, names: &[&str]) -> Option<usize> {
        names.iter().filter_map(|n| self.nearest(n)).max()
    }

    /// Whether no element bounding `scope` was opened after the one at `position` (the
    /// element itself may be one of them).
    fn in_scope(&self, position: usize, scope: Scope) -> bool {
        self.bounds[scope as usize]
            .last()
            .is_none_or(|&b| b <= position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(page: &str) -> usize {
        tree_depth(&Html::parse_document(page))
    }

    #[test]
    fn the_estimate_follows_the_parser_on_ordinary_markup() {
        for page in [
            "<p>one",
            "<div><div><p>deep</p></div></div>",
            "<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>",
            "<p>one<p>two<div>three</div>",
            "<dl><dt>a<dd>b<dt>c<dd>d</dl>",
            "<table><tr><td>a<td>b<tr><td>c</table>",
            "<p><b>bold <i>both</b> after</i></p>",
            "<div><span>a</div></span><div>b</div>",
            "<select><option>a<option>b</select>",
            "<h2>one<h3>two</h3>",
            "<a href=1>one<a href=2>two</a>",
            "<svg><path/><path/></svg><div/><div>x</div>",
            "<html><head><title>t</title></head><body><article><p>x</article></body></html>",
        ] {
            assert_eq!(estimate(page), exact(page), "{page}");
        }
    }

    #[test]
    fn the_estimate_sees_deep_nesting_and_unclosed_inline_tags() {
        let divs = format!("{}x{}", "<div>".repeat(500), "</div>".repeat(500));
        assert_eq!(estimate(&divs), exact(&divs));
        let bolds = format!("{}x", "<b>".repeat(500));
        assert_eq!(estimate(&bolds), exact(&bolds));
        // An end tag of an inline element does not close the blocks opened inside it.
        let misnested = "<span><div></span>".repeat(200);
        assert_eq!(estimate(&misnested), exact(&misnested));
    }

    #[test]
    fn flattening_caps_the_depth_and_keeps_text_and_paragraphs() {
        let page = format!(
            "<title>T</title>{}<p>First &amp; deep.</p><p>Second.</p><script>var a = '<b>';</script>{}<p>After.</p>",
            "<div><span>".repeat(3_000),
            "</span></div>".repeat(3_000)
        );
        let flat = flatten(&page, 100);
        let doc = Html::parse_document(&flat);
        assert!(
            (95..=105).contains(&tree_depth(&doc)),
            "{}",
            tree_depth(&doc)
        );
        let text: Vec<String> = super::super::blocks::paragraphs(doc.root_element());
        assert_eq!(text, ["T", "First & deep.", "Second.", "After."]);
    }

    #[test]
    fn a_shallow_page_is_flattened_to_itself() {
        let page = "<p class=\"a>b\">One <b>two</b></p><!-- c --><div>three</div>";
        assert_eq!(flatten(page, 100), page);
    }

    #[test]
    fn tag_lists_are_sorted_and_unique() {
        for list in [
            VOID,
            CLOSES_P,
            FORMATTING,
            SPECIAL,
            SCOPE,
            BUTTON_SCOPE,
            LIST_ITEM_SCOPE,
            TABLE_SCOPE,
            IMPLIED,
            TABLE_PARTS,
            KEEP_WHEN_FLAT,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
