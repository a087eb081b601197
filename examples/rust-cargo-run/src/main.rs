use clap::Parser;

/// Greets someone.
#[derive(Parser)]
struct Args {
    /// Who to greet.
    #[arg(long, default_value = "world")]
    name: String,
}

fn main() {
    env_logger::init();
    let args = Args::parse();
    log::info!("greeting {}", args.name);
    println!("RUST-RUN-OK hello {}", args.name);
}
