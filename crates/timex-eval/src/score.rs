//! Scoring: pairing each document's predictions with its gold and counting.

use crate::matching::match_pairs;
use crate::metrics::Counts;
use crate::prediction::Prediction;
use crate::report::{DocReport, Mistake, MistakeKind, Report};
use crate::timeml::{Document, Timex};

/// Scores predictions against gold documents, micro-averaged, as `timex_eval.py`:
/// `predictions[k]` are the predictions for `docs[k]`.
///
/// Predictions are sorted by `(start, end)` (stably) before matching; their
/// types are compared upper-cased. A prediction whose extent is empty or runs
/// past the end of the text is dropped with a warning, as the Python reader does.
///
/// # Panics
/// When there are not as many prediction lists as documents.
pub fn score<P: AsRef<[Prediction]>>(docs: &[Document], predictions: &[P]) -> Report {
    assert_eq!(
        docs.len(),
        predictions.len(),
        "one list of predictions per document"
    );
    let mut total = Counts::default();
    let mut per_document = Vec::with_capacity(docs.len());
    let mut mistakes = Vec::new();
    let mut warnings = Vec::new();
    for (doc, preds) in docs.iter().zip(predictions) {
        let system = system_timexes(doc, preds.as_ref(), &mut warnings);
        let (counts, doc_mistakes) = score_doc(doc, &system);
        total += counts;
        per_document.push(DocReport {
            doc: doc.name.clone(),
            counts,
            metrics: counts.metrics(),
        });
        mistakes.extend(doc_mistakes);
    }
    Report {
        documents: docs.len(),
        counts: total,
        metrics: total.metrics(),
        warnings,
        failures: Vec::new(),
        per_document,
        mistakes,
    }
}

/// The predictions as timexes with their text, in range, sorted by `(start, end)`.
fn system_timexes(doc: &Document, preds: &[Prediction], warnings: &mut Vec<String>) -> Vec<Timex> {
    let mut char_starts: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    let len = char_starts.len();
    char_starts.push(doc.text.len());
    let mut system = Vec::with_capacity(preds.len());
    for (k, p) in preds.iter().enumerate() {
        if !(p.start < p.end && p.end <= len) {
            warnings.push(format!(
                "{}: prediction {}: span {}-{} outside text of length {len}, ignored",
                doc.name,
                k + 1,
                p.start,
                p.end
            ));
            continue;
        }
        system.push(Timex {
            start: p.start,
            end: p.end,
            text: doc.text[char_starts[p.start]..char_starts[p.end]].to_owned(),
            kind: p.kind.to_uppercase(),
            value: p.value.clone(),
            tid: String::new(),
        });
    }
    system.sort_by_key(|t| (t.start, t.end));
    system
}

/// `score_doc` in `timex_eval.py`: the counts and the mistakes of one document.
fn score_doc(doc: &Document, system: &[Timex]) -> (Counts, Vec<Mistake>) {
    let gold = &doc.timexes;
    let pairs = match_pairs(gold, system);
    let mut c = Counts {
        gold: gold.len(),
        system: system.len(),
        relaxed: pairs.len(),
        ..Counts::default()
    };
    let mut paired_g = vec![false; gold.len()];
    let mut paired_s = vec![false; system.len()];
    let mut mistakes = Vec::new();
    let mistake = |kind, g: Option<&Timex>, s: Option<&Timex>| Mistake {
        doc: doc.name.clone(),
        kind,
        gold: g.cloned(),
        system: s.cloned(),
    };
    for &(i, j) in &pairs {
        paired_g[i] = true;
        paired_s[j] = true;
        let (g, s) = (&gold[i], &system[j]);
        if (g.start, g.end) == (s.start, s.end) {
            c.strict += 1;
        } else {
            mistakes.push(mistake(MistakeKind::Span, Some(g), Some(s)));
        }
        if g.kind == s.kind {
            c.type_correct += 1;
        } else {
            mistakes.push(mistake(MistakeKind::Type, Some(g), Some(s)));
        }
        if g.value == s.value {
            c.value_correct += 1;
        } else {
            mistakes.push(mistake(MistakeKind::Value, Some(g), Some(s)));
        }
    }
    for (g, _) in gold.iter().zip(&paired_g).filter(|(_, p)| !**p) {
        mistakes.push(mistake(MistakeKind::Miss, Some(g), None));
    }
    for (s, _) in system.iter().zip(&paired_s).filter(|(_, p)| !**p) {
        mistakes.push(mistake(MistakeKind::FalseAlarm, None, Some(s)));
    }
    mistakes.sort_by_key(|m| {
        let t = m
            .gold
            .as_ref()
            .or(m.system.as_ref())
            .expect("gold or system");
        (t.start, t.end)
    });
    (c, mistakes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let t = |tid: &str, ty: &str, v: &str, s: &str| {
            format!("<TIMEX3 tid=\"{tid}\" type=\"{ty}\" value=\"{v}\">{s}</TIMEX3>")
        };
        let body = format!(
            "On {} ({}) for {}, {} said.",
            t("t1", "DATE", "1998-08-07", "Friday"),
            t("t2", "TIME", "1998-08-07T10:00", "10 a.m."),
            t("t3", "DURATION", "P3D", "three days"),
            t("t4", "DATE", "PRESENT_REF", "now"),
        );
        let tml = format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-08\" \
             functionInDocument=\"CREATION_TIME\">Aug 8</TIMEX3></DCT><TEXT>{body}</TEXT>"
        );
        Document::from_tml("S.tml", &tml).unwrap()
    }

    #[test]
    fn strict_relaxed_type_and_value_counts() {
        let d = doc();
        assert_eq!(d.text, "On Friday (10 a.m.) for three days, now said.");
        let preds = vec![
            Prediction::new(3, 9, "date", "1998-08-07"), // Friday: all right (type case-blind)
            Prediction::new(11, 14, "TIME", "1998-08-07T10"), // "10 " of "10 a.m.": relaxed, wrong value
            Prediction::new(24, 34, "DATE", "P3D"),           // three days: wrong type
            Prediction::new(40, 44, "DATE", "X"),             // "said": false alarm
            Prediction::new(0, 99, "DATE", "X"),              // out of range: dropped
        ];
        // "now" (t4) is missed
        let r = score(&[d], &[preds]);
        let c = r.counts;
        assert_eq!(
            (
                c.gold,
                c.system,
                c.strict,
                c.relaxed,
                c.type_correct,
                c.value_correct
            ),
            (4, 4, 2, 3, 2, 2)
        );
        assert_eq!(r.warnings.len(), 1);
        let kinds: Vec<_> = r.mistakes.iter().map(|m| m.kind.as_str()).collect();
        assert_eq!(kinds, ["span", "value", "type", "miss", "false_alarm"]);
        // the creation time (t0) was never a gold timex
        assert!(
            r.mistakes
                .iter()
                .all(|m| m.gold.as_ref().is_none_or(|g| g.tid != "t0"))
        );
        // python: strict P 50.0 R 50.0, relaxed 75.0, value F1 75*2/3 = 50.0
        assert_eq!(r.metrics.strict.f1, 50.0);
        assert_eq!(r.metrics.relaxed.f1, 75.0);
        assert_eq!(r.metrics.value.f1, 50.0);
        assert_eq!(r.metrics.value.accuracy, 66.67);
    }

    #[test]
    fn the_creation_time_is_never_a_gold_timex() {
        // the DCT outside <TEXT> is input: with no predictions only the four misses count
        let r = score(&[doc()], &[Vec::<Prediction>::new()]);
        assert_eq!((r.counts.gold, r.counts.system), (4, 0));
        assert_eq!(r.metrics.relaxed.f1, 0.0);
    }

    #[test]
    fn predictions_are_sorted_before_matching() {
        // two predictions tie for "three days" (24..34): overlap 9 and distance 1
        // each; the one that sorts first by (start, end) wins, whatever the input order
        let d = doc();
        let a = Prediction::new(24, 33, "DURATION", "A");
        let b = Prediction::new(25, 34, "DURATION", "B");
        for preds in [vec![a.clone(), b.clone()], vec![b.clone(), a.clone()]] {
            let r = score(std::slice::from_ref(&d), &[preds]);
            let span = r
                .mistakes
                .iter()
                .find(|m| m.kind == MistakeKind::Span)
                .unwrap();
            assert_eq!(span.system.as_ref().unwrap().value, "A");
        }
    }
}
