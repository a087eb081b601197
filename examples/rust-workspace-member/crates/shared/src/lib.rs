pub fn routes(_pool: sqlx::PgPool) -> axum::Router {
    axum::Router::new()
}

pub fn work() {}
