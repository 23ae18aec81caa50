//! Prints a synthetic on-call model: `cargo run --release --example synthetic -- SITES PEOPLE ENVIRONMENTS`.
//!
//! Used by `scripts/bench-process.sh` to time the whole `oncallc check` process on large models.

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| {
            a.parse().unwrap_or_else(|_| {
                eprintln!("usage: synthetic SITES PEOPLE ENVIRONMENTS (whole numbers)");
                std::process::exit(2)
            })
        })
        .collect();
    let [sites, people, environments] = args[..] else {
        eprintln!("usage: synthetic SITES PEOPLE ENVIRONMENTS");
        std::process::exit(2)
    };
    print!(
        "{}",
        oncallc::synthetic::synthetic_model(sites, people, environments)
    );
}
