fn main() { println!("migrating"); }
