//! Page furniture: what belongs to the page and not to the story (bylines
//! and highlights before an agency dateline, reader comments, correction
//! notes, credits, wiki markup, a page's own timestamps), found sentence by
//! sentence so that none of it becomes an event, a title or a lead.

use crate::rules::{List, Words};
use crate::sentences::Sentence;
use crate::words::words as split_words;

/// How far into an article an agency dateline ("(CNN) --") is looked for:
/// the byline and the highlights before it are a few hundred bytes, the
/// story after it is the article.
const DATELINE_WITHIN: usize = 4_000;

/// The longest place before a bare dateline dash ("TRIPOLI, Libya --").
const PLACE_MOST: usize = 40;

/// Cuts the page's furniture off the article's sentences: every sentence
/// before an agency dateline ("By the CNN Wire Staff NEW: ... (CNN) --
/// Libyans vowed ...") is furniture, and the sentence holding it starts
/// after it, as does one opening with a bare place dateline ("TRIPOLI, Libya
/// -- Rebels ..."). Returns, for each sentence, whether it is furniture
/// (what comes before the dateline, reader comments, notes, credits, markup).
pub(crate) fn furniture(body: &str, sentences: &mut [Sentence], w: &Words) -> Vec<bool> {
    let mut skip = vec![false; sentences.len()];
    if let Some((k, after)) = sentences
        .iter()
        .take_while(|s| s.span.start < DATELINE_WITHIN)
        .enumerate()
        .find_map(|(k, s)| agency_dateline(&body[s.span.clone()], w).map(|at| (k, at)))
    {
        skip[..k].iter_mut().for_each(|x| *x = true);
        start_at(body, &mut sentences[k], after);
    }
    for (k, s) in sentences.iter_mut().enumerate() {
        if let Some(after) = place_dateline(&body[s.span.clone()]) {
            start_at(body, s, after);
        }
        skip[k] |= s.span.is_empty();
    }
    // Reader comments follow the article; each ends with its stamp
    // ("April 4, 2011 at 8:08 am | Reply"): from the first one on, the
    // page is its readers'.
    if let Some(first) = sentences
        .iter()
        .position(|s| comment_stamp(&body[s.span.clone()], w))
    {
        skip[first..].iter_mut().for_each(|x| *x = true);
    }
    for (k, s) in sentences.iter().enumerate() {
        let text = &body[s.span.clone()];
        skip[k] |= note(text, w) || markup(text) || shouted(text);
    }
    skip
}

/// Moves the start of `s` to `after` bytes into it, past white space.
fn start_at(body: &str, s: &mut Sentence, after: usize) {
    let from = s.span.start + after;
    let rest = &body[from..s.span.end];
    s.span.start = from + (rest.len() - rest.trim_start().len());
}

/// Where the story starts after an agency dateline in `text`: `(CNN) --`,
/// `(Reuters) -`, `(AP) —`: a parenthesis of one to three capitalised
/// words, then a dash.
fn agency_dateline(text: &str, w: &Words) -> Option<usize> {
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        let inside = &text[open + 1..close];
        let names = inside.split_whitespace().collect::<Vec<_>>();
        // An agency's name ("Reuters", "CNNMoney") or initials ("AP").
        let agency = (1..=3).contains(&names.len())
            && inside.len() <= 30
            && (w.has(List::Agencies, &inside.to_lowercase())
                || inside.chars().all(|c| c.is_uppercase() || c == '.'));
        if !agency {
            continue;
        }
        let rest = &text[close + 1..];
        let trimmed = rest.trim_start();
        for dash in ["--", "-", "\u{2013}", "\u{2014}"] {
            if let Some(after) = trimmed.strip_prefix(dash)
                && after.starts_with(char::is_whitespace)
                && after.trim_start().starts_with(|c: char| !c.is_lowercase())
            {
                return Some(text.len() - after.len());
            }
        }
    }
    None
}

/// Where the story starts after a place dateline opening `text`:
/// "TRIPOLI, Libya -- ", "Ras Lanuf, Libya — ": a short run of capitalised
/// words and commas, then a dash between spaces.
fn place_dateline(text: &str) -> Option<usize> {
    let head = prefix(text, PLACE_MOST + 4);
    let (place, dash) = ["--", "\u{2014}", "\u{2013}"]
        .iter()
        .filter_map(|d| head.find(&format!(" {d} ")).map(|i| (i, d.len())))
        .min()?;
    let words: Vec<&str> = text[..place]
        .split([' ', ','])
        .filter(|x| !x.is_empty())
        .collect();
    let capitalised = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|x| {
            x.starts_with(|c: char| c.is_uppercase()) && x.chars().all(char::is_alphabetic)
        });
    capitalised.then_some(place + 1 + dash)
}

/// The first `most` bytes of `text`, or fewer to end at a character's edge.
fn prefix(text: &str, most: usize) -> &str {
    let mut end = text.len().min(most);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether `text` holds a reader comment's stamp: "| Reply", "| Report abuse".
fn comment_stamp(text: &str, w: &Words) -> bool {
    text.match_indices('|').any(|(at, _)| {
        let after = split_words(prefix(&text[at + 1..], 24));
        after
            .first()
            .is_some_and(|word| w.has(List::CommentStamps, &word.low))
    })
}

/// Whether `text` is a note about the page ("This article was amended on 6
/// May 2010", "Photo: Reuters", "Click here"): it opens with one of
/// `[page_notes]`.
fn note(text: &str, w: &Words) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(40)
        .collect::<String>()
        .to_lowercase();
    w.phrases(List::PageNotes)
        .any(|p| head.starts_with(p.as_str()))
}

/// Whether `text` carries wiki markup: an image size ("150px"), a link or
/// template's brackets, "thumb|".
fn markup(text: &str) -> bool {
    text.contains("[[")
        || text.contains("{{")
        || text.contains("thumb|")
        || text.split(|c: char| !c.is_alphanumeric()).any(|t| {
            t.strip_suffix("px")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether `text` is shouted: four words or more, all in capitals (a
/// transcript's notice, "THIS IS A RUSH TRANSCRIPT", a page's header).
fn shouted(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|x| x.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    words.len() >= 4 && words.iter().all(|x| !x.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped(body: &str) -> Vec<(String, bool)> {
        let w = crate::rules::test_words();
        let whole = std::iter::once(0..body.len()).collect::<Vec<_>>();
        let mut sentences = crate::sentences::split(body, &whole, w);
        let skip = furniture(body, &mut sentences, w);
        sentences
            .iter()
            .zip(skip)
            .map(|(s, k)| (body[s.span.clone()].to_string(), k))
            .collect()
    }

    #[test]
    fn what_comes_before_an_agency_dateline_is_the_page_s() {
        let s = skipped(
            "By the CNN Wire Staff NEW: Witnesses report gunfire. Gadhafi responds \
             (CNN) -- Libyans vowed to hit the streets again Sunday. They did.",
        );
        assert_eq!(
            s[0],
            (
                "By the CNN Wire Staff NEW: Witnesses report gunfire.".into(),
                true
            )
        );
        assert_eq!(
            s[1],
            (
                "Libyans vowed to hit the streets again Sunday.".into(),
                false
            )
        );
        assert_eq!(s[2], ("They did.".into(), false));
        let s = skipped("WASHINGTON (Reuters) - The US signed a deal on Saturday.");
        assert_eq!(s[0].0, "The US signed a deal on Saturday.");
        // A parenthesis in the story is no dateline.
        for story in [
            "The group (Hamas) - as it is known - fought on.",
            "The group (HRW) - which counts the dead - said so.",
        ] {
            assert_eq!(skipped(story)[0].0, story);
        }
    }

    #[test]
    fn a_place_dateline_is_cut_off() {
        let s = skipped("TRIPOLI, Libya -- Rebels took the port on Monday.");
        assert_eq!(s[0].0, "Rebels took the port on Monday.");
        let s = skipped("Ras Lanuf, Libya \u{2014} Rebels fled.");
        assert_eq!(s[0].0, "Rebels fled.");
        let s = skipped("The rebels -- tired and hungry -- fled.");
        assert_eq!(s[0].0, "The rebels -- tired and hungry -- fled.");
    }

    #[test]
    fn reader_comments_from_the_first_stamp_on() {
        let s = skipped(
            "NATO struck Tripoli on Monday. Officials said so. \
             Just leave them alone April 4, 2011 at 8:08 am | Reply Yes they bombed it in 1986. \
             Another reader wrote on May 2.",
        );
        let kept: Vec<_> = s.iter().filter(|x| !x.1).map(|x| x.0.as_str()).collect();
        assert_eq!(
            kept,
            ["NATO struck Tripoli on Monday.", "Officials said so."]
        );
        assert!(!skipped("The vote was 5 | 4 in favour.")[0].1);
        // Cut at a character's edge, never inside one.
        for text in [
            "It is the 17th time this year that the port\u{2019}s management is in the news.",
            "Le caf\u{e9} | R\u{e9}ply \u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9} said.",
        ] {
            assert!(!skipped(text)[0].1, "{text}");
        }
    }

    #[test]
    fn notes_credits_markup_and_shouting() {
        for furniture in [
            "This article was amended on 6 May 2010 to correct a name.",
            "Photo: Reuters.",
            "Click here for more.",
            "The castle 150px stands on a hill since 1200.",
            "THIS IS A RUSH TRANSCRIPT. ",
            "THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.",
        ] {
            assert!(skipped(furniture)[0].1, "{furniture}");
        }
        for story in [
            "The article was amended by parliament in 2010.",
            "DONALD Trump has brokered a peace deal.",
            "NATO and the UN met in Paris on Monday.",
            "Photographers were barred from the court.",
        ] {
            assert!(!skipped(story)[0].1, "{story}");
        }
    }
}
