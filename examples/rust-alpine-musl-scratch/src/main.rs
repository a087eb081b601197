fn main() -> anyhow::Result<()> {
    let url = std::env::var("PROBE_URL").unwrap_or_else(|_| "https://example.com/".into());
    let status = reqwest::blocking::get(&url)?.status();
    println!("{url} {status}");
    Ok(())
}
