//! Any bytes as an article file: front matter, datelines, bodies. Reading it
//! never panics, and a body it returns is a suffix of the file.
#![no_main]

use annals_core::load::{DataFile, read_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(article) = read_article(DataFile::new("fuzz.txt", bytes)) {
        let text = std::str::from_utf8(bytes).expect("an article read is UTF-8");
        assert!(text.ends_with(&article.body));
        assert!(article.body_line >= 1);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(split) = annals_core::source::split(text) {
            assert_eq!(&text[split.body_offset..], split.body);
        }
    }
});
