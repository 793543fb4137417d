"""``python -m dateline``: the dateline command."""

from .cli import main

if __name__ == "__main__":
    main()
