"""``python -m iop_assistant.console``: serve the staff console (port 8080)."""

from __future__ import annotations

import argparse

from iop_assistant.console.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="IOP Assistant staff console")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    # one worker: the indexer timer runs in this process
    create_app(name="iop_console").run(host=args.host, port=args.port, access_log=False, workers=1)


if __name__ == "__main__":
    main()
