use regex::Regex;

/// Counts the log levels in the embedded sample and prints them as JSON.
fn main() {
    let sample = include_str!("../sample.log");
    let level = Regex::new(r"\b(INFO|WARN|ERROR)\b").expect("a valid pattern");
    let mut counts = serde_json::Map::new();
    for found in level.find_iter(sample) {
        let entry = counts.entry(found.as_str()).or_insert(serde_json::json!(0));
        *entry = serde_json::json!(entry.as_u64().unwrap_or(0) + 1);
    }
    println!("RUST-REPORT-OK {}", serde_json::Value::Object(counts));
}
