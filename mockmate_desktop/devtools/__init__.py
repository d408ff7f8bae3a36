"""Developer and benchmark tools. Never imported by the app at run time (only by tests and `mockmate bench`)."""
