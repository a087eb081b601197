module example.com/brochure

go 1.19
