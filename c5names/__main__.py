"""`python -m c5names`: the command line (see c5names.cli)."""

from .cli import main

raise SystemExit(main())
