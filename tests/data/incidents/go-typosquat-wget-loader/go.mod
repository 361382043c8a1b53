module github.com/shallowmulti/hypert

go 1.22
