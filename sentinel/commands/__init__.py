"""One module per subcommand; each entry function returns an exit code."""
