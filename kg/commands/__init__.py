"""One module per ``kg`` verb; see ``kg/cli.py``."""
