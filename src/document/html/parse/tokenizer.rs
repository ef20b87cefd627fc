//! The HTML tokenizer of the WHATWG spec, for a whole page in memory: it finds text runs,
//! tags and comments by jumping between the bytes that matter (`<`, `&`, quotes, NUL) and
//! hands html5ever's tree builder the tokens html5ever's own tokenizer would, state changes
//! included (the tree builder switches it to RCDATA, RAWTEXT, script data or PLAINTEXT).
//! Input must already have CR/LF normalised to LF. It builds no tree and reports no parse
//! errors (nothing downstream reads them).

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    Doctype, EndTag, StartTag, Tag, TagKind, Token, TokenSink, TokenSinkResult,
};
use html5ever::{Attribute, LocalName, QualName, ns};
use memchr::{memchr, memchr2, memchr3, memmem};

use super::super::nesting::Depth;
use super::char_ref;

/// What the tokenizer is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Data,
    Rcdata,
    Rawtext,
    ScriptData,
    Plaintext,
}

pub struct Tokenizer<'a, S: TokenSink> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    sink: &'a S,
    state: State,
    last_start: Option<LocalName>,
    /// Text read and not yet handed to the sink.
    text: String,
    pub depth: Depth,
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b' ')
}

/// Appends `s` with NUL replaced by U+FFFD.
fn push_replacing_nul(out: &mut String, s: &str) {
    if memchr(0, s.as_bytes()).is_none() {
        out.push_str(s);
    } else {
        out.extend(s.chars().map(|c| if c == '\0' { '\u{fffd}' } else { c }));
    }
}

/// Where script data stands: outside `<!--`, inside it (escaped), or inside a
/// `<script>` written inside it (double-escaped), and after how many dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Normal,
    Escaped,
    EscapedDash,
    EscapedDashDash,
    Double,
    DoubleDash,
    DoubleDashDash,
}

/// The start tag being read: its name and attributes so far.
struct TagBuf {
    kind: TagKind,
    name: LocalName,
    attrs: Vec<Attribute>,
}

impl TagBuf {
    fn add_attr(&mut self, name: &str, value: StrTendril) {
        if name.is_empty() || self.attrs.iter().any(|a| &*a.name.local == name) {
            return; // a repeated attribute is dropped; the first one counts
        }
        self.attrs.push(Attribute {
            name: QualName::new(None, ns!(), LocalName::from(name)),
            value,
        });
    }
}

impl<'a, S: TokenSink> Tokenizer<'a, S> {
    pub fn new(s: &'a str, sink: &'a S) -> Self {
        let pos = if s.starts_with('\u{feff}') { 3 } else { 0 };
        Tokenizer {
            s,
            b: s.as_bytes(),
            pos,
            sink,
            state: State::Data,
            last_start: None,
            text: String::new(),
            depth: Depth::default(),
        }
    }

    /// Tokenizes the whole input, ending with the EOF token.
    pub fn run(&mut self) {
        while self.pos < self.b.len() {
            match self.state {
                State::Data => self.data(),
                State::Rcdata => self.raw_text(true),
                State::Rawtext => self.raw_text(false),
                State::ScriptData => self.script_data(),
                State::Plaintext => {
                    let rest = &self.s[self.pos..];
                    push_replacing_nul(&mut self.text, rest);
                    self.pos = self.b.len();
                }
            }
        }
        self.flush_text();
        let _ = self.sink.process_token(Token::EOFToken, 1);
    }

    fn send(&mut self, token: Token) -> TokenSinkResult<S::Handle> {
        self.flush_text();
        self.sink.process_token(token, 1)
    }

    fn flush_text(&mut self) {
        if !self.text.is_empty() {
            let t = StrTendril::from_slice(&self.text);
            self.text.clear();
            let _ = self.sink.process_token(Token::CharacterTokens(t), 1);
        }
    }

    /// Data state: text up to the next `<`, `&` or NUL, then what that starts.
    fn data(&mut self) {
        let rest = &self.b[self.pos..];
        let Some(i) = memchr3(b'<', b'&', 0, rest) else {
            self.text.push_str(&self.s[self.pos..]);
            self.pos = self.b.len();
            return;
        };
        let at = self.pos + i;
        self.text.push_str(&self.s[self.pos..at]);
        match self.b[at] {
            b'&' => self.pos = char_ref::decode(self.s, at + 1, false, &mut self.text),
            0 => {
                let _ = self.send(Token::NullCharacterToken);
                self.pos = at + 1;
            }
            _ => self.tag_open(at),
        }
    }

    /// After a `<` at `lt` in the data state.
    fn tag_open(&mut self, lt: usize) {
        match self.b.get(lt + 1) {
            Some(b'!') => self.markup_declaration(lt + 2),
            Some(b'/') => match self.b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 2, EndTag),
                Some(b'>') => self.pos = lt + 3,
                None => {
                    self.text.push_str("</");
                    self.pos = lt + 2;
                }
                Some(_) => self.bogus_comment(lt + 2),
            },
            Some(c) if c.is_ascii_alphabetic() => self.tag(lt + 1, StartTag),
            Some(b'?') => self.bogus_comment(lt + 1),
            _ => {
                self.text.push('<');
                self.pos = lt + 1;
            }
        }
    }

    /// A tag whose name starts at `at`.
    fn tag(&mut self, at: usize, kind: TagKind) {
        let end = self.b[at..]
            .iter()
            .position(|&c| is_space(c) || c == b'/' || c == b'>' || c == 0)
            .map_or(self.b.len(), |i| at + i);
        if end == self.b.len() {
            self.pos = end; // EOF in a tag name: the tag is dropped
            return;
        }
        let raw = &self.s[at..end];
        let name = if raw.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
            let mut n = String::with_capacity(raw.len());
            push_replacing_nul(&mut n, &raw.to_ascii_lowercase());
            LocalName::from(n)
        } else {
            LocalName::from(raw)
        };
        let mut tag = TagBuf {
            kind,
            name,
            attrs: Vec::new(),
        };
        if let Some((next, self_closing)) = self.attributes(end, &mut tag) {
            self.pos = next;
            self.emit_tag(tag, self_closing);
        } else {
            self.pos = self.b.len();
        }
    }

    /// Reads attributes from `at` (the before-attribute-name state) to the tag's `>`.
    /// Returns the index after the `>` and whether the tag is self-closing; `None` at EOF.
    fn attributes(&mut self, mut at: usize, tag: &mut TagBuf) -> Option<(usize, bool)> {
        let b = self.b;
        loop {
            // Before attribute name.
            while at < b.len() && is_space(b[at]) {
                at += 1;
            }
            match *b.get(at)? {
                b'/' => {
                    at += 1;
                    match *b.get(at)? {
                        b'>' => return Some((at + 1, true)),
                        _ => continue,
                    }
                }
                b'>' => return Some((at + 1, false)),
                _ => {}
            }
            // Attribute name: the first char is taken whatever it is ('=' too).
            let name_start = at;
            at += 1;
            while at < b.len()
                && !matches!(b[at], b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>' | b'=')
            {
                at += 1;
            }
            // A multi-byte char cannot contain these ASCII bytes, so `at` is a boundary
            // unless the first "char" was the lead byte of one.
            while !self.s.is_char_boundary(at) {
                at += 1;
            }
            let raw = &self.s[name_start..at.min(b.len())];
            let lowered;
            let name: &str = if raw.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
                let mut n = String::with_capacity(raw.len());
                push_replacing_nul(&mut n, &raw.to_ascii_lowercase());
                lowered = n;
                &lowered
            } else {
                raw
            };
            // After attribute name.
            while at < b.len() && is_space(b[at]) {
                at += 1;
            }
            if b.get(at) != Some(&b'=') {
                // No value: the attribute ends here; '/', '>' or the next name follow.
                b.get(at)?;
                tag.add_attr(name, StrTendril::new());
                continue;
            }
            at += 1;
            // Before attribute value.
            while at < b.len() && is_space(b[at]) {
                at += 1;
            }
            match *b.get(at)? {
                q @ (b'"' | b'\'') => {
                    let start = at + 1;
                    let close = memchr(q, &b[start..])? + start;
                    let value = self.attr_value(start, close);
                    tag.add_attr(name, value);
                    at = close + 1;
                    // After attribute value (quoted).
                    match *b.get(at)? {
                        b'>' => return Some((at + 1, false)),
                        b'/' => {
                            at += 1;
                            match *b.get(at)? {
                                b'>' => return Some((at + 1, true)),
                                _ => continue,
                            }
                        }
                        _ => continue,
                    }
                }
                b'>' => {
                    tag.add_attr(name, StrTendril::new());
                    return Some((at + 1, false));
                }
                _ => {
                    let start = at;
                    let end = b[start..]
                        .iter()
                        .position(|&c| is_space(c) || c == b'>')
                        .map(|i| start + i)?;
                    let value = self.attr_value(start, end);
                    tag.add_attr(name, value);
                    at = end;
                }
            }
        }
    }

    /// An attribute value, its character references decoded and NUL replaced.
    fn attr_value(&self, start: usize, end: usize) -> StrTendril {
        let raw = &self.s[start..end];
        if memchr2(b'&', 0, raw.as_bytes()).is_none() {
            return StrTendril::from_slice(raw);
        }
        let mut out = String::with_capacity(raw.len());
        let mut at = 0;
        while let Some(i) = memchr2(b'&', 0, &raw.as_bytes()[at..]) {
            let hit = at + i;
            out.push_str(&raw[at..hit]);
            if raw.as_bytes()[hit] == 0 {
                out.push('\u{fffd}');
                at = hit + 1;
            } else {
                at = char_ref::decode(raw, hit + 1, true, &mut out);
            }
        }
        out.push_str(&raw[at..]);
        StrTendril::from(out)
    }

    fn emit_tag(&mut self, tag: TagBuf, self_closing: bool) {
        let keep = match tag.kind {
            StartTag => self.depth.start(&tag.name, self_closing),
            EndTag => self.depth.end(&tag.name),
        };
        if !keep {
            return;
        }
        if tag.kind == StartTag {
            self.last_start = Some(tag.name.clone());
        }
        let token = Token::TagToken(Tag {
            kind: tag.kind,
            name: tag.name,
            self_closing,
            attrs: tag.attrs,
        });
        match self.send(token) {
            TokenSinkResult::Continue => {}
            TokenSinkResult::Script(_) => self.state = State::Data,
            TokenSinkResult::Plaintext => self.state = State::Plaintext,
            TokenSinkResult::RawData(kind) => {
                self.state = match kind {
                    RawKind::Rcdata => State::Rcdata,
                    RawKind::Rawtext => State::Rawtext,
                    RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => State::ScriptData,
                }
            }
        }
    }

    /// Whether an end tag for the last start tag begins at `at` (just after `</`); returns
    /// the index after its name.
    fn appropriate_end_tag(&self, at: usize) -> Option<usize> {
        let name = self.last_start.as_deref()?;
        let b = self.b;
        let end = at + name.len();
        let fits = b.get(at..end)?.eq_ignore_ascii_case(name.as_bytes())
            && b.get(end)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
        fits.then_some(end)
    }

    /// RCDATA (with character references) and RAWTEXT: text up to the end tag of the
    /// element that opened it.
    fn raw_text(&mut self, rcdata: bool) {
        let b = self.b;
        let rest = &b[self.pos..];
        let found = if rcdata {
            memchr3(b'<', b'&', 0, rest)
        } else {
            memchr2(b'<', 0, rest)
        };
        let Some(i) = found else {
            self.text.push_str(&self.s[self.pos..]);
            self.pos = b.len();
            return;
        };
        let at = self.pos + i;
        self.text.push_str(&self.s[self.pos..at]);
        match b[at] {
            0 => {
                self.text.push('\u{fffd}');
                self.pos = at + 1;
            }
            b'&' => self.pos = char_ref::decode(self.s, at + 1, false, &mut self.text),
            _ => self.maybe_end_tag(at),
        }
    }

    /// At a `<` in raw text: the end tag of the raw text element, or a plain '<'.
    fn maybe_end_tag(&mut self, lt: usize) {
        if self.b.get(lt + 1) == Some(&b'/')
            && let Some(name_end) = self.appropriate_end_tag(lt + 2)
        {
            let name = self
                .last_start
                .clone()
                .unwrap_or_else(|| LocalName::from(""));
            let mut tag = TagBuf {
                kind: EndTag,
                name,
                attrs: Vec::new(),
            };
            match self.attributes(name_end, &mut tag) {
                Some((next, self_closing)) => {
                    self.pos = next;
                    self.state = State::Data;
                    self.emit_tag(tag, self_closing);
                }
                None => self.pos = self.b.len(),
            }
            return;
        }
        self.text.push('<');
        self.pos = lt + 1;
    }

    /// Script data, with the spec's escaped (`<!--`) and double-escaped (`<!--<script>`)
    /// states deciding which `</script>` ends it.
    fn script_data(&mut self) {
        let b = self.b;
        let start = self.pos;
        let mut state = Script::Normal;
        let mut i = start;
        let mut end_tag = None; // index of the '<' of the closing tag
        while i < b.len() && end_tag.is_none() {
            match state {
                Script::Normal => match memchr(b'<', &b[i..]) {
                    None => break,
                    Some(k) => {
                        let lt = i + k;
                        if b.get(lt + 1) == Some(&b'/')
                            && self.appropriate_end_tag(lt + 2).is_some()
                        {
                            end_tag = Some(lt);
                        } else if b[lt + 1..].starts_with(b"!--") {
                            (state, i) = (Script::EscapedDashDash, lt + 4);
                        } else {
                            i = lt + 1;
                        }
                    }
                },
                Script::Escaped | Script::Double => match memchr2(b'-', b'<', &b[i..]) {
                    None => break,
                    Some(k) if b[i + k] == b'-' => {
                        let dash = if state == Script::Escaped {
                            Script::EscapedDash
                        } else {
                            Script::DoubleDash
                        };
                        (state, i) = (dash, i + k + 1);
                    }
                    Some(k) => {
                        let double = state == Script::Double;
                        (state, i) = self.script_less_than(double, i + k + 1, &mut end_tag);
                    }
                },
                Script::EscapedDash
                | Script::EscapedDashDash
                | Script::DoubleDash
                | Script::DoubleDashDash => {
                    let double = matches!(state, Script::DoubleDash | Script::DoubleDashDash);
                    let dashdash =
                        matches!(state, Script::EscapedDashDash | Script::DoubleDashDash);
                    (state, i) = match b[i] {
                        b'-' if double => (Script::DoubleDashDash, i + 1),
                        b'-' => (Script::EscapedDashDash, i + 1),
                        b'<' => self.script_less_than(double, i + 1, &mut end_tag),
                        b'>' if dashdash => (Script::Normal, i + 1),
                        _ if double => (Script::Double, i + 1),
                        _ => (Script::Escaped, i + 1),
                    };
                }
            }
        }
        let text_end = end_tag.unwrap_or(b.len());
        push_replacing_nul(&mut self.text, &self.s[start..text_end]);
        self.pos = text_end;
        if let Some(lt) = end_tag {
            self.maybe_end_tag(lt);
        }
    }

    /// The escaped and double-escaped script states after a '<' (at `at - 1`): where to go
    /// on, or the closing tag's position in `end_tag`.
    fn script_less_than(
        &self,
        double: bool,
        at: usize,
        end_tag: &mut Option<usize>,
    ) -> (Script, usize) {
        let b = self.b;
        let letters_end = |from: usize| {
            b[from.min(b.len())..]
                .iter()
                .position(|c| !c.is_ascii_alphabetic())
                .map_or(b.len(), |k| from + k)
        };
        let terminates = |c: Option<&u8>| c.is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
        let (same, other) = if double {
            (Script::Double, Script::Escaped)
        } else {
            (Script::Escaped, Script::Double)
        };
        // After "<!--<script" (or "</script" when double-escaped): the state it switches to.
        let switch = |from: usize| {
            let e = letters_end(from);
            if terminates(b.get(e)) {
                let is_script = b[from..e].eq_ignore_ascii_case(b"script");
                (if is_script { other } else { same }, e + 1)
            } else {
                (same, e)
            }
        };
        match b.get(at) {
            Some(b'/') if double => switch(at + 1),
            Some(b'/') => {
                if self.appropriate_end_tag(at + 1).is_some() {
                    *end_tag = Some(at - 1);
                }
                (same, at + 1)
            }
            Some(c) if !double && c.is_ascii_alphabetic() => switch(at),
            _ => (same, at),
        }
    }

    /// After `<!` (at `at`): a comment, a DOCTYPE, a CDATA section or a bogus comment.
    fn markup_declaration(&mut self, at: usize) {
        let rest = &self.b[at..];
        if rest.starts_with(b"--") {
            self.comment(at + 2);
        } else if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.doctype(at + 7);
        } else if rest.starts_with(b"[CDATA[")
            && self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            self.cdata(at + 7);
        } else {
            self.bogus_comment(at);
        }
    }

    /// A comment whose content starts at `at` (after `<!--`).
    fn comment(&mut self, at: usize) {
        let b = self.b;
        let rest = &b[at..];
        let (content_end, next) = if rest.starts_with(b">") {
            (at, at + 1)
        } else if rest.starts_with(b"->") {
            (at, at + 2)
        } else {
            let mut found = None;
            let mut from = at;
            while let Some(k) = memmem::find(&b[from..], b"--") {
                let d = from + k;
                match b.get(d + 2) {
                    Some(b'>') => {
                        found = Some((d, d + 3));
                        break;
                    }
                    Some(b'!') if b.get(d + 3) == Some(&b'>') => {
                        found = Some((d, d + 4));
                        break;
                    }
                    _ => from = d + 1,
                }
            }
            found.unwrap_or_else(|| {
                // EOF: the comment ends with the input, minus a trailing "-", "--" or "--!".
                let t = &b[at..];
                let cut = if t.ends_with(b"--!") {
                    3
                } else if t.ends_with(b"--") {
                    2
                } else if t.ends_with(b"-") {
                    1
                } else {
                    0
                };
                (b.len() - cut.min(t.len()), b.len())
            })
        };
        let mut data = String::new();
        push_replacing_nul(&mut data, &self.s[at..content_end]);
        self.pos = next;
        let _ = self.send(Token::CommentToken(StrTendril::from(data)));
    }

    /// A bogus comment (`<?…>`, `<!…>`, `</ …>`) whose content starts at `at`.
    fn bogus_comment(&mut self, at: usize) {
        let end = memchr(b'>', &self.b[at..]).map_or(self.b.len(), |k| at + k);
        let mut data = String::new();
        push_replacing_nul(&mut data, &self.s[at..end]);
        self.pos = (end + 1).min(self.b.len());
        let _ = self.send(Token::CommentToken(StrTendril::from(data)));
    }

    /// A CDATA section in foreign content, its content starting at `at`.
    fn cdata(&mut self, at: usize) {
        let end = memmem::find(&self.b[at..], b"]]>").map(|k| at + k);
        let content = &self.s[at..end.unwrap_or(self.b.len())];
        for (i, part) in content.split('\0').enumerate() {
            if i > 0 {
                let _ = self.send(Token::NullCharacterToken);
            }
            self.text.push_str(part);
        }
        self.pos = end.map_or(self.b.len(), |e| e + 3);
    }

    /// A DOCTYPE whose text starts at `at` (after `<!doctype`).
    fn doctype(&mut self, at: usize) {
        let (doctype, next) = read_doctype(self.s, at);
        self.pos = next;
        let _ = self.send(Token::DoctypeToken(doctype));
    }
}

/// The DOCTYPE states of the spec; returns the token and the index after it.
fn read_doctype(s: &str, at: usize) -> (Doctype, usize) {
    #[derive(Clone, Copy, PartialEq)]
    enum D {
        Start,
        BeforeName,
        Name,
        AfterName,
        AfterKeyword(bool),
        BeforeId(bool),
        Id(bool, char),
        AfterPublicId,
        Between,
        AfterSystemId,
        Bogus,
    }
    let mut d = Doctype::default();
    let mut state = D::Start;
    let mut chars = s[at..].char_indices().peekable();
    let push = |field: &mut Option<StrTendril>, c: char| {
        field
            .get_or_insert_with(StrTendril::new)
            .push_char(if c == '\0' { '\u{fffd}' } else { c });
    };
    while let Some((i, c)) = chars.next() {
        let sp = matches!(c, '\t' | '\n' | '\x0c' | ' ');
        let next = at + i + c.len_utf8();
        match state {
            D::Start => {
                state = D::BeforeName;
                if !sp {
                    // Reconsume in "before name".
                    match c {
                        '>' => {
                            d.force_quirks = true;
                            return (d, next);
                        }
                        _ => {
                            push(&mut d.name, c.to_ascii_lowercase());
                            state = D::Name;
                        }
                    }
                }
            }
            D::BeforeName => match c {
                _ if sp => {}
                '>' => {
                    d.force_quirks = true;
                    return (d, next);
                }
                _ => {
                    push(&mut d.name, c.to_ascii_lowercase());
                    state = D::Name;
                }
            },
            D::Name => match c {
                _ if sp => state = D::AfterName,
                '>' => return (d, next),
                _ => push(&mut d.name, c.to_ascii_lowercase()),
            },
            D::AfterName => {
                let rest = &s.as_bytes()[at + i..];
                let keyword = |k: &[u8]| rest.len() >= 6 && rest[..6].eq_ignore_ascii_case(k);
                if keyword(b"public") || keyword(b"system") {
                    for _ in 0..5 {
                        chars.next();
                    }
                    state = D::AfterKeyword(keyword(b"public"));
                } else {
                    match c {
                        _ if sp => {}
                        '>' => return (d, next),
                        _ => {
                            d.force_quirks = true;
                            state = D::Bogus;
                        }
                    }
                }
            }
            D::AfterKeyword(public) | D::BeforeId(public) => match c {
                _ if sp => state = D::BeforeId(public),
                '"' | '\'' => {
                    let field = if public {
                        &mut d.public_id
                    } else {
                        &mut d.system_id
                    };
                    *field = Some(StrTendril::new());
                    state = D::Id(public, c);
                }
                '>' => {
                    d.force_quirks = true;
                    return (d, next);
                }
                _ => {
                    d.force_quirks = true;
                    state = D::Bogus;
                }
            },
            D::Id(public, quote) => {
                if c == quote {
                    state = if public {
                        D::AfterPublicId
                    } else {
                        D::AfterSystemId
                    };
                } else if c == '>' {
                    d.force_quirks = true;
                    return (d, next);
                } else {
                    let field = if public {
                        &mut d.public_id
                    } else {
                        &mut d.system_id
                    };
                    push(field, c);
                }
            }
            D::AfterPublicId | D::Between => match c {
                _ if sp => state = D::Between,
                '>' => return (d, next),
                '"' | '\'' => {
                    d.system_id = Some(StrTendril::new());
                    state = D::Id(false, c);
                }
                _ => {
                    d.force_quirks = true;
                    state = D::Bogus;
                }
            },
            D::AfterSystemId => match c {
                _ if sp => {}
                '>' => return (d, next),
                _ => state = D::Bogus,
            },
            D::Bogus => {
                if c == '>' {
                    return (d, next);
                }
            }
        }
    }
    // EOF: everything but a bogus DOCTYPE forces quirks mode.
    if state != D::Bogus {
        d.force_quirks = true;
    }
    (d, s.len())
}
