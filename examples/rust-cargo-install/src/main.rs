use serde::Serialize;

#[derive(Serialize)]
struct Greeting<'a> {
    marker: &'a str,
    to: &'a str,
}

fn main() -> anyhow::Result<()> {
    let to = std::env::args().nth(1).unwrap_or_else(|| "world".to_string());
    let greeting = Greeting { marker: "RUST-INSTALL-OK", to: &to };
    println!("{} {}", greeting.marker, serde_json::to_string(&greeting)?);
    Ok(())
}
