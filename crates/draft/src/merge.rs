//! Drafting again over a timeline.toml that already exists: nothing a person
//! wrote is lost. Events a person wrote, and drafted events a person has
//! since edited (their fingerprint no longer matches), are kept as they are,
//! comments and order included; drafted events nobody touched give way to
//! the new draft; new events are appended.

use annals_core::date::DateSpec;
use annals_core::write::edit;
use annals_core::{Event, Origin, Timeline, When};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::{fingerprint, stamp};

/// What a re-draft did, for its report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// The new text of timeline.toml.
    pub text: String,
    /// Events kept as they were: written or edited by a person.
    pub kept: usize,
    /// Drafted events nobody had edited, now replaced by the new draft.
    pub replaced: usize,
    /// New drafted events appended.
    pub added: usize,
    /// New drafted events left out because a kept event already tells them.
    pub already_told: usize,
}

/// Whether a drafted event is as the draft left it: its fingerprint still
/// matches what it says.
pub fn untouched(timeline: &Timeline, event: &Event) -> bool {
    match &event.origin {
        Origin::Drafted(d) => d.fingerprint.as_deref() == Some(&fingerprint(timeline, event)),
        _ => false,
    }
}

/// Whether two events tell the same happening: their dates overlap and, in
/// one source, their quotes overlap.
fn same_happening(a: &Timeline, x: &Event, b: &Timeline, y: &Event) -> bool {
    x.when().overlaps(y.when())
        && x.passages().iter().any(|p| {
            let id = &a.sources[p.source()].id;
            y.passages().iter().any(|q| {
                &b.sources[q.source()].id == id
                    && p.quote().start < q.quote().end
                    && q.quote().start < p.quote().end
            })
        })
}

/// Merges `drafted` into `existing` (loaded from `existing_text`, with the
/// same articles). Returns the new text; `Err` if `existing_text` is not TOML.
pub fn merge(
    existing_text: &str,
    existing: &Timeline,
    mut drafted: Timeline,
) -> Result<Merged, toml_edit::TomlError> {
    let replaced: HashSet<&str> = existing
        .events
        .iter()
        .filter(|e| untouched(existing, e))
        .map(|e| e.id.as_str())
        .collect();
    let kept: Vec<&Event> = existing
        .events
        .iter()
        .filter(|e| !replaced.contains(e.id.as_str()))
        .collect();
    // A new event a kept one already tells is left out; counting dates that
    // named it now name the kept event.
    let mut renamed: HashMap<String, String> = HashMap::default();
    let mut added = Vec::new();
    let mut already_told = 0;
    for (i, e) in drafted.events.iter().enumerate() {
        match kept
            .iter()
            .find(|k| same_happening(&drafted, e, existing, k))
        {
            Some(k) => {
                already_told += 1;
                renamed.insert(e.id.clone(), k.id.clone());
            }
            None => added.push(i),
        }
    }
    // New ids must not clash with the ids kept.
    let mut taken: HashSet<String> = kept.iter().map(|e| e.id.clone()).collect();
    for &i in &added {
        let id = &drafted.events[i].id;
        if taken.contains(id) {
            let fresh = (2..)
                .map(|n| format!("{id}-{n}"))
                .find(|c| !taken.contains(c) && drafted.events.iter().all(|e| &e.id != c))
                .unwrap_or_default();
            renamed.insert(id.clone(), fresh);
        }
        taken.insert(renamed.get(id).unwrap_or(id).clone());
    }
    // The date each new id stands for: a kept event's, or the drafted
    // event's own under its fresh id.
    let dated: HashMap<String, When> = {
        let kept: HashMap<&str, &When> = kept.iter().map(|k| (k.id.as_str(), k.when())).collect();
        let own: HashMap<&str, &When> = drafted
            .events
            .iter()
            .map(|e| (e.id.as_str(), e.when()))
            .collect();
        renamed
            .iter()
            .filter_map(|(old, new)| {
                let when = kept.get(new.as_str()).or_else(|| own.get(old.as_str()))?;
                Some((new.clone(), (*when).clone()))
            })
            .collect()
    };
    for &i in &added {
        let event = &mut drafted.events[i];
        if let Some(new) = renamed.get(&event.id) {
            event.id = new.clone();
        }
        if let DateSpec::Relative { anchor, offset } = event.date()
            && let Some(new) = renamed.get(anchor.as_str())
        {
            let date = DateSpec::Relative {
                anchor: new.clone(),
                offset: *offset,
            };
            // Counted from the event it now names; should that date not
            // resolve, the event keeps its own and the loader, which checks
            // what is written, reports it.
            let _ = event.set_date(date, dated.get(new));
        }
    }
    // The events' text changed with their ids and anchors.
    stamp(&mut drafted, &added);
    let text = edit(
        existing_text,
        |table| {
            table
                .get("id")
                .and_then(|v| v.as_str())
                .is_none_or(|id| !replaced.contains(id))
        },
        &drafted,
        &added,
    )?;
    Ok(Merged {
        text,
        kept: kept.len(),
        replaced: replaced.len(),
        added: added.len(),
        already_told,
    })
}
