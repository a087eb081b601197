// Small web app with three run-time needs that a slim runtime image must keep:
//   - static/*   is embedded into the binary with //go:embed (nothing to copy);
//   - templates/ is read from disk at start-up, relative to the working directory;
//   - the time zone from APP_TIMEZONE needs zoneinfo, and outgoing HTTPS needs the CA bundle.
package main

import (
	"embed"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"os"
	"time"
)

//go:embed static/*
var staticFiles embed.FS

const caBundle = "/etc/ssl/certs/ca-certificates.crt"

type page struct {
	Zone    string
	Release string
	CA      string
}

func main() {
	zone := os.Getenv("APP_TIMEZONE")
	if zone == "" {
		zone = "UTC"
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		log.Fatalf("time zone %q: %v", zone, err)
	}

	raw, err := os.ReadFile("templates/index.html")
	if err != nil {
		log.Fatalf("template: %v", err)
	}
	tmpl := template.Must(template.New("index").Parse(string(raw)))

	ca := "missing"
	if st, err := os.Stat(caBundle); err == nil && st.Size() > 0 {
		ca = "present"
	}
	log.Printf("CA bundle %s: %s", caBundle, ca)

	// A fixed instant keeps the page deterministic: 2024-01-15 12:00 UTC shown in the app's zone.
	release := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC).In(loc).Format("2006-01-02 15:04 MST")

	sub, _ := fs.Sub(staticFiles, "static")
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.FS(sub))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := tmpl.Execute(w, page{Zone: loc.String(), Release: release, CA: ca}); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	log.Print("listening on :8080")
	log.Fatal(http.ListenAndServe(":8080", nil))
}
