fn main() {
    println!("rotate: nothing to do");
}
