fn main() { println!("worker"); }
