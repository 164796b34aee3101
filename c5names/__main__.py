"""`python -m c5names`: the command line (see c5names.cli)."""

try:
    from c5names.cli import main
except KeyboardInterrupt:  # Ctrl-C while the program is still starting: nothing was written
    raise SystemExit(130) from None

raise SystemExit(main())
