#[tokio::main] async fn main() { let _ = reqwest::get("https://example.com/feed").await; }
