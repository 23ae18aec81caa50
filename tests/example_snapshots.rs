//! Golden output: every file the example model produces, pinned with insta.

use camino::Utf8Path;
use oncallc::pipeline::{self, Options};

#[test]
fn example_output_is_pinned() {
    let root = Utf8Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = Options {
        today: None,
        out_dir: Some(root.join("generated/acm")),
        ..Options::default()
    };
    let (_, files) = pipeline::compile(&root.join("examples/acm/oncall.yaml"), &options)
        .expect("the example compiles");
    assert!(files.len() >= 8);
    for (path, text) in files.iter() {
        let name = path.as_str().replace('/', "__");
        insta::assert_snapshot!(name, text);
    }
}
