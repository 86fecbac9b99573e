"""``newsfuse serve``: argparse setup and handler (starts uvicorn on the app of ``serve.app``)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..errors import UsageError

#: Seconds a stopping server waits for open responses (event streams) before it closes them.
SHUTDOWN_GRACE_S = 5


def add_parser(sub: Any) -> None:
    s = sub.add_parser("serve", help="follow developing stories in a local web app",
                       description="Start the web app: add feeds, URLs, files or text; read stories as they update.")
    s.add_argument("--db", default="newsfuse.db", metavar="PATH|URL",
                   help="SQLite file (default newsfuse.db, WAL mode) or a postgresql:// URL")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; others need a token)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--token", metavar="TOKEN",
                   help="access token (default: $NEWSFUSE_TOKEN, else a random one when not bound to loopback)")
    s.add_argument("--allow-private", action="store_true",
                   help="let the server fetch loopback/private addresses (tests and local feeds only)")
    s.add_argument("--no-worker", action="store_true", help="serve pages only; run no background jobs")


def handle(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import ServeConfig, create_app
    from .security import is_loopback, new_token

    if not 0 < args.port < 65536:
        raise UsageError("--port must be 1-65535")
    token = args.token or os.environ.get("NEWSFUSE_TOKEN") or None
    if token is None and not is_loopback(args.host):
        token = new_token()
    config = ServeConfig(db=args.db, host=args.host, port=args.port, token=token,
                         allow_private=args.allow_private, worker=not args.no_worker)
    app = create_app(config)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    link = f"http://{shown}:{args.port}/" + (f"?token={token}" if token else "")
    print(f"newsfuse: serving {args.db if '://' not in args.db else 'PostgreSQL'} on {link}", file=sys.stderr)
    # open /api/events streams are cut after a few seconds at shutdown; browsers reconnect to the next server
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False,
                timeout_graceful_shutdown=SHUTDOWN_GRACE_S)
    return 0
