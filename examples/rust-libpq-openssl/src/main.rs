use actix_web::{get, App, HttpServer, Responder};

#[get("/")]
async fn index() -> impl Responder {
    let tera = tera::Tera::new("templates/**/*").unwrap();
    tera.render("index.html", &tera::Context::new()).unwrap()
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    // Local development reads .env; in a container the variables come from the environment.
    dotenvy::dotenv().ok();
    HttpServer::new(|| App::new().service(index)).bind(("0.0.0.0", 8000))?.run().await
}
