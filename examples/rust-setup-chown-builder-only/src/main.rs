fn main() {
    println!("worker up");
}
