//! Gold documents: reading TimeML files into plain text, DCT and TIMEX3 spans.
//!
//! This mirrors `read_tml` in `timex_eval.py` step by step, including its
//! regular expressions' behaviour on odd markup, so that offsets agree exactly.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::Error;
use crate::pytext::{char_slice, is_space, is_word, strip};
use crate::unescape::unescape;

/// A temporal expression: a gold TIMEX3, or a prediction as it was scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// First character (Unicode code point, not byte) of the extent in the plain text.
    pub start: usize,
    /// One past the last character of the extent.
    pub end: usize,
    /// The extent's text.
    pub text: String,
    /// The TIMEX3 `type` attribute, upper-cased (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// The TIMEX3 `value` attribute (empty when absent).
    pub value: String,
    /// The TIMEX3 `tid` attribute; empty for predictions.
    pub tid: String,
}

/// One gold TimeML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The file name without `.TE3input`, `.tml`, `.xml`, e.g. `APW19980807.0261`.
    pub name: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// The plain text of `<TEXT>`: markup removed, character references decoded,
    /// line ends normalised to `\n`. Offsets count its `chars()`.
    pub text: String,
    /// The document creation time's full `value` (e.g. `1998-08-07T06:18:00`),
    /// from the `CREATION_TIME` TIMEX3, else from the `<DCT>` text; may be empty.
    pub dct_value: String,
    /// The creation date, when `dct_value` starts with a valid `YYYY-MM-DD`.
    pub dct: Option<NaiveDate>,
    /// The gold TIMEX3s inside `<TEXT>`, by `(start, end)`; the creation time is
    /// never among them (it is input, not an answer).
    pub timexes: Vec<Timex>,
    /// What was read but not scored (empty or self-closing TIMEX3s, TIMEX3s
    /// outside `<TEXT>`, a DCT taken from text).
    pub notes: Vec<String>,
}

impl Document {
    /// Reads one TimeML file (UTF-8, an optional byte order mark is skipped).
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::NotUtf8`] when the file cannot be read, else what
    /// [`Document::from_tml`] reports.
    pub fn read(path: impl AsRef<Path>) -> Result<Document, Error> {
        let path = path.as_ref();
        let bytes = fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let raw = std::str::from_utf8(&bytes).map_err(|source| Error::NotUtf8 {
            path: path.to_owned(),
            source,
        })?;
        Document::from_tml(path, raw)
    }

    /// Parses the contents of a TimeML file; `path` gives the document's name and
    /// is named in errors.
    ///
    /// # Errors
    /// [`Error::NoText`] without a `<TEXT>` element, [`Error::UnbalancedClose`] or
    /// [`Error::Unclosed`] when the TIMEX3 tags inside it do not pair up.
    pub fn from_tml(path: impl AsRef<Path>, contents: &str) -> Result<Document, Error> {
        let path = path.as_ref();
        let raw = contents.strip_prefix('\u{feff}').unwrap_or(contents);
        let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
        let name = doc_name(path);
        let mut notes = Vec::new();
        let Some((body_start, body_end)) = find_text_element(&raw) else {
            return Err(Error::NoText {
                path: path.to_owned(),
            });
        };
        let body = &raw[body_start..body_end];

        let tags = timex_tags(&raw);
        let mut dct_value = String::new();
        for &(a, b) in &tags {
            let attrs = Attrs::parse(&raw[a..b]);
            if attrs.get("functionInDocument") == Some("CREATION_TIME") {
                dct_value = attrs.get("value").unwrap_or_default().to_owned();
                break;
            }
        }
        if dct_value.is_empty()
            && let Some(date) = dct_from_text(&raw)
        {
            dct_value = date;
            notes.push("DCT taken from <DCT> text (no CREATION_TIME TIMEX3)".to_owned());
        }

        let (text, mut timexes) = plain_text(body, path, &mut notes)?;

        let outside = tags
            .iter()
            .filter(|&&(a, b)| {
                !(body_start <= a && a < body_end)
                    && Attrs::parse(&raw[a..b]).get("functionInDocument") != Some("CREATION_TIME")
            })
            .count();
        if outside > 0 {
            notes.push(format!(
                "{outside} TIMEX3 outside <TEXT> (e.g. in TITLE) not scored"
            ));
        }
        timexes.sort_by_key(|t| (t.start, t.end));
        let dct = date_prefix(&dct_value);
        Ok(Document {
            name,
            path: path.to_owned(),
            text,
            dct_value,
            dct,
            timexes,
            notes,
        })
    }

    /// A document that is not TimeML: a plain text with its creation date and
    /// the expressions some other source gives for it (a hand annotation kept
    /// apart from the text, or another tagger's output taken as the reference
    /// when two taggers are compared). Predictions outside the text or not on
    /// its character offsets are left out, as the scorer leaves them out.
    pub fn from_text(
        name: impl Into<String>,
        text: impl Into<String>,
        dct: NaiveDate,
        reference: &[crate::Prediction],
    ) -> Document {
        let name = name.into();
        let text = text.into();
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut timexes: Vec<Timex> = reference
            .iter()
            .filter(|p| p.start < p.end && p.end < starts.len())
            .map(|p| Timex {
                start: p.start,
                end: p.end,
                text: text[starts[p.start]..starts[p.end]].to_owned(),
                kind: p.kind.to_uppercase(),
                value: p.value.clone(),
                tid: String::new(),
            })
            .collect();
        timexes.sort_by_key(|t| (t.start, t.end));
        Document {
            path: PathBuf::from(&name),
            name,
            text,
            dct_value: dct.format("%Y-%m-%d").to_string(),
            dct: Some(dct),
            timexes,
            notes: Vec::new(),
        }
    }

    /// The text's length in characters, the bound for offsets.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}

/// Reads every `*.tml` and `*.TE3input` file of a directory, sorted by file name,
/// as `timex_eval.py GOLD_DIR` does.
///
/// # Errors
/// [`Error::NoGoldFiles`] when there are none, else the first file's error.
pub fn read_gold_dir(dir: impl AsRef<Path>) -> Result<Vec<Document>, Error> {
    let dir = dir.as_ref();
    let io_err = |source| Error::Io {
        path: dir.to_owned(),
        source,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tml") || name.ends_with(".TE3input") {
            files.push((name, entry.path()));
        }
    }
    if files.is_empty() {
        return Err(Error::NoGoldFiles {
            dir: dir.to_owned(),
        });
    }
    files.sort();
    files.iter().map(|(_, path)| Document::read(path)).collect()
}

/// The document name: the base name without `.TE3input`, then `.tml`, then `.xml`.
fn doc_name(path: &Path) -> String {
    let mut name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for ext in [".TE3input", ".tml", ".xml"] {
        if let Some(stem) = name.strip_suffix(ext) {
            name = stem.to_owned();
        }
    }
    name
}

/// The byte range of the contents of the first `<TEXT(\s[^>]*)?>(.*?)</TEXT\s*>`.
fn find_text_element(raw: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(k) = raw[from..].find("<TEXT") {
        let at = from + k;
        let after = at + "<TEXT".len();
        let body_start = match raw[after..].chars().next() {
            Some('>') => Some(after + 1),
            Some(c) if is_space(c) => raw[after..].find('>').map(|j| after + j + 1),
            _ => None,
        };
        if let Some(body_start) = body_start
            && let Some(body_end) = find_text_close(raw, body_start)
        {
            return Some((body_start, body_end));
        }
        from = at + 1;
    }
    None
}

/// Where the first `</TEXT\s*>` at or after `from` starts.
fn find_text_close(raw: &str, mut from: usize) -> Option<usize> {
    while let Some(k) = raw[from..].find("</TEXT") {
        let at = from + k;
        let rest = raw[at + "</TEXT".len()..].trim_start_matches(is_space);
        if rest.starts_with('>') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The byte ranges of the tags matched by `<TIMEX3\b[^>]*>` anywhere in the file.
fn timex_tags(raw: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(k) = raw[from..].find("<TIMEX3") {
        let at = from + k;
        let after = at + "<TIMEX3".len();
        let boundary = raw[after..].chars().next().is_some_and(|c| !is_word(c));
        match raw[after..].find('>') {
            Some(j) if boundary => {
                tags.push((at, after + j + 1));
                from = after + j + 1;
            }
            _ => from = at + 1,
        }
    }
    tags
}

/// Whether a tag is `<\s*TIMEX3\b...` (`close` false) or `</\s*TIMEX3\b...`.
fn is_timex_tag(tag: &str, close: bool) -> bool {
    let prefix = if close { "</" } else { "<" };
    let Some(rest) = tag.strip_prefix(prefix) else {
        return false;
    };
    let Some(after) = rest.trim_start_matches(is_space).strip_prefix("TIMEX3") else {
        return false;
    };
    after.chars().next().is_none_or(|c| !is_word(c))
}

/// The DCT from the text of the first `<DCT ...>...</DCT>`: tags removed, the first
/// `(\d{4})-?(\d{2})-?(\d{2})` (ASCII digits) as `YYYY-MM-DD`.
fn dct_from_text(raw: &str) -> Option<String> {
    let at = raw.find("<DCT")?;
    let inner_start = at + 4 + raw[at + 4..].find('>')? + 1;
    let inner_end = inner_start + raw[inner_start..].find("</DCT>")?;
    let mut inner = String::new();
    let mut rest = &raw[inner_start..inner_end];
    while let Some(lt) = rest.find('<') {
        match rest[lt..].find('>') {
            Some(gt) => {
                inner.push_str(&rest[..lt]);
                rest = &rest[lt + gt + 1..];
            }
            None => break,
        }
    }
    inner.push_str(rest);
    let chars: Vec<char> = strip(&inner).chars().collect();
    (0..chars.len()).find_map(|p| date_at(&chars, p))
}

/// `(\d{4})-?(\d{2})-?(\d{2})` matched at `p`, with the regex's backtracking on
/// the optional dashes.
fn date_at(c: &[char], p: usize) -> Option<String> {
    let digits = |from: usize, n: usize| {
        let run = c.get(from..from + n)?;
        run.iter()
            .all(char::is_ascii_digit)
            .then(|| run.iter().collect::<String>())
    };
    let dashes = |at: usize| {
        let with = (c.get(at) == Some(&'-')).then_some(at + 1);
        with.into_iter().chain([at])
    };
    let year = digits(p, 4)?;
    for m in dashes(p + 4) {
        let Some(month) = digits(m, 2) else { continue };
        for d in dashes(m + 2) {
            if let Some(day) = digits(d, 2) {
                return Some(format!("{year}-{month}-{day}"));
            }
        }
    }
    None
}

/// The date of a value that starts with `YYYY-MM-DD`.
fn date_prefix(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    let b = head.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shape {
        return None;
    }
    NaiveDate::from_ymd_opt(
        head[..4].parse().ok()?,
        head[5..7].parse().ok()?,
        head[8..].parse().ok()?,
    )
}

/// Walks the body of `<TEXT>` as `timex_eval.py` does with
/// `<!--.*?-->|<![CDATA[.*?]]>|<[^>]*>|[^<]+`: the plain text and the TIMEX3s in it.
fn plain_text(
    body: &str,
    path: &Path,
    notes: &mut Vec<String>,
) -> Result<(String, Vec<Timex>), Error> {
    let mut text = String::new();
    let mut pos = 0; // characters in `text`
    let mut timexes = Vec::new();
    let mut stack: Vec<(usize, usize, Attrs)> = Vec::new(); // (char, byte, attributes)
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        let Some(len) = token_len(rest) else {
            i += 1; // a '<' that starts no token: the regex skips it
            continue;
        };
        let token = &rest[..len];
        i += len;
        if token.starts_with("<!--") || token.starts_with("<?") {
            continue;
        }
        let piece = if token.starts_with("<![CDATA[") {
            std::borrow::Cow::Borrowed(char_slice(token, 9, 3))
        } else if token.starts_with("</") {
            if is_timex_tag(token, true) {
                let Some((start, byte_start, attrs)) = stack.pop() else {
                    return Err(Error::UnbalancedClose {
                        path: path.to_owned(),
                    });
                };
                let span = &text[byte_start..];
                if attrs.get("functionInDocument") == Some("CREATION_TIME") {
                    notes.push(format!(
                        "CREATION_TIME TIMEX3 inside TEXT not scored: {span:?}"
                    ));
                } else if !strip(span).is_empty() {
                    timexes.push(Timex {
                        start,
                        end: pos,
                        text: span.to_owned(),
                        kind: attrs.get("type").unwrap_or_default().to_uppercase(),
                        value: attrs.get("value").unwrap_or_default().to_owned(),
                        tid: attrs.get("tid").unwrap_or_default().to_owned(),
                    });
                } else {
                    let tid = attrs.get("tid").unwrap_or_default();
                    notes.push(format!("empty TIMEX3 {tid} not scored"));
                }
            }
            continue;
        } else if token.starts_with('<') {
            if is_timex_tag(token, false) {
                let attrs = Attrs::parse(token);
                if token
                    .trim_end_matches('>')
                    .trim_end_matches(is_space)
                    .ends_with('/')
                {
                    let tid = attrs.get("tid").unwrap_or_default();
                    notes.push(format!("non-consuming TIMEX3 {tid} not scored"));
                } else {
                    stack.push((pos, text.len(), attrs));
                }
            }
            continue;
        } else {
            unescape(token)
        };
        text.push_str(&piece);
        pos += piece.chars().count();
    }
    if !stack.is_empty() {
        return Err(Error::Unclosed {
            path: path.to_owned(),
        });
    }
    Ok((text, timexes))
}

/// The length of the token that starts `rest`, trying the alternatives in the
/// regex's order; `None` for a `<` that closes nowhere.
fn token_len(rest: &str) -> Option<usize> {
    if !rest.starts_with('<') {
        return Some(rest.find('<').unwrap_or(rest.len()));
    }
    let delimited = |open: &str, close: &str| {
        let from = rest.strip_prefix(open)?;
        from.find(close).map(|k| open.len() + k + close.len())
    };
    delimited("<!--", "-->")
        .or_else(|| delimited("<![CDATA[", "]]>"))
        .or_else(|| delimited("<", ">"))
}

/// A tag's attributes as `_attrs` reads them: every `name = "value"` or
/// `name = 'value'` the pattern `([A-Za-z_:][-\w:.]*)\s*=\s*("([^"]*)"|'([^']*)')`
/// finds, values decoded; a repeated name keeps its last value.
#[derive(Clone, Debug, Default)]
struct Attrs(Vec<(String, String)>);

impl Attrs {
    fn parse(tag: &str) -> Attrs {
        let mut attrs = Vec::new();
        let mut pos = 0;
        while pos < tag.len() {
            match attr_at(&tag[pos..]) {
                Some((name, value, len)) => {
                    attrs.push((name.to_owned(), unescape(value).into_owned()));
                    pos += len;
                }
                None => pos += tag[pos..].chars().next().map_or(1, char::len_utf8),
            }
        }
        Attrs(attrs)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One attribute at the very start of `s`: name, raw value, bytes consumed.
fn attr_at(s: &str) -> Option<(&str, &str, usize)> {
    let first = s.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '_' || first == ':') {
        return None;
    }
    let name_len = s
        .char_indices()
        .skip(1)
        .find(|&(_, c)| !(c == '-' || c == ':' || c == '.' || is_word(c)))
        .map_or(s.len(), |(b, _)| b);
    let after_name = &s[name_len..];
    let rest = after_name
        .trim_start_matches(is_space)
        .strip_prefix('=')?
        .trim_start_matches(is_space);
    let quote = rest.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let close = rest[1..].find(quote)?;
    let value = &rest[1..1 + close];
    let consumed = s.len() - rest.len() + 1 + close + 1;
    Some((&s[..name_len], value, consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Document {
        let tml = format!(
            "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" \
             value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT>\n\
             <TEXT>{body}</TEXT>\n</TimeML>\n"
        );
        Document::from_tml("x/DOC1.tml", &tml).unwrap()
    }

    #[test]
    fn a_plain_text_takes_its_expressions_from_elsewhere() {
        let dct = NaiveDate::from_ymd_opt(2010, 6, 14).unwrap();
        let text = "Déjà vu on Monday, and again in June.";
        let reference = [
            crate::Prediction::new(32, 36, "date", "2010-06"),
            crate::Prediction::new(11, 17, "DATE", "2010-06-14"),
            // past the end, and empty: left out, as the scorer leaves them out
            crate::Prediction::new(30, 38, "DATE", "2010"),
            crate::Prediction::new(3, 3, "DATE", "2010"),
        ];
        let d = Document::from_text("bpoil/598", text, dct, &reference);
        assert_eq!(d.name, "bpoil/598");
        assert_eq!(d.dct_value, "2010-06-14");
        let got: Vec<_> = d
            .timexes
            .iter()
            .map(|t| (t.text.as_str(), t.kind.as_str(), t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Monday", "DATE", "2010-06-14"),
                ("June", "DATE", "2010-06")
            ]
        );
    }

    #[test]
    fn plain_text_offsets_count_characters_after_decoding() {
        let d = doc("Caf&eacute; AT&amp;T <EVENT eid=\"e1\">said</EVENT> \
                     <TIMEX3 tid=\"t1\" type=\"date\" value=\"1998-08-06\">Thursday</TIMEX3>.");
        assert_eq!(d.name, "DOC1");
        assert_eq!(d.text, "Café AT&T said Thursday.");
        assert_eq!(d.timexes.len(), 1);
        let t = &d.timexes[0];
        assert_eq!((t.start, t.end), (15, 23));
        assert_eq!(t.text, "Thursday");
        assert_eq!(t.kind, "DATE");
        assert_eq!(t.tid, "t1");
        assert_eq!(d.dct_value, "1998-08-07");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
    }

    #[test]
    fn creation_time_is_input_never_gold() {
        let d = doc("Now <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-08-07\" \
                     functionInDocument=\"CREATION_TIME\">today</TIMEX3> and \
                     <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-06\">yesterday</TIMEX3>");
        assert_eq!(d.text, "Now today and yesterday");
        assert_eq!(
            d.timexes.iter().map(|t| t.tid.as_str()).collect::<Vec<_>>(),
            ["t1"]
        );
        assert!(d.notes.iter().any(|n| n.contains("CREATION_TIME")));
    }

    #[test]
    fn empty_self_closing_and_nested_timexes() {
        let d = doc("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\"> </TIMEX3>a\
                     <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"Y\" />b\
                     <TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P2D\">two \
                     <TIMEX3 tid=\"t4\" type=\"DATE\" value=\"Z\">days</TIMEX3></TIMEX3>");
        assert_eq!(d.text, " abtwo days");
        let got: Vec<_> = d
            .timexes
            .iter()
            .map(|t| (t.tid.as_str(), t.start, t.end))
            .collect();
        assert_eq!(got, [("t3", 3, 11), ("t4", 7, 11)]);
        assert_eq!(d.notes.len(), 2);
    }

    #[test]
    fn comments_cdata_processing_instructions_and_stray_brackets() {
        let d = doc("a<!-- <TIMEX3 tid=\"tx\"> -->b<![CDATA[<c>&amp;]]>d<?pi x?>e < f");
        // an unclosed '<' is dropped by the tokenizer; the rest of that run is text
        assert_eq!(d.text, "ab<c>&amp;de  f");
        assert!(d.timexes.is_empty());
    }

    #[test]
    fn line_ends_and_bom_are_normalised() {
        let tml = "\u{feff}<TEXT>a\r\nb\rc <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2000\">2000</TIMEX3></TEXT>";
        let d = Document::from_tml("Y.TE3input", tml).unwrap();
        assert_eq!(d.name, "Y");
        assert_eq!(d.text, "a\nb\nc 2000");
        assert_eq!((d.timexes[0].start, d.timexes[0].end), (6, 10));
        assert_eq!(d.dct, None);
    }

    #[test]
    fn dct_falls_back_to_the_dct_text() {
        let tml = "<DCT><DATE>  19980807 <X></DATE></DCT><TEXT>x</TEXT>";
        let d = Document::from_tml("a.tml", tml).unwrap();
        assert_eq!(d.dct_value, "1998-08-07");
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(1998, 8, 7));
        let d = Document::from_tml("a.tml", "<DCT>1998-0807</DCT><TEXT>x</TEXT>").unwrap();
        assert_eq!(d.dct_value, "1998-08-07");
        let d = Document::from_tml("a.tml", "<DCT>1998-1-07 19981231</DCT><TEXT>x</TEXT>").unwrap();
        assert_eq!(d.dct_value, "1998-12-31");
    }

    #[test]
    fn attributes_like_the_python_pattern() {
        let a = Attrs::parse(
            "<TIMEX3 tid='t1' type = \"DATE\" value=\"a&amp;b\" 9x=\"y\" type=\"TIME\">",
        );
        assert_eq!(a.get("tid"), Some("t1"));
        assert_eq!(a.get("type"), Some("TIME")); // the last one wins
        assert_eq!(a.get("value"), Some("a&b"));
        assert_eq!(a.get("x"), Some("y")); // a name cannot start with a digit
        assert_eq!(a.get("9x"), None);
        // an unterminated quote swallows nothing; the scan moves on
        let a = Attrs::parse("<T a=\"x b='y'>");
        assert_eq!(a.get("a"), None);
        assert_eq!(a.get("b"), Some("y"));
    }

    #[test]
    fn timex_tag_needs_a_word_boundary() {
        assert!(is_timex_tag("<TIMEX3>", false));
        assert!(is_timex_tag("< TIMEX3 tid=\"t\">", false));
        assert!(!is_timex_tag("<TIMEX32>", false));
        assert!(is_timex_tag("</TIMEX3 >", true));
        assert!(!is_timex_tag("</TIMEX3_>", true));
    }

    #[test]
    fn structure_errors_name_the_file() {
        let e = Document::from_tml("d/bad.tml", "<TEXT>a</TIMEX3></TEXT>").unwrap_err();
        assert_eq!(e.to_string(), "d/bad.tml: unbalanced </TIMEX3>");
        let e = Document::from_tml("d/bad.tml", "<TEXT><TIMEX3>a</TEXT>").unwrap_err();
        assert_eq!(e.to_string(), "d/bad.tml: unclosed <TIMEX3>");
        let e = Document::from_tml("d/bad.tml", "<TEXTS>a</TEXTS>").unwrap_err();
        assert_eq!(e.to_string(), "d/bad.tml: no <TEXT> element");
    }
}
