use axum::Router;
use tower_http::services::ServeDir;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pool = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    // The migrations are compiled into the binary.
    sqlx::migrate!("../../migrations").run(&pool).await?;
    let app = Router::new().nest_service("/static", ServeDir::new("static")).merge(shared::routes(pool));
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
