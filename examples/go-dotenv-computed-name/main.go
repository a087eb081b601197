// Loads .<APP_ENV>.env (default .dev.env) and serves the greeting it sets.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/joho/godotenv"
)

func main() {
	env := os.Getenv("APP_ENV")
	if env == "" {
		env = "dev"
	}
	if err := godotenv.Load("." + env + ".env"); err != nil {
		log.Fatalf("cannot load the %s settings: %v", env, err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, os.Getenv("GREETING"))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
