"""``python -m dateline.cli``: the dateline command."""

from . import main

if __name__ == "__main__":
    main()
