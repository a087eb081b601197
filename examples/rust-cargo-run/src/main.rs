/// Greets the name given with `--name` (the standard library only: quick to compile at start-up).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args
        .iter()
        .position(|a| a == "--name")
        .and_then(|i| args.get(i + 1))
        .map_or("world", String::as_str);
    if std::env::var("RUST_LOG").as_deref() == Ok("info") {
        eprintln!("INFO greeting {name}");
    }
    println!("RUST-RUN-OK hello {name}");
}
