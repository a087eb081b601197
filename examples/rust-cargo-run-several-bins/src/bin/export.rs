fn main() { println!("export"); }
