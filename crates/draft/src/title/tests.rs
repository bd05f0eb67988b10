//! Titles of sentences from news, the bundled articles and odd text.

use super::*;
use crate::rules::{List, test_words as words};
use crate::words::lower;
use annals_tagger::Tagger;
use chrono::NaiveDate;

/// A title with the embedded word lists.
fn title(sentence: &str, date: Option<Range<usize>>, before: &[&str]) -> String {
    super::title(sentence, date, before, words())
}

fn finish(text: &str) -> String {
    super::finish(text, words())
}

/// The title of `sentence` dated by the first `date` in it.
fn at(sentence: &str, date: &str) -> String {
    dated(sentence, date, &[])
}

fn dated(sentence: &str, date: &str, before: &[&str]) -> String {
    let start = sentence.find(date).unwrap();
    title(sentence, Some(start..start + date.len()), before)
}

#[test]
fn titles_are_the_clause_of_the_date() {
    assert_eq!(
        at(
            "The US and the Taliban signed a historic agreement Saturday meant to finally bring an end to the 18-year conflict in Afghanistan.",
            "Saturday"
        ),
        "The US and the Taliban signed a historic agreement"
    );
    assert_eq!(
        at(
            "The war in Afghanistan began on Oct. 7, 2001, less than a month after the attacks.",
            "Oct. 7, 2001"
        ),
        "The war in Afghanistan began, less than a month after the attacks"
    );
    assert_eq!(
        title(
            "US Secretary of State Mike Pompeo has landed in Doha, Qatar, to attend the signing.",
            None,
            &[]
        ),
        "US Secretary of State Mike Pompeo has landed in Doha, Qatar"
    );
    // The date in a leading adverbial: the main clause tells the event.
    assert_eq!(
        at(
            "In a Wednesday media event, Apple Inc. released a new lineup of MacBook Air laptops and the 2011 version of the company's iLife software suite.",
            "Wednesday"
        ),
        "Apple Inc. released a new lineup of MacBook Air laptops"
    );
    assert_eq!(
        at(
            "Since the original iPhone was released in 2007, web servers for both Apple and AT&T have experienced issues at every new device launch.",
            "2007"
        ),
        "The original iPhone was released"
    );
    assert_eq!(
        at(
            "Formerly \"iPhone OS,\" iOS 4 was first introduced by Apple in April, and includes multitasking capabilities.",
            "April"
        ),
        "iOS 4 was first introduced by Apple"
    );
    assert_eq!(
        at(
            "iPhone 4 will be available on June 24 in the United States, United Kingdom, France, Germany, and Japan.",
            "June 24"
        ),
        "iPhone 4 will be available in the United States, United Kingdom, France, Germany"
    );
}

#[test]
fn a_date_that_names_a_noun_titles_the_noun() {
    let bush = "President George W Bush ordered the US-led invasion of Afghanistan in response to the September 11 attacks in 2001.";
    assert_eq!(at(bush, "September 11"), "The September 11 attacks");
    assert_eq!(
        at(bush, "September 11 attacks in 2001"),
        "The September 11 attacks"
    );
    assert_eq!(
        at(
            "Pompeo said he was still angry about the September 11, 2001 attacks that were planned by Osama bin Laden.",
            "September 11, 2001"
        ),
        "The September 11, 2001 attacks that were planned by Osama bin Laden"
    );
    assert_eq!(
        at(
            "The war in Afghanistan began Oct. 7, 2001 in response to the Sept. 11, 2001 terrorist attacks, which were executed by al-Qa’ida militants.",
            "Sept. 11, 2001"
        ),
        "The Sept. 11, 2001 terrorist attacks, which were executed by al-Qa’ida militants"
    );
}

#[test]
fn titles_end_where_a_phrase_ends() {
    assert_eq!(
        at(
            "Pompeo had privately told a conference of US ambassadors at the State Department this week that he was going only because President Donald Trump had insisted on his participation, according to two people present.",
            "this week"
        ),
        "Pompeo had privately told a conference of US ambassadors at the State Department"
    );
    assert_eq!(
        at(
            "- All Taliban warriors have been ordered not to carry out any types of attacks today.",
            "today"
        ),
        "All Taliban warriors have been ordered not to carry out any types of attacks"
    );
    assert_eq!(
        at(
            "The agreement, which follows a seven-day reduction in violence, commits the US to withdrawing 8,600 troops within the first 135 days and all remaining troops within 14 months of the signing.",
            "the first 135 days"
        ),
        "The agreement commits the US to withdrawing 8,600 troops and all remaining troops"
    );
    assert_eq!(
        at(
            "Earlier this year, Apple opened a 500,000 square foot data center in North Carolina intended to facilitate this new service.",
            "Earlier this year"
        ),
        "Apple opened a 500,000 square foot data center in North Carolina"
    );
    assert_eq!(
        at(
            "An iOS update released Thursday came with an updated, more accurate method of calculating the number of cellular signal bars to display, but did not actually prevent the signal loss that comes with covering the antenna.",
            "Thursday"
        ),
        "An iOS update released came with an updated, more accurate method"
    );
    assert_eq!(
        at(
            "Today's glitches were apparently in the transaction authorization process, the point when Apple transfers information over to AT&T servers.",
            "Today"
        ),
        "Today's glitches were apparently in the transaction authorization process"
    );
    assert_eq!(
        title(
            "During a media event held at its Cupertino headquarters, Apple released the long awaited iPhones Software Development Kit (SDK) and the associated iTunes \"App Store\" and iPhone Developer Program.",
            None,
            &[]
        ),
        "Apple released the long awaited iPhones Software Development Kit"
    );
}

#[test]
fn a_clause_of_its_own_for_the_date() {
    assert_eq!(
        at(
            "In the late 1980's Apple Computer added audio recording abilities to its Macintosh computers, prompting Apple Corps to file suit again in 1989.",
            "1989"
        ),
        "Apple Computer added audio recording abilities, prompting Apple Corps to file suit"
    );
    assert_eq!(
        at(
            "Apple is the producer of the world's most-sold MP3 Player, the iPod and launched the iTunes Music Store, a online music store, on April 28, 2003.",
            "April 28, 2003"
        ),
        "Apple launched the iTunes Music Store"
    );
    assert_eq!(
        at(
            "It should be mentioned that the stock capital of Apple Inc tripled in 2004, doubled in 2005 and increased by 16 percent in 2006.",
            "2004"
        ),
        "The stock capital of Apple Inc tripled"
    );
    let pixar = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.";
    assert_eq!(
        at(pixar, "2005"),
        "Pixar was acquired by The Walt Disney Company"
    );
    assert_eq!(
        at(
            "Cisco states that it has received the trademark in 2000, when the company overtook Infogear Technology Corp., which took place in 1996.",
            "2000"
        ),
        "Cisco states that it has received the trademark"
    );
}

#[test]
fn subjects_are_names() {
    assert_eq!(
        at(
            "After more than a year of challenging negotiations amid continued bloodshed in Afghanistan, US Special Representative Zalmay Khalizad, the chief US negotiator, and head of the Taliban’s negotiating team, Mullah Abdul Ghani Baradar, signed the agreement in Doha, Qatar.",
            "more than a year"
        ),
        "US Special Representative Zalmay Khalizad and Mullah Abdul Ghani Baradar signed the agreement"
    );
    assert_eq!(
        at(
            "The co-founder and former chief executive officer of Apple Inc. Steve Jobs has died yesterday at the age of 56, according to the company website.",
            "yesterday"
        ),
        "Steve Jobs has died at the age of 56"
    );
    assert_eq!(
        title(
            "Apple Computer CEO and co-founder Steve Jobs gave his annual opening keynote to the World Wide Developers Conference (WWDC) at Moscone Center in San Francisco, California on Monday.",
            None,
            &[]
        ),
        "Steve Jobs gave his annual opening keynote to the World Wide Developers Conference"
    );
    let tiger = title(
        "In chatrooms and on bulletin boards, Macintosh users and the Macintosh - curious are buzzing about Tiger, the newest version of Apple Computer's Mac OS X, version 10.4.",
        None,
        &[],
    );
    assert!(
        tiger.starts_with("Macintosh users and the Macintosh - curious are buzzing about Tiger")
    );
}

#[test]
fn pronouns_take_the_name_before() {
    let born = "Jobs, born in San Francisco on February 24, 1955, has built the most valuable technology company in the world, with a market value of $348.8 billion.";
    let started = "He started Apple in 1976, and in 1984 the first Macintosh personal computer was released to the public.";
    let fired = "One year later he was fired from the company and he founded NeXT.";
    let pixar = "In 1986 he bought Pixar which was acquired by The Walt Disney Company in 2005.";
    assert_eq!(dated(started, "1976", &[born]), "Jobs started Apple");
    assert_eq!(
        dated(fired, "One year later", &[started, born]),
        "Jobs was fired from the company and he founded NeXT"
    );
    // Through a chain of the same pronoun.
    assert_eq!(
        dated(pixar, "1986", &[fired, started, born]),
        "Jobs bought Pixar"
    );
    // Nobody named before: the pronoun stays.
    assert_eq!(dated(started, "1976", &[]), "He started Apple");
    // "it" takes a thing's name.
    assert_eq!(
        dated(
            "It is slated for a U.S. release on June 24, starting at US$199.",
            "June 24",
            &[
                "The newest iPhone, iPhone 4 was introduced by Apple CEO Steve Jobs at the company's 2010 Worldwide Developer's Conference less than two weeks ago."
            ]
        ),
        "The newest iPhone is slated for a U.S. release"
    );
    assert_eq!(
        dated(
            "During his 2 hour speech he stated that \"Today Apple is going to reinvent the phone, We are going to make history today\".",
            "Today",
            &[
                "Apple CEO Steve Jobs unveiled the device by walking onto the stage and taking the iPhone out of his jeans pocket."
            ]
        ),
        "Apple CEO Steve Jobs stated: Apple is going to reinvent the phone"
    );
}

#[test]
fn quotations_name_the_speaker() {
    assert_eq!(
        title(
            "\u{201C}We are on the verge of a huge opportunity,\u{201D} Pompeo said on Saturday.",
            None,
            &[]
        ),
        "Pompeo said: We are on the verge of a huge opportunity"
    );
    assert_eq!(
        at(
            "\u{201C}Over the past week, we have observed a significant reduction in violence, which has created the necessary conditions for the United States to approve an agreement with the Taliban,\u{201D} Secretary of Defense Mark Esper said Saturday in Kabul, Afghanistan ahead of the signing.",
            "the past week"
        ),
        "Secretary of Defense Mark Esper said: We have observed a significant reduction in violence"
    );
    assert_eq!(
        at(
            "The US Embassy in Kabul said on Twitter: \"Today is a monumental day for Afghanistan. It is about making peace and crafting a common brighter future. We stand with Afghanistan.\"",
            "Today"
        ),
        "The US Embassy in Kabul said: Today is a monumental day for Afghanistan"
    );
    assert_eq!(
        at(
            "\u{201C}Today is the day of victory, which has come with the help of Allah,\u{201D} said Abbas Stanikzai, one of the Taliban\u{2019}s lead negotiators, who joined the march.",
            "Today"
        ),
        "Abbas Stanikzai said: Today is the day of victory"
    );
    // Reported speech: the speaker and the clause, shorter if need be.
    assert_eq!(
        at(
            "The change in policy will occur within the next six months, Apple announced this morning.",
            "this morning"
        ),
        "Apple announced: The change in policy will occur within the next six months"
    );
    assert_eq!(
        at(
            "Apple Inc. announced Friday that it will give owners of its new iPhone 4 a free case in response to mounting concerns over the device's antenna placement.",
            "Friday"
        ),
        "Apple Inc. will give owners of its new iPhone 4 a free case"
    );
}

#[test]
fn odd_text_still_makes_a_title() {
    assert_eq!(finish("the withdrawal of all of the"), "The withdrawal");
    for odd in [
        "",
        "(",
        "\u{201C}",
        ", ,",
        "é",
        "on which on He a",
        "\"\"",
        "- -",
    ] {
        assert!(!title(odd, None, &[]).is_empty());
        assert!(!title(odd, Some(0..odd.len()), &[odd]).is_empty());
    }
}

/// The words of `text` as written, punctuation around them dropped.
fn bare_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Over every sentence of the bundled articles, undated and at each of
/// its dates: one line, at most a few more words than the aim, made of
/// whole words of the sentence (or of a name before it for a pronoun),
/// never ending on a function word.
#[test]
fn titles_of_the_bundled_articles_end_on_whole_content_words() {
    let tagger = Tagger::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sources");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut checked = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let body = match text.strip_prefix("+++") {
            Some(rest) => rest.split_once("\n+++").map_or(rest, |(_, b)| b),
            None => text.as_str(),
        };
        let paragraphs = annals_core::text::paragraphs(body);
        let sentences = crate::sentences::split(body, &paragraphs, words());
        let dct = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        let timexes = tagger.tag(body, dct);
        for (n, s) in sentences.iter().enumerate() {
            let sentence = &body[s.span.clone()];
            let before: Vec<&str> = sentences[..n]
                .iter()
                .rev()
                .take(3)
                .map(|p| &body[p.span.clone()])
                .collect();
            let mut dates = vec![None];
            dates.extend(
                timexes
                    .iter()
                    .filter(|x| s.span.start <= x.byte_start && x.byte_end <= s.span.end)
                    .map(|x| Some(x.byte_start - s.span.start..x.byte_end - s.span.start)),
            );
            let mut allowed: Vec<String> = bare_words(sentence);
            for b in &before {
                allowed.extend(bare_words(b));
            }
            let allowed: Vec<String> = allowed.iter().map(|w| lower(w)).collect();
            for date in dates {
                let made = title(sentence, date.clone(), &before);
                let context = format!("{sentence:?} at {date:?}: {made:?}");
                assert!(!made.is_empty() && !made.contains('\n'), "{context}");
                assert!(
                    made.split_whitespace().count() <= MAX_WORDS + 4,
                    "{context}"
                );
                for word in bare_words(&made) {
                    assert!(allowed.contains(&lower(&word)), "{word:?} cut: {context}");
                }
                let t = Text::new(&made, words());
                let last = (0..t.toks.len()).rev().find(|&i| t.word(i)).unwrap();
                let word = t.low(last);
                let function = words().has(List::Prepositions, word)
                    || words().has(List::Determiners, word)
                    || words().has(List::NounPhraseDeterminers, word)
                    || words().has(List::ClauseBreaks, word)
                    || words().has(List::Modals, word)
                    || words().has(List::BeAny, word)
                    || word.ends_with("'s");
                assert!(!function, "ends on {word:?}: {context}");
                assert!(
                    !made.ends_with([',', ';', ':', '-']),
                    "ends on a mark: {context}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}
