"""`make lab`: JupyterLab serves the notebooks on 127.0.0.1, and a kernel it starts is the venv's
Python, which imports the edition's package from this working tree."""
import json
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest
import websocket

import edition
from edition import book, lab, paths

TOKEN = "edition-test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    process = subprocess.Popen(lab.command(port, TOKEN), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                get(address, "/api/status")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within a minute")
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(address: str, path: str, method: str = "GET"):
    request = urllib.request.Request(f"{address}{path}", method=method, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read().decode("utf-8")
        return json.loads(body) if response.headers.get_content_type() == "application/json" else body


def test_the_lab_opens_on_the_notebooks(server):
    assert "JupyterLab" in get(server, "/lab")
    listed = {item["name"] for item in get(server, "/api/contents")["content"]}
    assert {path.name for path in paths.NOTEBOOKS.glob("*.ipynb")} <= listed


def test_the_lab_asks_for_its_token(server):
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{server}/api/contents", timeout=10)
    assert refused.value.code == 403


def test_a_kernel_of_the_lab_is_the_venvs_python_and_imports_this_edition(server):
    kernel = get(server, "/api/kernels", method="POST")["id"]
    channel = websocket.create_connection(f"{server.replace('http', 'ws')}/api/kernels/{kernel}/channels?token={TOKEN}",
                                          timeout=60)
    try:
        request = str(uuid.uuid4())
        channel.send(json.dumps({
            "header": {"msg_id": request, "msg_type": "execute_request", "session": str(uuid.uuid4()),
                       "username": "test", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": "import edition, sys; print(sys.prefix, edition.__file__)", "silent": False},
        }))
        while True:
            message = json.loads(channel.recv())
            if message["parent_header"].get("msg_id") == request and message["msg_type"] == "stream":
                break
        assert message["content"]["text"].split() == [str(book.BIN.parent), edition.__file__]
    finally:
        channel.close()
        get(server, f"/api/kernels/{kernel}", method="DELETE")
