"""Sources: each turns one kind of system signal into Events on the queue."""
