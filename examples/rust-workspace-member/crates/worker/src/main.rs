fn main() { shared::work(); }
