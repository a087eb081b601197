fn main() {
    println!("bot up");
}
