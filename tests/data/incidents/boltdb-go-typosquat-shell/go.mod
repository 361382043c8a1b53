module github.com/boltdb-go/bolt

go 1.13

require golang.org/x/sys v0.0.0-20200223170610-d5e6a3e2c0ae
