"""``python -m planmodel``: the same command as ``planmodel``."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
