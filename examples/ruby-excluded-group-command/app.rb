require "sinatra"
get("/") { "hello" }
