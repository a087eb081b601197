fn main() { println!("import"); }
