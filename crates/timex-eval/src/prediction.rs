//! Predictions: the tagger's answers, built in code or read from JSON Lines.
//!
//! The JSON Lines reader mirrors `parse_predictions` and `--pred-dir` in
//! `timex_eval.py`: the same lines are kept, the same ones are warned about and
//! dropped. Known differences, on input no tagger should print: JSON's `NaN` and
//! `Infinity` and unpaired `\ud800`-style escapes are "not JSON" here; offsets
//! given as strings are read with ASCII digits only; a `value` that is neither
//! a string nor JSON-false is an error here (Python scores it as a wrong value),
//! as is such a `type` (Python stops with an exception).

use std::fs;
use std::path::Path;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::pytext::{splitlines, strip};
use crate::report::Report;
use crate::score::score;
use crate::timeml::Document;

/// One predicted temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Prediction {
    /// First character (Unicode code point, not byte) of the extent in the plain text.
    pub start: usize,
    /// One past the last character of the extent.
    pub end: usize,
    /// The TIMEX3 type; compared upper-cased.
    pub kind: String,
    /// The normalised value, e.g. `1998-08-07` or `P3D`.
    pub value: String,
}

impl Prediction {
    /// A prediction from character offsets.
    pub fn new(
        start: usize,
        end: usize,
        kind: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        Prediction {
            start,
            end,
            kind: kind.into(),
            value: value.into(),
        }
    }

    /// A prediction from UTF-8 byte offsets into `text` (what `str::find` and most
    /// Rust taggers give), converted to character offsets.
    ///
    /// # Errors
    /// [`Error::NotCharBoundary`] when an offset is not on a character boundary
    /// of `text` (or past its end); the Python scorer drops such a line with a warning.
    pub fn from_byte_offsets(
        text: &str,
        byte_start: usize,
        byte_end: usize,
        kind: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<Self, Error> {
        let to_char = |offset: usize| {
            if text.is_char_boundary(offset) {
                Ok(text[..offset].chars().count())
            } else {
                Err(Error::NotCharBoundary {
                    offset,
                    len: text.len(),
                })
            }
        };
        Ok(Prediction::new(
            to_char(byte_start)?,
            to_char(byte_end)?,
            kind,
            value,
        ))
    }
}

/// Predictions for a list of documents, with what reading them noticed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Predictions {
    /// The predictions of each document, in the documents' order.
    pub per_doc: Vec<Vec<Prediction>>,
    /// Lines that were dropped or looked wrong (the Python scorer's warnings).
    pub warnings: Vec<String>,
    /// Documents whose predictions are missing (the Python scorer's failures).
    pub failures: Vec<String>,
}

impl Predictions {
    /// Reads `DIR/<doc>.jsonl` for each document, as `timex_eval.py --pred-dir DIR`:
    /// a missing file is a failure and scores as no predictions.
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::NotUtf8`] for a file that exists but cannot be
    /// read, [`Error::Prediction`] for a line the Python scorer would stop on.
    pub fn read_dir(docs: &[Document], dir: impl AsRef<Path>) -> Result<Self, Error> {
        let dir = dir.as_ref();
        let mut out = Predictions::default();
        for doc in docs {
            let path = dir.join(format!("{}.jsonl", doc.name));
            if !path.exists() {
                out.failures.push(format!(
                    "{}: missing {} (scored as no predictions)",
                    doc.name,
                    path.display()
                ));
                out.per_doc.push(Vec::new());
                continue;
            }
            let bytes = fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let jsonl = std::str::from_utf8(&bytes).map_err(|source| Error::NotUtf8 {
                path: path.clone(),
                source,
            })?;
            let (preds, warnings) = parse_jsonl(doc, jsonl, &path.display().to_string())?;
            out.per_doc.push(preds);
            out.warnings.extend(warnings);
        }
        Ok(out)
    }

    /// Reads one JSON Lines output per document (e.g. a tagger's stdout), as
    /// `timex_eval.py --cmd` does; warnings name the document.
    ///
    /// # Panics
    /// When there are not as many outputs as documents.
    ///
    /// # Errors
    /// [`Error::Prediction`] for a line the Python scorer would stop on.
    pub fn from_jsonl<S: AsRef<str>>(docs: &[Document], outputs: &[S]) -> Result<Self, Error> {
        assert_eq!(docs.len(), outputs.len(), "one output per document");
        let mut out = Predictions::default();
        for (doc, jsonl) in docs.iter().zip(outputs) {
            let (preds, warnings) = parse_jsonl(doc, jsonl.as_ref(), &doc.name)?;
            out.per_doc.push(preds);
            out.warnings.extend(warnings);
        }
        Ok(out)
    }

    /// Scores these predictions against `docs` (see [`score`]); the report's
    /// warnings and failures start with the ones met while reading.
    ///
    /// # Panics
    /// When `docs` is not the list the predictions were read for.
    pub fn score(&self, docs: &[Document]) -> Report {
        let mut report = score(docs, &self.per_doc);
        report.warnings.splice(0..0, self.warnings.iter().cloned());
        report.failures.splice(0..0, self.failures.iter().cloned());
        report
    }
}

/// Parses one document's predictions, one JSON object (or array of objects) per
/// line with `start`/`end` (characters) or `byte_start`/`byte_end` (UTF-8 bytes),
/// `type`, `value` and an optional `text`. Returns the predictions sorted by
/// `(start, end)` and the warnings (each starting with `source:line`) about lines
/// that were dropped, or whose `text` is not the text at their offsets.
///
/// # Errors
/// [`Error::Prediction`] for a `type` or `value` that is neither a string nor
/// JSON-false (`null`, `false`, `0`, `""`, `[]`, `{}`).
pub fn parse_jsonl(
    doc: &Document,
    jsonl: &str,
    source: &str,
) -> Result<(Vec<Prediction>, Vec<String>), Error> {
    let mut preds = Vec::new();
    let mut warns = Vec::new();
    // the byte offset of each character, and of the end
    let mut char_starts: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    let text_len = char_starts.len();
    char_starts.push(doc.text.len());
    for (n, line) in splitlines(jsonl).into_iter().enumerate() {
        let n = n + 1;
        let line = strip(line);
        if line.is_empty() {
            continue;
        }
        let obj: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(_) => {
                let head: String = line.chars().take(80).collect();
                warns.push(format!("{source}:{n}: not JSON, ignored: {head:?}"));
                continue;
            }
        };
        let objs = match obj {
            Value::Array(items) => items,
            other => vec![other],
        };
        for o in objs {
            let Value::Object(o) = o else {
                warns.push(format!("{source}:{n}: not an object, ignored"));
                continue;
            };
            let offsets = if o.contains_key("start") && o.contains_key("end") {
                match (py_int(&o["start"]), py_int(&o["end"])) {
                    (Some(s), Some(e)) => (s, e),
                    _ => {
                        warns.push(format!("{source}:{n}: offsets are not integers, ignored"));
                        continue;
                    }
                }
            } else if o.contains_key("byte_start") && o.contains_key("byte_end") {
                let (Some(bs), Some(be)) = (py_int(&o["byte_start"]), py_int(&o["byte_end"]))
                else {
                    warns.push(format!("{source}:{n}: offsets are not integers, ignored"));
                    continue;
                };
                let to_char = |b: i128| {
                    usize::try_from(b)
                        .ok()
                        .and_then(|b| char_starts.binary_search(&b).ok())
                };
                match (to_char(bs), to_char(be)) {
                    (Some(s), Some(e)) => (s as i128, e as i128),
                    _ => {
                        warns.push(format!(
                            "{source}:{n}: byte offset not on a UTF-8 character boundary"
                        ));
                        continue;
                    }
                }
            } else {
                warns.push(format!(
                    "{source}:{n}: no start/end (or byte_start/byte_end), ignored"
                ));
                continue;
            };
            let (s, e) = offsets;
            if !(0 <= s && s < e && e <= text_len as i128) {
                warns.push(format!(
                    "{source}:{n}: span {s}-{e} outside text of length {text_len}, ignored"
                ));
                continue;
            }
            let (s, e) = (s as usize, e as usize);
            if let Some(given) = o.get("text") {
                let span = &doc.text[char_starts[s]..char_starts[e]];
                if given.as_str() != Some(span) {
                    warns.push(format!(
                        "{source}:{n}: \"text\" {given} != text at {s}-{e} {span:?} \
                         (offsets are scored, not \"text\")"
                    ));
                }
            }
            let kind = string_field(&o, "type", source, n)?.to_uppercase();
            let value = string_field(&o, "value", source, n)?;
            preds.push(Prediction::new(s, e, kind, value));
        }
    }
    preds.sort_by_key(|p| (p.start, p.end));
    Ok((preds, warns))
}

/// `o.get(key) or ""` when that is a string.
fn string_field(
    o: &Map<String, Value>,
    key: &str,
    source: &str,
    line: usize,
) -> Result<String, Error> {
    match o.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) if truthy(v) => Err(Error::Prediction {
            origin: source.to_owned(),
            line,
            message: format!("\"{key}\" is {v}, not a string"),
        }),
        _ => Ok(String::new()),
    }
}

/// Python's truth value of a parsed JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `int(x)` of a parsed JSON value, `None` where it raises: numbers
/// (truncated), booleans, and strings of ASCII digits with optional sign,
/// surrounding whitespace and single `_` between digits. Huge values saturate,
/// which keeps them out of range as they are in Python.
fn py_int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i128::from(i))
            } else if let Some(u) = n.as_u64() {
                Some(i128::from(u))
            } else {
                n.as_f64().map(|f| f.trunc() as i128)
            }
        }
        Value::String(s) => {
            let s = strip(s);
            let (neg, digits) = match s.as_bytes().first() {
                Some(b'-') => (true, &s[1..]),
                Some(b'+') => (false, &s[1..]),
                _ => (false, s),
            };
            let valid = !digits.is_empty()
                && !digits.starts_with('_')
                && !digits.ends_with('_')
                && !digits.contains("__")
                && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
            if !valid {
                return None;
            }
            let magnitude = digits
                .bytes()
                .filter(u8::is_ascii_digit)
                .try_fold(0i128, |acc, b| {
                    acc.checked_mul(10)?.checked_add(i128::from(b - b'0'))
                })
                .unwrap_or(i128::MAX);
            Some(if neg { -magnitude } else { magnitude })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let tml = format!("<TEXT>{text}</TEXT>");
        Document::from_tml("D.tml", &tml).unwrap()
    }

    #[test]
    fn byte_offsets_become_character_offsets() {
        let d = doc("Café on 5 mai — Friday");
        let friday = d.text.find("Friday").unwrap();
        let p = Prediction::from_byte_offsets(&d.text, friday, friday + 6, "DATE", "X").unwrap();
        assert_eq!((p.start, p.end), (16, 22));
        assert!(matches!(
            Prediction::from_byte_offsets(&d.text, 4, 6, "DATE", "X"),
            Err(Error::NotCharBoundary { offset: 4, .. })
        ));
        assert!(Prediction::from_byte_offsets(&d.text, 0, 99, "DATE", "X").is_err());

        let line = format!(
            "{{\"byte_start\": {friday}, \"byte_end\": {}, \"type\": \"date\"}}\n",
            friday + 6
        );
        let (preds, warns) = parse_jsonl(&d, &line, "p").unwrap();
        assert_eq!(preds, [Prediction::new(16, 22, "DATE", "")]);
        assert!(warns.is_empty());
        let (preds, warns) = parse_jsonl(&d, "{\"byte_start\": 4, \"byte_end\": 6}", "p").unwrap();
        assert!(preds.is_empty());
        assert_eq!(
            warns,
            ["p:1: byte offset not on a UTF-8 character boundary"]
        );
    }

    #[test]
    fn lines_python_drops_are_dropped_with_a_warning() {
        let d = doc("Friday and Saturday");
        let jsonl = "\n\
            nonsense\n\
            5\n\
            [{\"start\": 11, \"end\": 19, \"type\": \"DATE\", \"value\": \"S\"}, 7]\n\
            {\"start\": 0}\n\
            {\"start\": \"x\", \"end\": 6}\n\
            {\"start\": 6, \"end\": 6}\n\
            {\"start\": 0, \"end\": 99}\n\
            {\"start\": \" 0 \", \"end\": 6.9, \"text\": \"Friday\", \"type\": null, \"value\": 0}\n\
            {\"start\": true, \"end\": \"1_0\", \"text\": \"wrong\"}\n";
        let (preds, warns) = parse_jsonl(&d, jsonl, "p").unwrap();
        assert_eq!(
            preds,
            [
                Prediction::new(0, 6, "", ""),
                Prediction::new(1, 10, "", ""),
                Prediction::new(11, 19, "DATE", "S"),
            ]
        );
        let want = [
            "p:2: not JSON",
            "p:3: not an object",
            "p:4: not an object",
            "p:5: no start/end",
            "p:6: offsets are not integers",
            "p:7: span 6-6 outside",
            "p:8: span 0-99 outside",
            "p:10: \"text\" \"wrong\" != text at 1-10 \"riday and\"",
        ];
        assert_eq!(warns.len(), want.len(), "{warns:#?}");
        for (w, prefix) in warns.iter().zip(want) {
            assert!(w.starts_with(prefix), "{w:?} should start with {prefix:?}");
        }
    }

    #[test]
    fn non_string_type_or_value_is_an_error() {
        let d = doc("Friday");
        let err = parse_jsonl(&d, "{\"start\": 0, \"end\": 6, \"value\": 1998}", "p").unwrap_err();
        assert_eq!(err.to_string(), "p:1: \"value\" is 1998, not a string");
        // JSON-false values are "" as in Python (`value or ""`)
        let (preds, _) = parse_jsonl(
            &d,
            "{\"start\": 0, \"end\": 6, \"value\": [], \"type\": false}",
            "p",
        )
        .unwrap();
        assert_eq!(preds, [Prediction::new(0, 6, "", "")]);
    }

    #[test]
    fn python_int_of_strings() {
        let int = |s: &str| py_int(&Value::String(s.into()));
        assert_eq!(int(" 12\n"), Some(12));
        assert_eq!(int("-3"), Some(-3));
        assert_eq!(int("+1_000"), Some(1000));
        assert_eq!(int("1__0"), None);
        assert_eq!(int("_1"), None);
        assert_eq!(int("1.5"), None);
        assert_eq!(int(""), None);
        assert_eq!(py_int(&serde_json::json!(-2.7)), Some(-2));
        assert_eq!(py_int(&Value::Null), None);
    }
}
