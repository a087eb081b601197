use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Reads `greeting = "..."` from config/app.toml (a one-line config, read at run time).
fn greeting() -> anyhow::Result<String> {
    let config = std::fs::read_to_string("config/app.toml")?;
    let line = config
        .lines()
        .find(|l| l.trim_start().starts_with("greeting"))
        .ok_or_else(|| anyhow::anyhow!("no greeting in config/app.toml"))?;
    Ok(line.split('"').nth(1).unwrap_or_default().to_string())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let listener = TcpListener::bind("0.0.0.0:8080").await?;
    println!("listening on 8080");
    loop {
        let (mut socket, _) = listener.accept().await?;
        let mut request = [0u8; 1024];
        let _ = socket.read(&mut request).await?;
        let page = std::fs::read_to_string("templates/index.html")?.replace("{{greeting}}", &greeting()?);
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{}",
            page.len(),
            page
        );
        socket.write_all(response.as_bytes()).await?;
    }
}
