import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hello_server import __version__


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self._send(200, "text/plain", b"ok\n")
        elif self.path == "/":
            body = json.dumps({"message": "hello from hello-server", "version": __version__}).encode()
            self._send(200, "application/json", body)
        else:
            self._send(404, "text/plain", b"not found\n")

    def _send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        print("%s %s" % (self.address_string(), fmt % args))


def main():
    port = int(os.environ.get("PORT", "8000"))
    print(f"hello-server {__version__} listening on :{port}")
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
