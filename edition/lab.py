"""``make lab``: the notebooks in JupyterLab, for a researcher to rerun and change them.

The server is the venv's own (JupyterLab is pinned in requirements.txt), so the notebooks' kernel
is the venv's Python, which imports the edition's package from this working tree. It listens on
127.0.0.1 only, opens on the notebooks folder, asks for the token it prints, and makes no request
to the network itself.
"""
from __future__ import annotations

import subprocess
import sys

from . import book, paths

PORT = 8888


def command(port: int, token: str | None = None) -> list[str]:
    """JupyterLab on this machine only, at ``port``, on the notebooks; with ``token`` as its token
    (by default it makes one and prints it)."""
    options = ["--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
               "--ServerApp.port_retries=0", f"--ServerApp.root_dir={paths.NOTEBOOKS}",
               # CI and containers run as root, where the server otherwise refuses to start.
               "--allow-root",
               # Nothing asks the network: no extension manager reading PyPI, no update check.
               "--LabApp.extension_manager=readonly", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    options += [f"--IdentityProvider.token={token}"] if token is not None else []
    return [str(book.BIN / "jupyter"), "lab", *options]


def main(arguments: list[str]) -> int:
    """Serve JupyterLab at the port given (by default 8888) until interrupted."""
    return subprocess.call(command(int(arguments[0]) if arguments else PORT))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
