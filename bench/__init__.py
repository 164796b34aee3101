"""The c5names benchmark instrument: `python bench/run.py [--quick] [--out docs/performance.md]`."""
