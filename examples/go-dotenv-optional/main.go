// The notifier takes its settings from the environment; a local .env only helps during development.
package main

import (
	"log"
	"os"

	"github.com/joho/godotenv"
)

func main() {
	if err := godotenv.Load(); err != nil {
		log.Println("notifier: no .env file, using the environment")
	}
	log.Printf("notifier: sending to %s", os.Getenv("NOTIFY_URL"))
}
