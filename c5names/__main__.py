"""`python -m c5names`: the command line (see c5names.cli)."""

from c5names.cli import main

raise SystemExit(main())
