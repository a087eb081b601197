// The inventory API loads .env (kept out of git by .gitignore) and stops when it is missing.
package main

import (
	"fmt"
	"os"

	"github.com/joho/godotenv"
)

func main() {
	err := godotenv.Load(".env")
	if err != nil {
		fmt.Fprintln(os.Stderr, "inventory: .env missing")
		os.Exit(1)
	}
	fmt.Println("inventory ready for", os.Getenv("WAREHOUSE"))
}
