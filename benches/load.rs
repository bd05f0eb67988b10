//! How long it takes to load, check and print the bundled story: annals does
//! this on every start, so it should stay well under a frame (16 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use annals_core::print::{Format, View};

fn load(c: &mut Criterion) {
    let files = annals::bundled::files();
    c.bench_function("load bundled story", |b| {
        b.iter(|| annals_core::load::load_files(black_box(&files)).expect("bundled story loads"))
    });
    let timeline = annals::bundled::load().expect("bundled story loads");
    let mut view = View::new(&timeline);
    view.passages = true;
    for (name, format) in [("print text", Format::Text), ("print json", Format::Json)] {
        c.bench_function(name, |b| b.iter(|| black_box(&view).render(format)));
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
