use tower_http::services::ServeDir;

#[tokio::main]
async fn main() {
    // The pages are read from ./site (relative to WORKDIR) at run time, not compiled in.
    let app = axum::Router::new().fallback_service(ServeDir::new("site"));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
